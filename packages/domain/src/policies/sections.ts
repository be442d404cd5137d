import type { Actor, PlanMembership, SectionAccess } from '../types.js';
import { isPlanMember } from './plans.js';

/** Why a user may not edit a section's body; `null` when they may. */
export type EditRefusal = 'not_member' | 'not_owner' | 'locked';

/**
 * [O1] Only members of an owning party may edit a section body, and nobody while it is locked.
 * The server's call of this function is the one that counts; the client calls it to explain.
 */
export function sectionEditRefusal(actor: Actor, section: SectionAccess, plan: PlanMembership): EditRefusal | null {
  if (!isPlanMember(actor, plan) || section.planId !== plan.id) return 'not_member';
  if (section.locked) return 'locked';
  if (!section.owners.includes(actor.partyId)) return 'not_owner';
  return null;
}

export function canEditSection(actor: Actor, section: SectionAccess, plan: PlanMembership): boolean {
  return sectionEditRefusal(actor, section, plan) === null;
}

/** Every member of the plan may read every section of it. */
export function canReadSection(actor: Actor, section: SectionAccess, plan: PlanMembership): boolean {
  return section.planId === plan.id && isPlanMember(actor, plan);
}
