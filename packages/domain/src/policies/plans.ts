import type { Actor, PlanMembership } from '../types.js';

/** A user may see a plan, its sections and its documents only if their party takes part in it. */
export function isPlanMember(actor: Actor, plan: PlanMembership): boolean {
  return plan.partyIds.includes(actor.partyId);
}
