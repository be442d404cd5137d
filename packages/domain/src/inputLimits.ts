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
const INVISIBLE: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2069],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

const within = (ranges: readonly [number, number][], code: number) =>
  ranges.some(([from, to]) => code >= from && code <= to);

/** Whether a text shows anything at all: a reason or a comment of invisible characters says nothing. */
export function hasVisibleText(text: string): boolean {
  for (const character of text) {
    if (/\s/.test(character)) continue;
    if (!within(INVISIBLE, character.codePointAt(0) ?? 0)) return true;
  }
  return false;
}

// Control characters (line breaks, tabs, escapes, C1) and the bidirectional embeddings and
// overrides, which turn the text after a name around (isolates and direction marks stay usable).
const NOT_IN_A_NAME: readonly [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x202a, 0x202e],
];

/** Whether a one-line name (a person, a party, a title) is shown as it was typed: no line breaks, escapes or overrides. */
export function isPlainLine(text: string): boolean {
  for (const character of text) if (within(NOT_IN_A_NAME, character.codePointAt(0) ?? 0)) return false;
  return true;
}
