import type { Actor, Party, PlanMembership } from '../types.js';
import { isPlanMember } from './plans.js';

export interface PlanParties extends PlanMembership {
  parties: readonly Pick<Party, 'id' | 'kind'>[];
}

export interface SectionGovernance {
  id: string;
  planId: string;
  locked: boolean;
  requiredParties: readonly string[];
}

export type MarkRefusal = 'not_member' | 'not_required' | 'locked';

/** [C1] A user marks on behalf of their own party, which must be required on the section. */
export function markRefusal(actor: Actor, section: SectionGovernance, plan: PlanMembership): MarkRefusal | null {
  if (!isPlanMember(actor, plan) || section.planId !== plan.id) return 'not_member';
  if (!section.requiredParties.includes(actor.partyId)) return 'not_required';
  if (section.locked) return 'locked';
  return null;
}

/** [L1] Locking and unlocking are the sekretariat's acts. */
export function isSekretariat(actor: Actor, plan: PlanParties): boolean {
  return isPlanMember(actor, plan) && plan.parties.some((p) => p.id === actor.partyId && p.kind === 'sekretariat');
}
