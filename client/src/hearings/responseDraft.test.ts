import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  draftKey,
  draftToInput,
  emptyDraft,
  loadDraft,
  saveDraft,
  type DraftStorage,
  type ResponseDraft,
} from './responseDraft.js';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const draft: ResponseDraft = {
  ...emptyDraft(),
  kind: 'organisation',
  name: 'Eldrerådet i Demo kommune',
  organisation: 'Demo kommune',
  email: 'eldreradet@demo.no',
  statement: 'Eldrerådet støtter planen.',
  remarks: [
    { key: 'a', sectionId: 'sec-7', quote: 'alle skal ha en fast lege', text: 'For snevert.', proposedText: '' },
  ],
};

describe('the response draft kept in the browser', () => {
  it('is kept per hearing and resumed as written', () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, 'token-a', draft)).toBe(true);
    expect(loadDraft(storage, 'token-a')).toEqual(draft);
    expect(loadDraft(storage, 'token-b')).toBeNull();
  });

  it('is removed when sent, and an empty draft is not kept', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'token-a', draft);
    clearDraft(storage, 'token-a');
    expect(storage.items.size).toBe(0);
    saveDraft(storage, 'token-a', emptyDraft());
    expect(storage.items.size).toBe(0);
  });

  it('reads a damaged or foreign value as untrusted: wrong types are dropped, nothing throws', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('t'), 'not json');
    expect(loadDraft(storage, 't')).toBeNull();
    storage.setItem(
      draftKey('t'),
      JSON.stringify({
        name: 42,
        email: 'x@y.no',
        kind: 'robot',
        remarks: [null, { text: 'no section' }, { sectionId: 's', text: 7 }],
      }),
    );
    expect(loadDraft(storage, 't')).toEqual({
      ...emptyDraft(),
      email: 'x@y.no',
      remarks: [{ key: 'r0', sectionId: 's', quote: '', text: '', proposedText: '' }],
    });
  });

  it('survives a browser that refuses storage', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveDraft(refusing, 't', draft)).toBe(false);
    expect(loadDraft(refusing, 't')).toBeNull();
    expect(() => clearDraft(refusing, 't')).not.toThrow();
    expect(saveDraft(null, 't', draft)).toBe(false);
  });

  it('becomes the submission: trimmed, empty optional fields left out, organisation only for one', () => {
    expect(draftToInput({ ...draft, remarks: [{ ...draft.remarks[0]!, text: ' For snevert. ' }] })).toEqual({
      respondent: { name: 'Eldrerådet i Demo kommune', organisation: 'Demo kommune', email: 'eldreradet@demo.no' },
      statement: 'Eldrerådet støtter planen.',
      remarks: [{ sectionId: 'sec-7', quote: 'alle skal ha en fast lege', text: 'For snevert.', proposedText: null }],
      onBehalfOfParty: false,
    });
    expect(draftToInput({ ...draft, kind: 'person', statement: '  ' })).toMatchObject({
      respondent: { organisation: null },
      statement: null,
    });
  });
});
