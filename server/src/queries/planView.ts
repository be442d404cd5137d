import type { PlanProjection, PlanView, SectionView } from '@fellesplan/domain';
import type { SectionContent } from '../content/sectionContent.js';
import { loadAdoptionStatus } from '../adoptions/adoptionsView.js';
import { presentPlan, presentSection } from '../presenters/plan.js';
import type { Db } from '../storage/database.js';
import { latestMarkersBySection, type MarkerRecord } from '../storage/repositories/markers.js';
import { findPlan, listSections, type SectionRecord } from '../storage/repositories/plans.js';
import type { ThreadRecord } from '../storage/repositories/threads.js';
import { planHearingProjection } from './hearingsView.js';
import { detachedThreads, listVisibleThreads, presentThreads } from './threadsView.js';

/** The whole plan as the API and the `plan:<id>` projection show it; null if there is no such plan. */
export async function loadPlanView(
  db: Db,
  content: Pick<SectionContent, 'state'>,
  planId: string,
): Promise<PlanView | null> {
  return (await loadPlanRecords(db, content, planId))?.view ?? null;
}

interface PlanRecords {
  view: PlanView;
  sections: Map<string, SectionRecord>;
  markers: Map<string, MarkerRecord[]>;
}

async function loadPlanRecords(
  db: Db,
  content: Pick<SectionContent, 'state'>,
  planId: string,
): Promise<PlanRecords | null> {
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
  return { view: presentPlan(plan, views, members), sections: new Map(sections.map((s) => [s.id, s])), markers };
}

/** The plan view plus its threads and hearings: what the `plan:<id>` projection carries. */
export async function loadPlanProjection(
  db: Db,
  content: SectionContent,
  planId: string,
  now: Date = new Date(),
): Promise<PlanProjection | null> {
  return (await loadProjectionBasis(db, content, planId, now))?.projection ?? null;
}

/**
 * A projection together with the rows it was derived from. Commands change rows, and rebuild it
 * from the database; an edit changes only its section's body, and `reproject` re-derives only
 * what depends on that body (issue 14, point 4). So the basis is keyed by the rows (any command
 * of the plan drops it) and by the bodies of the sections passed to `reproject`.
 */
export interface ProjectionBasis {
  readonly planId: string;
  readonly projection: PlanProjection;
  readonly sections: ReadonlyMap<string, SectionRecord>;
  readonly markers: ReadonlyMap<string, MarkerRecord[]>;
  readonly threads: readonly ThreadRecord[];
}

export async function loadProjectionBasis(
  db: Db,
  content: SectionContent,
  planId: string,
  now: Date = new Date(),
): Promise<ProjectionBasis | null> {
  const records = await loadPlanRecords(db, content, planId);
  if (!records) return null;
  const threads = await listVisibleThreads(db, planId);
  return {
    planId,
    sections: records.sections,
    markers: records.markers,
    threads,
    projection: {
      ...records.view,
      adoption: await loadAdoptionStatus(db, planId, records.view.sections),
      threads: presentThreads(threads, await detachedThreads(content, threads)),
      hearings: await planHearingProjection(db, planId, now),
    },
  };
}

/**
 * The projection after edits to the bodies of `edited`: their revisions, status and emptiness,
 * the anchors of their threads, and whether the text still matches the version sent for adoption.
 * Everything else is as the basis holds it.
 */
export async function reproject(
  db: Db,
  content: SectionContent,
  basis: ProjectionBasis,
  edited: ReadonlySet<string>,
): Promise<ProjectionBasis> {
  const previous = basis.projection;
  const sections: SectionView[] = await Promise.all(
    previous.sections.map(async (view) => {
      const record = basis.sections.get(view.id);
      if (!edited.has(view.id) || !record) return view;
      return presentSection(record, await content.state(view.id), basis.markers.get(view.id) ?? []);
    }),
  );
  const detachedBefore = new Set(previous.threads.filter((t) => t.detached).map((t) => t.id));
  const detachedNow = await detachedThreads(content, basis.threads, edited);
  const detached = new Set([
    ...[...detachedBefore].filter((id) => !edited.has(basis.threads.find((t) => t.id === id)?.sectionId ?? '')),
    ...detachedNow,
  ]);
  return {
    ...basis,
    projection: {
      ...previous,
      sections,
      adoption: previous.adoption ? await loadAdoptionStatus(db, basis.planId, sections) : null,
      threads: presentThreads(basis.threads, detached),
    },
  };
}
