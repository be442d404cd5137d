import { DomainError, isPlanMember, type Actor } from '@fellesplan/domain';
import type { Db } from '../storage/database.js';
import { findPlan, findSection, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';

/**
 * The plan, if the actor takes part in it; otherwise 404. Not being a member looks the same as
 * the plan not existing, so ids of other helsefellesskap's plans are never confirmed.
 */
export async function visiblePlan(db: Db, actor: Actor, planId: string): Promise<PlanRecord> {
  const plan = await findPlan(db, planId);
  if (!plan || !isPlanMember(actor, plan)) throw new DomainError('not_found');
  return plan;
}

/** The section and its plan, if the actor takes part in the plan; otherwise 404. */
export async function visibleSection(
  db: Db,
  actor: Actor,
  sectionId: string,
): Promise<{ section: SectionRecord; plan: PlanRecord }> {
  const section = await findSection(db, sectionId);
  const plan = section ? await findPlan(db, section.planId) : null;
  if (!section || !plan || !isPlanMember(actor, plan)) throw new DomainError('not_found');
  return { section, plan };
}
