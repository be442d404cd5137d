import { z } from 'zod';
import type { PlanView, SectionView } from '../api.js';
import { displayName } from '../commands/admin.js';
import { idSchema } from '../ids.js';
import { INPUT_LIMITS } from '../inputLimits.js';

/**
 * Why a version exists: named by the sekretariat, made when a section was locked, or published
 * (the hearing feature publishes one through the same step).
 */
export const VERSION_KINDS = ['named', 'lock', 'published'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** `versions.create {planId, name}` → `{id}` */
export const versionsCreateInput = z.object({ planId: idSchema, name: displayName(INPUT_LIMITS.title) }).strict();
export type VersionsCreateInput = z.infer<typeof versionsCreateInput>;

/** `sections.restore {sectionId, versionId}`: the version's text of the section becomes its text, as a new edit. */
export const sectionsRestoreInput = z.object({ sectionId: idSchema, versionId: idSchema }).strict();
export type SectionsRestoreInput = z.infer<typeof sectionsRestoreInput>;
export const sectionsRestoreResult = z.object({ ok: z.literal(true), revision: z.string() });

/** `GET /api/plans/:planId/versions`: one row per version, newest first. */
export interface VersionSummaryView {
  id: string;
  name: string;
  at: string;
  kind: VersionKind;
  /** The section whose lock made the version. */
  sectionId: string | null;
  by: { userId: string; name: string; partyId: string };
}

/** A section as a version holds it: as in the plan view, plus its body. */
export interface VersionSectionView extends SectionView {
  json: unknown;
  text: string;
}

/** `GET /api/versions/:versionId`: the plan as it was (DESIGN 6.2), with every section's body. */
export interface VersionView extends Omit<PlanView, 'sections'> {
  version: VersionSummaryView;
  sections: VersionSectionView[];
}

/** One person's run of edits of a section, as the history lists it. */
export interface EditSessionView {
  /** The last stored edit of the session: the text "after this session" is the text up to it. */
  id: number;
  userId: string | null;
  name: string | null;
  partyId: string | null;
  from: string;
  to: string;
  /** How many updates the session took (before compaction merged them). */
  edits: number;
}

/** `GET /api/sections/:sectionId/history/:editId`: the text as it was after that edit. */
export interface SectionTextAtView {
  id: number;
  at: string;
  json: unknown;
  text: string;
}

/**
 * Edits by one person with no pause longer than this belong to one session. Long enough that
 * reading a paragraph between two sentences does not split a session, short enough that
 * a morning's and an afternoon's work are two.
 */
export const EDIT_SESSION_GAP_MS = 15 * 60 * 1000;

export interface EditRecord {
  id: number;
  userId: string | null;
  partyId: string | null;
  from: string;
  to: string;
  edits: number;
}

/**
 * Groups a section's edits, oldest first, into sessions: consecutive edits by the same person
 * (and party, since a person may change party) with no gap longer than `gap`.
 */
export function groupEditSessions(records: readonly EditRecord[], gap = EDIT_SESSION_GAP_MS): EditRecord[] {
  const sessions: EditRecord[] = [];
  for (const record of records) {
    const last = sessions.at(-1);
    if (
      last &&
      last.userId === record.userId &&
      last.partyId === record.partyId &&
      Date.parse(record.from) - Date.parse(last.to) <= gap
    ) {
      sessions[sessions.length - 1] = {
        ...last,
        id: record.id,
        to: record.to > last.to ? record.to : last.to,
        edits: last.edits + record.edits,
      };
    } else {
      sessions.push({ ...record });
    }
  }
  return sessions;
}
