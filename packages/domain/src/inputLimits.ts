/**
 * Lengths of what people type, in characters. The zod schemas of the commands enforce them and
 * the client's inputs show them (`maxLength`), from this one place.
 */
export const INPUT_LIMITS = {
  /** A note on a stance (reservation, disagreement). */
  note: 2_000,
  /** Why a locked section is reopened. */
  reason: 2_000,
  /** One comment. */
  commentBody: 10_000,
  /** The quoted text a thread is anchored to. */
  quote: 5_000,
  /** One base64 `Y.RelativePosition` of an anchor. */
  anchorPosition: 2_000,
  /** A content revision as the server reports it. */
  revision: 128,
  /** A party's or a person's name. */
  name: 200,
  /** A plan's or a section's title. */
  title: 300,
  /** A plan's period, e.g. «2027–2030». */
  period: 60,
  /** What a party stands for, e.g. which kommuner a helseregion speaks for. */
  description: 1_000,
  /** How short a chosen password may be. */
  passwordMin: 10,
  /** Parties taking part in one plan (a helsefellesskap has up to some 50). */
  partiesPerPlan: 200,
} as const;

// A lone surrogate cannot be encoded as UTF-8: the database stores U+FFFD instead while the
// decision log keeps the escaped original, so the log no longer matches its tables. PostgreSQL
// text cannot hold U+0000 at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a typed text can be stored and logged as it is: well-formed Unicode without NUL. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

// Spaces JavaScript's trim() leaves: zero-width space, joiners, word joiner, byte-order mark;
// direction marks, embeddings, overrides and isolates; soft hyphen, grapheme joiner, Mongolian
// vowel separator and the Hangul fillers, which fonts draw as blanks.
const INVISIBLE =
  /^[\s\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufeff\uffa0]*$/;

/** Whether a text shows anything at all: a reason or a comment of invisible characters says nothing. */
export function hasVisibleText(text: string): boolean {
  return !INVISIBLE.test(text);
}

// Control characters (line breaks, tabs, escapes, C1) and the bidirectional embeddings and
// overrides, which turn the text after a name around (isolates and direction marks stay usable).
const NOT_IN_A_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;

/** Whether a one-line name (a person, a party, a title) is shown as it was typed: no line breaks, escapes or overrides. */
export function isPlainLine(text: string): boolean {
  return !NOT_IN_A_NAME.test(text);
}
