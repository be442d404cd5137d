import { describe, expect, it } from 'vitest';
import { canEditSection, canReadSection, sectionEditRefusal } from './sections.js';
import type { Actor, PlanMembership, SectionAccess } from '../types.js';

const plan: PlanMembership = { id: 'p1', partyIds: ['kommune', 'hf', 'bruker', 'sek'] };
const section: SectionAccess = { id: 's1', planId: 'p1', owners: ['kommune', 'hf'], locked: false };
const actor = (partyId: string): Actor => ({ userId: `u-${partyId}`, name: partyId, partyId });

describe('section ownership policy', () => {
  it('[O1] a member of an owning party may edit', () => {
    expect(canEditSection(actor('kommune'), section, plan)).toBe(true);
    expect(canEditSection(actor('hf'), section, plan)).toBe(true);
  });

  it('[O1] a member of the plan whose party does not own the section may read but not edit', () => {
    expect(sectionEditRefusal(actor('bruker'), section, plan)).toBe('not_owner');
    expect(canReadSection(actor('bruker'), section, plan)).toBe(true);
  });

  it('[O1] a user whose party is not in the plan may neither read nor edit, even if listed as owner', () => {
    const outsider = actor('other');
    const odd: SectionAccess = { ...section, owners: ['other'] };
    expect(sectionEditRefusal(outsider, odd, plan)).toBe('not_member');
    expect(canReadSection(outsider, odd, plan)).toBe(false);
  });

  it('[O1] a section of another plan is neither readable nor editable through this plan', () => {
    const foreign: SectionAccess = { ...section, planId: 'p2' };
    expect(canReadSection(actor('kommune'), foreign, plan)).toBe(false);
    expect(sectionEditRefusal(actor('kommune'), foreign, plan)).toBe('not_member');
  });

  it('[L1] nobody edits a locked section, owners included', () => {
    const locked = { ...section, locked: true };
    expect(sectionEditRefusal(actor('kommune'), locked, plan)).toBe('locked');
    expect(sectionEditRefusal(actor('sek'), locked, plan)).toBe('locked');
    expect(canReadSection(actor('bruker'), locked, plan)).toBe(true);
  });
});
