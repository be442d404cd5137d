import { z } from 'zod';
import type { Stance } from './consensus/stances.js';

/** How much a section body changed between two texts, for sentences like "2 avsnitt endret". */
export interface DiffCounts {
  /** Text blocks (paragraphs, headings, list items, table cells' paragraphs) with any change; a move counts once. */
  paragraphs: number;
  wordsInserted: number;
  wordsDeleted: number;
  /** Paragraphs found whole at another place. */
  moved: number;
  /** Text blocks whose only or partial change is formatting. */
  formatted: number;
}

/**
 * One section body compared with another: `doc` is the new text with the old text's removed
 * parts put back, in Tiptap JSON of the compare schema (marks `diffInsert`, `diffDelete`,
 * `diffFormat {added, removed}`; a block's `diff` attribute: `insert`, `delete`, `moveFrom`,
 * `moveTo`, `format` with `diffWas` naming what it was).
 */
export interface BodyDiffView {
  changed: boolean;
  doc: unknown;
  counts: DiffCounts;
}

/** `GET /api/sections/:sectionId/since-agreed?partyId=`: what changed since a party took its stance. */
export type SinceAgreedView =
  | { state: 'no_marker'; sectionId: string; partyId: string }
  | {
      /** The marker predates stored texts: what was agreed to cannot be shown. */
      state: 'text_unknown';
      sectionId: string;
      partyId: string;
      marker: { stance: Stance; revision: string; at: string; stale: boolean };
      currentRevision: string;
    }
  | {
      state: 'compared';
      sectionId: string;
      partyId: string;
      marker: { stance: Stance; note: string | null; revision: string; at: string; stale: boolean };
      /** The revision compared against: a re-confirmation sends this one, so nothing newer is agreed to unseen. */
      currentRevision: string;
      diff: BodyDiffView;
    };

export const sinceAgreedQuery = z.object({ partyId: z.string().min(1).max(100) }).strict();

/** `now` stands for the plan as it is; anything else names a version. */
export const COMPARE_NOW = 'now';
export const compareQuery = z
  .object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100) })
  .strict()
  .refine((q) => q.from !== q.to, { message: 'invalid_input', path: ['to'] });
export type CompareQuery = z.infer<typeof compareQuery>;

export interface MarkerChangeView {
  partyId: string;
  before: { stance: Stance; stale: boolean } | null;
  after: { stance: Stance; stale: boolean } | null;
}

export type SectionChangeKind = 'added' | 'removed' | 'unchanged' | 'changed';

/** One section in a plan comparison, matched by id. */
export interface SectionCompareView {
  sectionId: string;
  kind: SectionChangeKind;
  /** Titles before and after (one is null when the section was added or removed). */
  titleBefore: string | null;
  titleAfter: string | null;
  renamed: boolean;
  /** Its place moved relative to the sections both sides have. */
  moved: boolean;
  positionBefore: number | null;
  positionAfter: number | null;
  ownersBefore: string[] | null;
  ownersAfter: string[] | null;
  ownersChanged: boolean;
  markerChanges: MarkerChangeView[];
  /** The text diff; for an added section everything is inserted, for a removed one deleted. */
  diff: BodyDiffView;
  /** One side's body could not be read or was not kept: the diff shows nothing for it. */
  textUnknown?: boolean;
}

/** `GET /api/plans/:planId/compare?from=&to=`. */
export interface PlanCompareView {
  planId: string;
  from: { id: string; name: string; at: string };
  to: { id: string; name: string; at: string };
  sections: SectionCompareView[];
}
