import type {
  Assessment,
  HearingResponseView,
  HearingSectionView,
  HearingSummaryView,
  PublicResponseView,
  RemarkView,
  ResponsePublication,
  ResponseVisibility,
  VersionSectionView,
} from '@fellesplan/domain';
import { hearingUrl } from '../commands/hearingDeadline.js';
import { hearingIsOpen } from '../storage/repositories/hearings.js';
import type { HearingRemarkRow, HearingResponseRow, HearingRow } from '../storage/schema.js';

/** Explicit field lists: a frozen section shows its text, never the markers its version also keeps. */
export function presentHearingSection(section: VersionSectionView, index: number): HearingSectionView {
  return { id: section.id, title: section.title, number: String(index + 1), json: section.json, text: section.text };
}

export function presentHearingSummary(
  hearing: HearingRow,
  counts: { responses: number; remarks: number; assessed: number },
  now: Date,
  baseUrl: string,
): HearingSummaryView {
  return {
    id: hearing.id,
    planId: hearing.plan_id,
    title: hearing.title,
    intro: hearing.intro,
    deadline: hearing.deadline,
    open: hearingIsOpen(hearing, now),
    closedAt: hearing.closed_at,
    publishResponses: hearing.publish_responses as ResponsePublication,
    versionId: hearing.version_id,
    publicToken: hearing.public_token,
    url: hearingUrl(baseUrl, hearing.public_token),
    createdAt: hearing.created_at,
    responses: counts.responses,
    remarks: counts.remarks,
    assessed: counts.assessed,
  };
}

/**
 * [HR5] A response as the public page lists it: never the e-mail address, never a withheld one
 * (the caller leaves those out), and for a redacted one only the texts the sekretariat left.
 */
export function presentPublicResponse(
  response: HearingResponseRow,
  remarks: readonly HearingRemarkRow[],
  partyName: string | null,
): PublicResponseView {
  const redacted = response.visibility === 'redacted';
  return {
    reference: response.reference,
    name: response.name,
    organisation: response.organisation,
    partyName,
    at: response.created_at,
    statement: redacted ? response.public_statement : response.statement,
    visibility: redacted ? 'redacted' : 'public',
    remarks: remarks.map((r) => ({ sectionId: r.section_id, ...publicRemarkWording(r, redacted) })),
  };
}

/**
 * [HR5] A remark's words as the public reads them, on the page and in the public summary alike.
 * A remark the sekretariat rewrote reads in its new words and without its quote: the quote is the
 * respondent's free text too (nothing ties it to the plan's words), and a redaction gives no
 * public version of it.
 */
export function publicRemarkWording(
  remark: Pick<HearingRemarkRow, 'quote' | 'text' | 'proposed_text' | 'public_text' | 'public_proposed_text'>,
  redacted: boolean,
): { quote: string | null; text: string; proposedText: string | null } {
  const replaced = redacted && remark.public_text !== null;
  return {
    quote: replaced ? null : remark.quote,
    text: replaced ? (remark.public_text ?? '') : remark.text,
    proposedText: replaced ? remark.public_proposed_text : remark.proposed_text,
  };
}

export interface RemarkNames {
  sectionTitles: Map<string, string>;
  owners: Map<string, string[]>;
  users: Map<string, string>;
}

export function presentRemark(remark: HearingRemarkRow, names: RemarkNames): RemarkView {
  return {
    id: remark.id,
    sectionId: remark.section_id,
    sectionTitle: names.sectionTitles.get(remark.section_id) ?? '',
    quote: remark.quote,
    text: remark.text,
    proposedText: remark.proposed_text,
    assessment: remark.assessment as Assessment | null,
    justification: remark.justification,
    assessedBy:
      remark.assessed_by && remark.assessed_party
        ? {
            userId: remark.assessed_by,
            name: names.users.get(remark.assessed_by) ?? '',
            partyId: remark.assessed_party,
          }
        : null,
    assessedAt: remark.assessed_at,
    appliedAt: remark.applied_at,
    appliedRevision: remark.applied_revision,
    owners: names.owners.get(remark.section_id) ?? [],
    publicText: remark.public_text,
    publicProposedText: remark.public_proposed_text,
  };
}

export function presentHearingResponse(
  response: HearingResponseRow,
  remarks: readonly HearingRemarkRow[],
  names: RemarkNames,
): HearingResponseView {
  return {
    id: response.id,
    reference: response.reference,
    respondent: { name: response.name, organisation: response.organisation, email: response.email },
    partyId: response.party_id,
    at: response.created_at,
    statement: response.statement,
    publicStatement: response.public_statement,
    visibility: response.visibility as ResponseVisibility,
    visibilityReason: response.visibility_reason,
    remarks: remarks.map((r) => presentRemark(r, names)),
  };
}
