import { describe, expect, it } from 'vitest';
import { sectionsMarkInput, sectionsUnlockInput } from '../commands/sections.js';
import { isBlankText, isSekretariat, lockRefusal, markRefusal, unlockRefusal } from './consensus.js';

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
    expect(markRefusal(actor('sek'), section, plan)).toBe('not_required_party');
    expect(markRefusal(actor('stranger'), section, plan)).toBe('not_found');
  });

  it('[L1] markers cannot change while locked', () => {
    expect(markRefusal(actor('kommune'), { ...section, locked: true }, plan)).toBe('section_locked');
  });

  it('[R2] nobody takes a stance on a body that cannot be read', () => {
    expect(markRefusal(actor('kommune'), { ...section, contentError: 'unreadable' }, plan)).toBe('section_unreadable');
  });

  it('[C5] nobody takes a stance on a section without text', () => {
    expect(markRefusal(actor('kommune'), { ...section, empty: true }, plan)).toBe('section_empty');
    expect(markRefusal(actor('kommune'), { ...section, empty: false }, plan)).toBeNull();
  });

  it('[C5] whitespace is no text', () => {
    expect(isBlankText('')).toBe(true);
    expect(isBlankText(' \n\t\u00a0 ')).toBe(true);
    expect(isBlankText(' Tekst ')).toBe(false);
  });

  it('[L1] the sekretariat locks only a section in consensus, and unlocks only a locked one', () => {
    const agreed = { ...section, status: 'consensus' as const };
    expect(lockRefusal(actor('sek'), agreed, plan)).toBeNull();
    expect(lockRefusal(actor('kommune'), agreed, plan)).toBe('sekretariat_only');
    expect(lockRefusal(actor('stranger'), agreed, plan)).toBe('not_found');
    expect(lockRefusal(actor('sek'), { ...agreed, status: 'in_review' }, plan)).toBe('not_in_consensus');
    expect(lockRefusal(actor('sek'), { ...agreed, locked: true }, plan)).toBe('section_locked');
    expect(lockRefusal(actor('sek'), { ...agreed, contentError: 'unreadable' }, plan)).toBe('section_unreadable');
    expect(lockRefusal(actor('sek'), { ...agreed, planId: 'p2' }, plan)).toBe('not_found');
    expect(unlockRefusal(actor('sek'), { ...section, locked: true }, plan)).toBeNull();
    expect(unlockRefusal(actor('sek'), section, plan)).toBe('not_locked');
    expect(unlockRefusal(actor('hf'), { ...section, locked: true }, plan)).toBe('sekretariat_only');
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
    expect(sectionsUnlockInput.safeParse({ sectionId: 's1', reason: '\u200b\u2060' }).error?.issues[0]?.message).toBe(
      'reason_required',
    );
    expect(sectionsUnlockInput.safeParse({ sectionId: 's1', reason: 'Ny kunnskap' }).success).toBe(true);
  });
});
