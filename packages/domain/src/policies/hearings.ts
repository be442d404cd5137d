import type { Actor, PlanMembership } from '../types.js';
import { isSekretariat, type PlanParties } from './consensus.js';
import { isPlanMember } from './plans.js';

/** [HR1] Publishing, extending, closing a hearing and withholding or redacting responses: the sekretariat's. */
export function hearingManageRefusal(
  actor: Actor,
  plan: PlanParties,
): 'not_found' | 'hearings_sekretariat_only' | null {
  if (!isPlanMember(actor, plan)) return 'not_found';
  return isSekretariat(actor, plan) ? null : 'hearings_sekretariat_only';
}

/**
 * [HR6] A remark is assigned to its section's owners: they and the sekretariat assess it. Owners
 * are the section's current ones; a section gone from the plan is assessed by the sekretariat.
 */
export function assessRefusal(
  actor: Actor,
  section: { owners: readonly string[] } | null,
  plan: PlanParties & PlanMembership,
): 'not_found' | 'remark_owners_only' | null {
  if (!isPlanMember(actor, plan)) return 'not_found';
  if (isSekretariat(actor, plan)) return null;
  return section?.owners.includes(actor.partyId) ? null : 'remark_owners_only';
}
