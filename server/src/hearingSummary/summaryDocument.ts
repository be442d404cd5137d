import type { Assessment, ResponseVisibility } from '@fellesplan/domain';

/** One remark as the høringsoppsummering and the spreadsheet state it. */
export interface SummaryRemark {
  /** The response's reference and the remark's place in it: «H-2026-003.2». */
  reference: string;
  respondent: string;
  organisation: string | null;
  party: string | null;
  sectionNumber: string;
  sectionTitle: string;
  quote: string | null;
  text: string;
  proposedText: string | null;
  assessment: Assessment | null;
  justification: string | null;
  assessedBy: string | null;
  /** ISO instant. */
  assessedAt: string | null;
  visibility: ResponseVisibility;
}

export interface SummaryRespondent {
  reference: string;
  name: string;
  organisation: string | null;
  party: string | null;
  /** ISO instant the response arrived. */
  at: string;
  visibility: ResponseVisibility;
  /** The general statement, if any. */
  statement: string | null;
  remarks: number;
}

export interface SummarySection {
  number: string;
  title: string;
  remarks: SummaryRemark[];
}

/**
 * What a høringsoppsummering is made from: plain data, so it crosses to the worker that packs
 * the file. `public` documents hold no withheld response and only redacted text.
 */
export interface HearingSummaryDocument {
  title: string;
  planTitle: string;
  versionName: string;
  public: boolean;
  /** ISO instants. */
  publishedAt: string;
  deadline: string;
  originalDeadline: string;
  closedAt: string | null;
  generatedAt: string;
  extensions: { from: string; to: string; reason: string; at: string }[];
  respondents: SummaryRespondent[];
  /** In the order of the plan the hearing showed; remarks on sections it did not show come last. */
  sections: SummarySection[];
  counts: { responses: number; remarks: number; assessed: number };
}
