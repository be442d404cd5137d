import { DomainError, type Actor } from '@fellesplan/domain';
import { visiblePlan } from '../access/visibleTo.js';
import type { Db } from '../storage/database.js';
import type { PlanRecord } from '../storage/repositories/plans.js';
import { versionPlanId } from '../versions/versionStore.js';

export interface AdoptionTarget {
  plan: PlanRecord;
  versionId: string;
}

/** The plan and one of its versions; a version of another plan is as unknown as a missing one (404). */
export async function loadAdoptionTarget(
  db: Db,
  actor: Actor,
  input: { planId: string; versionId: string },
): Promise<AdoptionTarget> {
  const plan = await visiblePlan(db, actor, input.planId);
  if ((await versionPlanId(db, input.versionId)) !== plan.id) throw new DomainError('version_not_found');
  return { plan, versionId: input.versionId };
}
