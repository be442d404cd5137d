import {
  canonicalTags,
  deriveSectionStatus,
  isStale,
  type MemberView,
  type PlanSummaryView,
  type PlanView,
  type SectionView,
} from '@fellesplan/domain';
import type { MarkerRecord } from '../storage/repositories/markers.js';
import type { PlanRecord, SectionRecord } from '../storage/repositories/plans.js';

/** Explicit field lists: nothing reaches a client because a table happened to have it. */
export function presentPlan(plan: PlanRecord, sections: SectionView[], members: MemberView[]): PlanView {
  return {
    id: plan.id,
    title: plan.title,
    forum: plan.forum,
    period: plan.period,
    archivedAt: plan.archivedAt,
    parties: plan.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    members: members.map((m) => ({ id: m.id, name: m.name, partyId: m.partyId })),
    sections,
  };
}

export function presentSection(
  section: SectionRecord,
  content: { revision: string; unreadable: boolean; empty?: boolean },
  markers: readonly MarkerRecord[],
): SectionView {
  const { revision } = content;
  const status = deriveSectionStatus({
    locked: section.locked,
    requiredParties: section.requiredParties,
    markers,
    revision,
  });
  return {
    id: section.id,
    title: section.title,
    position: section.position,
    owners: [...section.owners],
    requiredParties: [...section.requiredParties],
    tags: canonicalTags(section.tags),
    status,
    revision,
    locked: section.locked,
    markers: markers.map((m) => ({
      partyId: m.partyId,
      stance: m.stance,
      note: m.note,
      revision: m.revision,
      stale: isStale(m, revision),
      at: m.at,
      by: { userId: m.userId, name: m.userName },
    })),
    ...(content.unreadable ? { contentError: 'unreadable' as const } : {}),
    ...(content.empty ? { empty: true } : {}),
  };
}

export function presentPlanSummary(row: {
  id: string;
  title: string;
  forum: string | null;
  period: string | null;
  archived_at: string | null;
  section_count: number | string | bigint | null;
}): PlanSummaryView {
  return {
    id: row.id,
    title: row.title,
    forum: row.forum,
    period: row.period,
    archivedAt: row.archived_at,
    sectionCount: Number(row.section_count ?? 0),
  };
}
