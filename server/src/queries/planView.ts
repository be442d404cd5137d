import type { PlanProjection, PlanView } from '@fellesplan/domain';
import type { SectionContent } from '../content/sectionContent.js';
import { loadAdoptionStatus } from '../adoptions/adoptionsView.js';
import { presentPlan, presentSection } from '../presenters/plan.js';
import type { Db } from '../storage/database.js';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import { findPlan, listSections } from '../storage/repositories/plans.js';
import { planHearingProjection } from './hearingsView.js';
import { loadThreadsView } from './threadsView.js';

/** The whole plan as the API and the `plan:<id>` projection show it; null if there is no such plan. */
export async function loadPlanView(
  db: Db,
  content: Pick<SectionContent, 'state'>,
  planId: string,
): Promise<PlanView | null> {
  const plan = await findPlan(db, planId);
  if (!plan) return null;
  // Owners and required parties in the plan's party order, the same on every database.
  const rank = new Map(plan.partyIds.map((id, index) => [id, index]));
  const inPlanOrder = (ids: readonly string[]) =>
    [...ids].sort((a, b) => (rank.get(a) ?? rank.size) - (rank.get(b) ?? rank.size) || (a < b ? -1 : 1));
  const sections = (await listSections(db, planId)).map((s) => ({
    ...s,
    owners: inPlanOrder(s.owners),
    requiredParties: inPlanOrder(s.requiredParties),
  }));
  const markers = await latestMarkersBySection(
    db,
    sections.map((s) => s.id),
  );
  const views = await Promise.all(
    sections.map(async (s) => presentSection(s, await content.state(s.id), markers.get(s.id) ?? [])),
  );
  const members = await db
    .selectFrom('users')
    .select(['id', 'name', 'party_id as partyId'])
    .where('party_id', 'in', plan.partyIds.length > 0 ? plan.partyIds : [''])
    .orderBy('name')
    .execute();
  return presentPlan(plan, views, members);
}

/** The plan view plus its threads and hearings: what the `plan:<id>` projection carries. */
export async function loadPlanProjection(
  db: Db,
  content: SectionContent,
  planId: string,
  now: Date = new Date(),
): Promise<PlanProjection | null> {
  const view = await loadPlanView(db, content, planId);
  if (!view) return null;
  return {
    ...view,
    adoption: await loadAdoptionStatus(db, planId, view.sections),
    threads: await loadThreadsView(db, content, planId),
    hearings: await planHearingProjection(db, planId, now),
  };
}
