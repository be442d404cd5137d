/**
 * Bounds on a section body that no real plan reaches: one section of a felles utviklingsplan is
 * a few pages, not a book. They keep one owner from making a section too heavy for every
 * reader, or storage grow without end.
 */
export const SECTION_LIMITS = {
  /** One incoming Yjs update; a large pasted table is well under this. */
  maxUpdateBytes: 2 * 1024 * 1024,
  /** Characters of text in one section body (some 400 pages). */
  maxCharacters: 1_000_000,
  /** Nesting of elements (lists in quotes in tables …). */
  maxDepth: 40,
} as const;
