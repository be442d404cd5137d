import { describe, expect, it } from 'vitest';
import { draftProblems } from './draftProblems.js';
import { emptyDraft } from './responseDraft.js';

describe('what stops a response from being sent', () => {
  it('names every missing field in the order of the form', () => {
    expect(draftProblems(emptyDraft()).map(([field]) => field)).toEqual(['name', 'email', 'statement', 'acknowledged']);
  });

  it('accepts remarks without a general statement, but not an empty remark', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Per',
      email: 'per@example.no',
      acknowledged: true,
      remarks: [
        { key: 'a', sectionId: 's', quote: '', text: 'Godt.', proposedText: '' },
        { key: 'b', sectionId: 's', quote: 'x', text: '  ', proposedText: 'y' },
      ],
    };
    expect(draftProblems(draft)).toEqual([['remark:b', 'hearings.public.form.remarkEmpty']]);
  });

  it('refuses an address that cannot be an e-mail address', () => {
    const draft = { ...emptyDraft(), name: 'Per', email: 'per.example.no', statement: 'Ok', acknowledged: true };
    expect(draftProblems(draft)).toEqual([['email', 'form.emailInvalid']]);
  });
});
