import { DomainError, type Assessment, type PlanView, type ResponseVisibility } from '@fellesplan/domain';
import { publicRemarkWording } from '../presenters/hearings.js';
import type { Db } from '../storage/database.js';
import type { HearingSummaryDocument, SummaryRemark, SummarySection } from './summaryDocument.js';

/** A remark's reference: its response's, and its place in that response. */
export function remarkReference(responseReference: string, position: number): string {
  return `${responseReference}.${position + 1}`;
}

/**
 * The hearing's summary as stored now: every response and remark, grouped by the sections of the
 * version the hearing showed. With `publicOnly`, withheld responses are left out and redacted ones
 * read as the public reads them (the original stays in the tables and the internal summary).
 */
export async function loadHearingSummary(
  db: Db,
  hearingId: string,
  options: { publicOnly: boolean; at: string },
): Promise<HearingSummaryDocument> {
  const hearing = await db
    .selectFrom('hearings')
    .innerJoin('plans', 'plans.id', 'hearings.plan_id')
    .innerJoin('versions', 'versions.id', 'hearings.version_id')
    .select([
      'hearings.id',
      'hearings.title',
      'hearings.deadline',
      'hearings.closed_at',
      'hearings.created_at',
      'plans.title as plan_title',
      'versions.name as version_name',
      'versions.snapshot',
    ])
    .where('hearings.id', '=', hearingId)
    .executeTakeFirst();
  if (!hearing) throw new DomainError('not_found');

  const extensions = await db
    .selectFrom('hearing_extensions')
    .select(['from_deadline', 'to_deadline', 'reason', 'created_at'])
    .where('hearing_id', '=', hearingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const responses = (
    await db
      .selectFrom('hearing_responses')
      .leftJoin('parties', 'parties.id', 'hearing_responses.party_id')
      .select([
        'hearing_responses.id',
        'hearing_responses.reference',
        'hearing_responses.name',
        'hearing_responses.organisation',
        'hearing_responses.statement',
        'hearing_responses.public_statement',
        'hearing_responses.visibility',
        'hearing_responses.created_at',
        'parties.name as party_name',
      ])
      .where('hearing_responses.hearing_id', '=', hearingId)
      .orderBy('hearing_responses.created_at')
      .orderBy('hearing_responses.reference')
      .execute()
  ).filter((r) => !(options.publicOnly && r.visibility === 'withheld'));
  const remarks = await db
    .selectFrom('hearing_remarks')
    .leftJoin('users', 'users.id', 'hearing_remarks.assessed_by')
    .leftJoin('parties', 'parties.id', 'hearing_remarks.assessed_party')
    .select([
      'hearing_remarks.response_id',
      'hearing_remarks.section_id',
      'hearing_remarks.position',
      'hearing_remarks.quote',
      'hearing_remarks.text',
      'hearing_remarks.proposed_text',
      'hearing_remarks.public_text',
      'hearing_remarks.public_proposed_text',
      'hearing_remarks.assessment',
      'hearing_remarks.justification',
      'hearing_remarks.assessed_at',
      'users.name as assessor_name',
      'parties.name as assessor_party',
    ])
    .where('hearing_remarks.hearing_id', '=', hearingId)
    .orderBy('hearing_remarks.position')
    .execute();

  // The sections as the hearing showed them: the frozen version, in its order.
  const frozen = (JSON.parse(hearing.snapshot) as Pick<PlanView, 'sections'>).sections;
  const sections = new Map<string, SummarySection>(
    frozen.map((s, index) => [s.id, { number: String(index + 1), title: s.title, remarks: [] }]),
  );
  const unknownSectionTitles = await sectionTitles(
    db,
    remarks.map((r) => r.section_id).filter((id) => !sections.has(id)),
  );

  const redacted = (visibility: string) => options.publicOnly && visibility === 'redacted';
  let remarkCount = 0;
  let assessed = 0;
  const respondents = responses.map((response) => {
    const own = remarks.filter((r) => r.response_id === response.id);
    const visibility = response.visibility as ResponseVisibility;
    for (const remark of own) {
      let section = sections.get(remark.section_id);
      if (!section) {
        section = { number: '', title: unknownSectionTitles.get(remark.section_id) ?? '', remarks: [] };
        sections.set(remark.section_id, section);
      }
      const entry: SummaryRemark = {
        reference: remarkReference(response.reference, remark.position),
        respondent: response.name,
        organisation: response.organisation,
        party: response.party_name,
        sectionNumber: section.number,
        sectionTitle: section.title,
        ...publicRemarkWording(remark, redacted(visibility)),
        assessment: remark.assessment as Assessment | null,
        justification: remark.justification,
        assessedBy: remark.assessor_name
          ? [remark.assessor_name, remark.assessor_party].filter(Boolean).join(', ')
          : null,
        assessedAt: remark.assessed_at,
        visibility,
      };
      section.remarks.push(entry);
      remarkCount += 1;
      if (entry.assessment) assessed += 1;
    }
    return {
      reference: response.reference,
      name: response.name,
      organisation: response.organisation,
      party: response.party_name,
      at: response.created_at,
      visibility,
      statement: redacted(visibility) ? response.public_statement : response.statement,
      remarks: own.length,
    };
  });

  return {
    title: hearing.title,
    planTitle: hearing.plan_title,
    versionName: hearing.version_name,
    public: options.publicOnly,
    publishedAt: hearing.created_at,
    deadline: hearing.deadline,
    originalDeadline: extensions[0]?.from_deadline ?? hearing.deadline,
    closedAt: hearing.closed_at,
    generatedAt: options.at,
    extensions: extensions.map((e) => ({
      from: e.from_deadline,
      to: e.to_deadline,
      reason: e.reason,
      at: e.created_at,
    })),
    respondents,
    sections: [...sections.values()],
    counts: { responses: respondents.length, remarks: remarkCount, assessed },
  };
}

/** Titles of sections a remark names that the frozen version does not hold (none, normally). */
async function sectionTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sections')
    .select(['id', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
