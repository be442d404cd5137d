import { describe, expect, it } from 'vitest';
import type { Actor, PlanMembership, SectionAccess } from '../types.js';
import { connectionScope } from './connections.js';

const plan: PlanMembership = { id: 'p1', partyIds: ['kommune', 'hf', 'bruker'] };
const section: SectionAccess = { id: 's1', planId: 'p1', owners: ['kommune'], locked: false };
const actor = (partyId: string): Actor => ({ userId: `u-${partyId}`, name: partyId, partyId });

describe('connectionScope', () => {
  it('[O1] owners write, other members read, outsiders are refused', () => {
    expect(connectionScope(actor('kommune'), { kind: 'section', section }, plan)).toBe('write');
    expect(connectionScope(actor('bruker'), { kind: 'section', section }, plan)).toBe('read');
    expect(connectionScope(actor('other'), { kind: 'section', section }, plan)).toBe('refuse');
  });

  it('[L1] nobody writes a locked section', () => {
    expect(connectionScope(actor('kommune'), { kind: 'section', section: { ...section, locked: true } }, plan)).toBe(
      'read',
    );
  });

  it('[O2] the plan document is read-only for members and refused to others', () => {
    expect(connectionScope(actor('kommune'), { kind: 'plan' }, plan)).toBe('read');
    expect(connectionScope(actor('other'), { kind: 'plan' }, plan)).toBe('refuse');
  });

  it('refuses a section that is gone, or of another plan, and a plan that is gone', () => {
    expect(connectionScope(actor('kommune'), { kind: 'section', section: null }, plan)).toBe('refuse');
    expect(connectionScope(actor('kommune'), { kind: 'section', section: { ...section, planId: 'p2' } }, plan)).toBe(
      'refuse',
    );
    expect(connectionScope(actor('kommune'), { kind: 'plan' }, null)).toBe('refuse');
  });
});
