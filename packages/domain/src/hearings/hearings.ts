import { z } from 'zod';
import { displayName } from '../commands/admin.js';
import { idSchema } from '../ids.js';
import { hasVisibleText, INPUT_LIMITS, isPlainLine, isStorableText } from '../inputLimits.js';

/**
 * Hearings (høring) and adoption (forankring), DESIGN 6.4. A hearing shows a frozen, published
 * version of the plan to outsiders behind an unguessable link; they respond by a deadline; the
 * members assess every remark; the summary answers every input. Adoption records each party's
 * own decision on a final version.
 */

/** Sizes of what an outside respondent may send: generous for a real statement, bounded for a flood. */
export const HEARING_LIMITS = {
  title: INPUT_LIMITS.title,
  intro: 20_000,
  reason: INPUT_LIMITS.reason,
  /** The general statement of one response (a kommunestyre's statement runs to some pages). */
  statement: 50_000,
  /** Remarks in one response: one per paragraph of a long plan, with room to spare. */
  remarks: 200,
  remarkText: 10_000,
  quote: INPUT_LIMITS.quote,
  proposedText: 10_000,
  justification: 10_000,
  organisation: INPUT_LIMITS.name,
  email: 320,
  /** A hearing's deadline lies at most this far ahead (two years). */
  maxDeadlineDays: 730,
  body: INPUT_LIMITS.title,
  caseNumber: 60,
  note: 10_000,
} as const;

/** The Norwegian names of the four assessments are given by the sekretariat's practice. */
export const ASSESSMENTS = [
  'tatt_til_folge',
  'delvis_tatt_til_folge',
  'ikke_tatt_til_folge',
  'tatt_til_orientering',
] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ADOPTION_OUTCOMES = ['vedtatt', 'vedtatt_med_endringer', 'ikke_vedtatt'] as const;
export type AdoptionOutcome = (typeof ADOPTION_OUTCOMES)[number];

/** When the public page lists the responses: after the deadline (default), or as they arrive. */
export const RESPONSE_PUBLICATION = ['after_deadline', 'immediately'] as const;
export type ResponsePublication = (typeof RESPONSE_PUBLICATION)[number];

/** Whether a response is shown as sent, shown with parts blacked out, or not shown at all. */
export const RESPONSE_VISIBILITY = ['public', 'redacted', 'withheld'] as const;
export type ResponseVisibility = (typeof RESPONSE_VISIBILITY)[number];

const text = (max: number) => z.string().trim().max(max).refine(isStorableText, 'invalid_input');
const requiredText = (max: number, empty: string) =>
  z
    .string({ required_error: empty })
    .trim()
    .min(1, empty)
    .max(max)
    .refine(hasVisibleText, empty)
    .refine(isStorableText, 'invalid_input');
const isoInstant = z
  .string()
  .max(40)
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value),
    'invalid_deadline',
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), 'invalid_deadline')
  .transform((value) => new Date(value).toISOString());
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'invalid_date',
  );
const email = z.string().trim().toLowerCase().email('invalid_email').max(HEARING_LIMITS.email);

/** `hearings.publish {planId, title, deadline, intro, publishResponses?}` → `{id, publicToken, url}` */
export const hearingsPublishInput = z
  .object({
    planId: idSchema,
    title: displayName(HEARING_LIMITS.title),
    deadline: isoInstant,
    intro: text(HEARING_LIMITS.intro).default(''),
    publishResponses: z.enum(RESPONSE_PUBLICATION).default('after_deadline'),
  })
  .strict();
export type HearingsPublishInput = z.infer<typeof hearingsPublishInput>;
export const hearingsPublishResult = z.object({
  id: z.string(),
  publicToken: z.string(),
  url: z.string(),
  versionId: z.string(),
});

/** `hearings.extend {hearingId, deadline, reason}`: a later deadline, with why. */
export const hearingsExtendInput = z
  .object({ hearingId: idSchema, deadline: isoInstant, reason: requiredText(HEARING_LIMITS.reason, 'reason_required') })
  .strict();
/** `hearings.close {hearingId, reason?}`: closes before the deadline. */
export const hearingsCloseInput = z
  .object({ hearingId: idSchema, reason: text(HEARING_LIMITS.reason).nullish() })
  .strict();

/** `hearings.setPublication {hearingId, publishResponses}` */
export const hearingsSetPublicationInput = z
  .object({ hearingId: idSchema, publishResponses: z.enum(RESPONSE_PUBLICATION) })
  .strict();

/** One remark of a response: on a section, or on a passage of it, optionally with new wording. */
export const hearingRemarkInput = z
  .object({
    sectionId: idSchema,
    quote: text(HEARING_LIMITS.quote).nullish(),
    text: requiredText(HEARING_LIMITS.remarkText, 'remark_empty'),
    proposedText: text(HEARING_LIMITS.proposedText).nullish(),
  })
  .strict();

/**
 * `POST /api/public/hearings/<publicToken>/responses`. With a member's session and `onBehalfOfParty`,
 * the response is the member's party's.
 */
export const hearingResponseInput = z
  .object({
    respondent: z
      .object({
        name: displayName(INPUT_LIMITS.name),
        // One line, as a name: it is printed after the name in the receipt, the log and the summary.
        organisation: text(HEARING_LIMITS.organisation).refine(isPlainLine, 'invalid_input').nullish(),
        email,
      })
      .strict(),
    statement: text(HEARING_LIMITS.statement).nullish(),
    remarks: z.array(hearingRemarkInput).max(HEARING_LIMITS.remarks, 'too_many_remarks').default([]),
    onBehalfOfParty: z.boolean().default(false),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.statement?.trim() && input.remarks.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['statement'], message: 'response_empty' });
    }
  });
export type HearingResponseInput = z.infer<typeof hearingResponseInput>;
export const hearingResponseResult = z.object({ id: z.string(), reference: z.string(), receiptUrl: z.string() });

/** `remarks.assess {remarkId, assessment, justification}` */
export const remarksAssessInput = z
  .object({
    remarkId: idSchema,
    assessment: z.enum(ASSESSMENTS),
    justification: requiredText(HEARING_LIMITS.justification, 'justification_required'),
  })
  .strict();

/** `remarks.applyProposal {remarkId}`: an owner puts the proposed wording into the live section. */
export const remarksApplyProposalInput = z.object({ remarkId: idSchema }).strict();
export const remarksApplyProposalResult = z.object({ ok: z.literal(true), revision: z.string() });

/** `responses.withhold {responseId, reason}` / `responses.redact {responseId, statement?, remarks?, reason}` / `responses.publish {responseId, reason}` */
export const responsesWithholdInput = z
  .object({ responseId: idSchema, reason: requiredText(HEARING_LIMITS.reason, 'reason_required') })
  .strict();
export const responsesRedactInput = z
  .object({
    responseId: idSchema,
    reason: requiredText(HEARING_LIMITS.reason, 'reason_required'),
    /** The statement as the public will read it (the original is kept). */
    statement: text(HEARING_LIMITS.statement).nullish(),
    /** Per remark, its text as the public will read it. */
    remarks: z
      .array(
        z
          .object({
            remarkId: idSchema,
            text: text(HEARING_LIMITS.remarkText),
            proposedText: text(HEARING_LIMITS.proposedText).nullish(),
          })
          .strict(),
      )
      .max(HEARING_LIMITS.remarks)
      .default([]),
  })
  .strict();
export const responsesPublishInput = responsesWithholdInput;

/** `adoptions.send {planId, versionId, deadline?}`: the sekretariat sends a final version for adoption. */
export const adoptionsSendInput = z
  .object({ planId: idSchema, versionId: idSchema, note: text(HEARING_LIMITS.note).nullish() })
  .strict();

/** `adoptions.record {planId, versionId, partyId, body, date, caseNumber?, outcome, note?}` */
export const adoptionsRecordInput = z
  .object({
    planId: idSchema,
    versionId: idSchema,
    partyId: idSchema,
    body: displayName(HEARING_LIMITS.body),
    date: isoDate,
    caseNumber: text(HEARING_LIMITS.caseNumber).nullish(),
    outcome: z.enum(ADOPTION_OUTCOMES),
    note: text(HEARING_LIMITS.note).nullish(),
  })
  .strict();

// ---- Views ----

/** A section as the hearing shows it: frozen text of the published version. */
export interface HearingSectionView {
  id: string;
  title: string;
  /** «7», the number a reader cites. */
  number: string;
  json: unknown;
  text: string;
  /** Members only: how many remarks it got. */
  remarks?: number;
}

/** One response as the public page lists it (after the deadline, or at once): text only, never email. */
export interface PublicResponseView {
  reference: string;
  name: string;
  organisation: string | null;
  partyName: string | null;
  at: string;
  statement: string | null;
  visibility: 'public' | 'redacted';
  remarks: { sectionId: string; quote: string | null; text: string; proposedText: string | null }[];
}

/** `GET /api/public/hearings/<publicToken>` */
export interface PublicHearingView {
  title: string;
  intro: string;
  planTitle: string;
  /** ISO instant; shown in Europe/Oslo. */
  deadline: string;
  open: boolean;
  closedEarly: boolean;
  publishResponses: ResponsePublication;
  /** Earlier deadlines with reasons, newest last. */
  extensions: { from: string; to: string; reason: string; at: string }[];
  sections: HearingSectionView[];
  /** Listed when the sekretariat publishes them (after the deadline, or at once); null when not yet. */
  responses: PublicResponseView[] | null;
  /** The caller is a member of the plan and may respond for their party. */
  member: { partyId: string; partyName: string } | null;
}

/** `GET /api/plans/:planId/hearings`: one row per hearing, newest first. */
export interface HearingSummaryView {
  id: string;
  planId: string;
  title: string;
  intro: string;
  deadline: string;
  open: boolean;
  closedAt: string | null;
  publishResponses: ResponsePublication;
  versionId: string;
  publicToken: string;
  url: string;
  createdAt: string;
  responses: number;
  remarks: number;
  assessed: number;
}

export interface RemarkView {
  id: string;
  sectionId: string;
  sectionTitle: string;
  quote: string | null;
  text: string;
  proposedText: string | null;
  assessment: Assessment | null;
  justification: string | null;
  assessedBy: { userId: string; name: string; partyId: string } | null;
  assessedAt: string | null;
  /** When an owner put the proposed wording into the section. */
  appliedAt: string | null;
  appliedRevision: string | null;
  /** The section's owners, to whom the remark is assigned. */
  owners: string[];
  /** What the public sees when the response was redacted. */
  publicText: string | null;
  publicProposedText: string | null;
}

/** `GET /api/hearings/:hearingId/responses` (members). */
export interface HearingResponseView {
  id: string;
  reference: string;
  respondent: { name: string; organisation: string | null; email: string };
  partyId: string | null;
  at: string;
  statement: string | null;
  publicStatement: string | null;
  visibility: ResponseVisibility;
  visibilityReason: string | null;
  remarks: RemarkView[];
}

/** `GET /api/hearings/:hearingId` (members): the hearing with counts per section. */
export interface HearingView extends HearingSummaryView {
  planTitle: string;
  sections: HearingSectionView[];
  extensions: { from: string; to: string; reason: string; at: string; by: string }[];
}

export interface AdoptionRoundView {
  id: string;
  versionId: string;
  versionName: string;
  sentAt: string;
  note: string | null;
  /** The text has changed since the version was sent: a new round is needed. */
  textChanged: boolean;
  changedSections: string[];
  decisions: {
    partyId: string;
    body: string;
    date: string;
    caseNumber: string | null;
    outcome: AdoptionOutcome;
    note: string | null;
    recordedBy: string;
    recordedAt: string;
  }[];
  /** Parties that must adopt (the plan's active parties). */
  parties: string[];
  /** Every party recorded `vedtatt` or `vedtatt_med_endringer`. */
  adopted: boolean;
}

/** `GET /api/plans/:planId/adoptions`: rounds newest first. */
export interface AdoptionsView {
  rounds: AdoptionRoundView[];
}
