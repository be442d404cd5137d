import {
  DomainError,
  type HearingResponseView,
  type HearingSectionView,
  type HearingSummaryView,
  type HearingView,
  type PlanHearingProjection,
  type PublicHearingView,
  type PublicResponseView,
  type ResponsePublication,
} from '@fellesplan/domain';
import {
  presentHearingResponse,
  presentHearingSection,
  presentHearingSummary,
  presentPublicResponse,
  type RemarkNames,
} from '../presenters/hearings.js';
import type { Db } from '../storage/database.js';
import {
  hearingCounts,
  hearingIsOpen,
  listHearings,
  listRemarks,
  listResponses,
} from '../storage/repositories/hearings.js';
import { listSections } from '../storage/repositories/plans.js';
import type { HearingRemarkRow, HearingRow } from '../storage/schema.js';
import { loadVersionView } from '../versions/versionStore.js';

const NO_COUNTS = { responses: 0, remarks: 0, assessed: 0 };

/** A published version never changes: its frozen sections are kept for the next reader. */
const frozenCache = new Map<string, { planTitle: string; sections: HearingSectionView[] }>();
const FROZEN_CACHE_SIZE = 32;

/** The plan title and sections a hearing shows: its version's, frozen. */
export async function frozenSections(
  db: Db,
  versionId: string,
): Promise<{ planTitle: string; sections: HearingSectionView[] }> {
  const cached = frozenCache.get(versionId);
  if (cached) return cached;
  const version = await loadVersionView(db, versionId);
  if (!version) throw new DomainError('not_found');
  const frozen = { planTitle: version.title, sections: version.sections.map(presentHearingSection) };
  if (frozenCache.size >= FROZEN_CACHE_SIZE) frozenCache.delete(frozenCache.keys().next().value ?? '');
  frozenCache.set(versionId, frozen);
  return frozen;
}

export async function hearingSummaries(
  db: Db,
  planId: string,
  now: Date,
  baseUrl: string,
): Promise<HearingSummaryView[]> {
  const counts = await hearingCounts(db, planId);
  return (await listHearings(db, planId)).map((h) =>
    presentHearingSummary(h, counts.get(h.id) ?? NO_COUNTS, now, baseUrl),
  );
}

/** [HR10] What the live plan projection carries of its hearings. */
export async function planHearingProjection(db: Db, planId: string, now: Date): Promise<PlanHearingProjection[]> {
  const counts = await hearingCounts(db, planId);
  return (await listHearings(db, planId)).map((h) => ({
    id: h.id,
    title: h.title,
    open: hearingIsOpen(h, now),
    deadline: h.deadline,
    ...(counts.get(h.id) ?? NO_COUNTS),
  }));
}

async function extensionsOf(db: Db, hearingId: string) {
  return db
    .selectFrom('hearing_extensions')
    .leftJoin('users', 'users.id', 'hearing_extensions.created_by')
    .select([
      'hearing_extensions.from_deadline',
      'hearing_extensions.to_deadline',
      'hearing_extensions.reason',
      'hearing_extensions.created_at',
      'users.name',
    ])
    .where('hearing_extensions.hearing_id', '=', hearingId)
    .orderBy('hearing_extensions.created_at')
    .orderBy('hearing_extensions.id')
    .execute();
}

/** `GET /api/hearings/:id` for members: the hearing with remark counts per frozen section. */
export async function hearingView(db: Db, hearing: HearingRow, now: Date, baseUrl: string): Promise<HearingView> {
  const counts = (await hearingCounts(db, hearing.plan_id)).get(hearing.id) ?? NO_COUNTS;
  const frozen = await frozenSections(db, hearing.version_id);
  const perSection = new Map<string, number>();
  for (const remark of await listRemarks(db, hearing.id)) {
    perSection.set(remark.section_id, (perSection.get(remark.section_id) ?? 0) + 1);
  }
  return {
    ...presentHearingSummary(hearing, counts, now, baseUrl),
    planTitle: frozen.planTitle,
    sections: frozen.sections.map((s) => ({ ...s, remarks: perSection.get(s.id) ?? 0 })),
    extensions: (await extensionsOf(db, hearing.id)).map((e) => ({
      from: e.from_deadline,
      to: e.to_deadline,
      reason: e.reason,
      at: e.created_at,
      by: e.name ?? '',
    })),
  };
}

function byResponse(remarks: readonly HearingRemarkRow[]): Map<string, HearingRemarkRow[]> {
  const grouped = new Map<string, HearingRemarkRow[]>();
  for (const remark of remarks) {
    const list = grouped.get(remark.response_id) ?? [];
    list.push(remark);
    grouped.set(remark.response_id, list);
  }
  return grouped;
}

/** `GET /api/hearings/:id/responses` for members: every response as sent, with its assessments. */
export async function hearingResponses(db: Db, hearing: HearingRow): Promise<HearingResponseView[]> {
  const remarks = await listRemarks(db, hearing.id);
  const frozen = await frozenSections(db, hearing.version_id);
  // Remarks are assigned to their sections' owners as the plan is now.
  const live = await listSections(db, hearing.plan_id);
  const names: RemarkNames = {
    sectionTitles: new Map([...frozen.sections, ...live].map((s) => [s.id, s.title])),
    owners: new Map(live.map((s) => [s.id, [...s.owners]])),
    users: new Map(),
  };
  const assessors = [...new Set(remarks.flatMap((r) => (r.assessed_by ? [r.assessed_by] : [])))];
  if (assessors.length > 0) {
    const users = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', assessors).execute();
    for (const user of users) names.users.set(user.id, user.name);
  }
  const grouped = byResponse(remarks);
  return (await listResponses(db, hearing.id)).map((r) => presentHearingResponse(r, grouped.get(r.id) ?? [], names));
}

/** [HR5] Whether the public page lists responses now: at once if so chosen, else once the hearing is over. */
export function responsesListed(hearing: HearingRow, now: Date): boolean {
  return (hearing.publish_responses as ResponsePublication) === 'immediately' || !hearingIsOpen(hearing, now);
}

async function publicResponses(db: Db, hearing: HearingRow): Promise<PublicResponseView[]> {
  const responses = (await listResponses(db, hearing.id)).filter((r) => r.visibility !== 'withheld');
  const grouped = byResponse(await listRemarks(db, hearing.id));
  const partyIds = [...new Set(responses.flatMap((r) => (r.party_id ? [r.party_id] : [])))];
  const parties = new Map(
    partyIds.length === 0
      ? []
      : (await db.selectFrom('parties').select(['id', 'name']).where('id', 'in', partyIds).execute()).map((p) => [
          p.id,
          p.name,
        ]),
  );
  return responses.map((r) =>
    presentPublicResponse(r, grouped.get(r.id) ?? [], r.party_id ? (parties.get(r.party_id) ?? null) : null),
  );
}

/** `GET /api/public/hearings/:token`: the frozen draft, the deadline and, when published, the responses. */
export async function publicHearingView(
  db: Db,
  hearing: HearingRow,
  now: Date,
  member: PublicHearingView['member'],
): Promise<PublicHearingView> {
  const frozen = await frozenSections(db, hearing.version_id);
  const extensions = await extensionsOf(db, hearing.id);
  return {
    title: hearing.title,
    intro: hearing.intro,
    planTitle: frozen.planTitle,
    deadline: hearing.deadline,
    open: hearingIsOpen(hearing, now),
    closedEarly: hearing.closed_at !== null,
    publishResponses: hearing.publish_responses as ResponsePublication,
    extensions: extensions.map((e) => ({
      from: e.from_deadline,
      to: e.to_deadline,
      reason: e.reason,
      at: e.created_at,
    })),
    sections: frozen.sections,
    responses: responsesListed(hearing, now) ? await publicResponses(db, hearing) : null,
    member,
  };
}
