import type { PlanProjection, PlanView } from '@fellesplan/domain';
import type { SectionContent } from '../content/sectionContent.js';
import { presentPlan, presentSection } from '../presenters/plan.js';
import type { Db } from '../storage/database.js';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import { findPlan, listSections } from '../storage/repositories/plans.js';
import { loadThreadsView } from './threadsView.js';

/** The whole plan as the API and the `plan:<id>` projection show it; null if there is no such plan. */
export async function loadPlanView(db: Db, content: SectionContent, planId: string): Promise<PlanView | null> {
  const plan = await findPlan(db, planId);
  if (!plan) return null;
  const sections = await listSections(db, planId);
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

/** The plan view plus its threads: what the `plan:<id>` projection carries. */
export async function loadPlanProjection(
  db: Db,
  content: SectionContent,
  planId: string,
): Promise<PlanProjection | null> {
  const view = await loadPlanView(db, content, planId);
  if (!view) return null;
  return { ...view, threads: await loadThreadsView(db, content, planId) };
}
