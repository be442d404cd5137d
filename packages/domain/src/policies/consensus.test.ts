import { describe, expect, it } from 'vitest';
import { sectionsMarkInput, sectionsUnlockInput } from '../commands/sections.js';
import { isSekretariat, markRefusal } from './consensus.js';

const plan = {
  id: 'p1',
  partyIds: ['kommune', 'hf', 'sek'],
  parties: [
    { id: 'kommune', kind: 'kommune' as const },
    { id: 'hf', kind: 'helseforetak' as const },
    { id: 'sek', kind: 'sekretariat' as const },
  ],
};
const section = { id: 's1', planId: 'p1', locked: false, requiredParties: ['kommune', 'hf'] };
const actor = (partyId: string) => ({ userId: `u-${partyId}`, name: partyId, partyId });

describe('consensus policies', () => {
  it('[C1] a member of a required party may mark; others may not', () => {
    expect(markRefusal(actor('kommune'), section, plan)).toBeNull();
    expect(markRefusal(actor('sek'), section, plan)).toBe('not_required');
    expect(markRefusal(actor('stranger'), section, plan)).toBe('not_member');
  });

  it('[L1] markers cannot change while locked', () => {
    expect(markRefusal(actor('kommune'), { ...section, locked: true }, plan)).toBe('locked');
  });

  it('[L1] only the sekretariat locks', () => {
    expect(isSekretariat(actor('sek'), plan)).toBe(true);
    expect(isSekretariat(actor('kommune'), plan)).toBe(false);
  });

  it('[C1] reservation and disagreement require a note; unknown stances are refused', () => {
    expect(sectionsMarkInput.safeParse({ sectionId: 's1', stance: 'agree' }).success).toBe(true);
    const missing = sectionsMarkInput.safeParse({ sectionId: 's1', stance: 'reservation', note: '  ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['note'], message: 'note_required' });
    expect(sectionsMarkInput.safeParse({ sectionId: 's1', stance: 'disagree', note: 'For dyrt' }).success).toBe(true);
    expect(sectionsMarkInput.safeParse({ sectionId: 's1', stance: 'maybe' }).success).toBe(false);
  });

  it('[L1] unlocking needs a reason', () => {
    expect(sectionsUnlockInput.safeParse({ sectionId: 's1' }).error?.issues[0]?.message).toBe('reason_required');
    expect(sectionsUnlockInput.safeParse({ sectionId: 's1', reason: ' ' }).error?.issues[0]?.message).toBe(
      'reason_required',
    );
    expect(sectionsUnlockInput.safeParse({ sectionId: 's1', reason: 'Ny kunnskap' }).success).toBe(true);
  });
});
