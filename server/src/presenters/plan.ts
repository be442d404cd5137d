import type { PlanSummaryView, PlanView, SectionView } from '@fellesplan/domain';
import type { PlanRecord, SectionRecord } from '../storage/repositories/plans.js';

/** Explicit field lists: nothing reaches a client because a table happened to have it. */
export function presentPlan(plan: PlanRecord, sections: SectionView[]): PlanView {
  return {
    id: plan.id,
    title: plan.title,
    forum: plan.forum,
    parties: plan.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    sections,
  };
}

export function presentSection(section: SectionRecord, revision: string): SectionView {
  return {
    id: section.id,
    title: section.title,
    position: section.position,
    owners: [...section.owners],
    requiredParties: [...section.requiredParties],
    // Consensus markers arrive with issue 4; until then a section is a draft unless locked.
    status: section.locked ? 'locked' : 'draft',
    revision,
    locked: section.locked,
    markers: [],
  };
}

export function presentPlanSummary(row: {
  id: string;
  title: string;
  forum: string | null;
  section_count: number | string | bigint | null;
}): PlanSummaryView {
  return { id: row.id, title: row.title, forum: row.forum, sectionCount: Number(row.section_count ?? 0) };
}
