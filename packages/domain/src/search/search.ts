import { z } from 'zod';

/** How long a search may be, in characters, and how many hits one answer holds. */
export const SEARCH_LIMITS = { queryMin: 2, queryMax: 200, hits: 50, snippetContext: 40 } as const;

/** `GET /api/plans/:planId/search?q=`: too short or too long a query is a 400 `search_query_invalid`. */
export const searchQueryInput = z.object({
  q: z
    .string({ message: 'search_query_invalid' })
    .trim()
    .min(SEARCH_LIMITS.queryMin, 'search_query_invalid')
    .max(SEARCH_LIMITS.queryMax, 'search_query_invalid'),
});

export type SearchHitKind = 'title' | 'text' | 'comment';

export interface SearchHit {
  kind: SearchHitKind;
  /** The matched passage with some text either side, on one line. */
  snippet: string;
  /** Where the match stands in `snippet`, end exclusive. */
  snippetMatch: { start: number; end: number };
  /** Where the match stands in the searched text (title, the body's plain text, or the comment), end exclusive. */
  start: number;
  end: number;
  /** Which match this is in its text, from 0: the client finds the same one in the editor's text. */
  occurrence: number;
  /** The thread of a comment hit. */
  threadId?: string;
  commentId?: string;
}

export interface SearchSectionResult {
  sectionId: string;
  title: string;
  hits: SearchHit[];
}

/** The answer: hits grouped by section in plan order; `total` counts every hit, `truncated` when more were left out. */
export interface SearchResultView {
  query: string;
  total: number;
  truncated: boolean;
  sections: SearchSectionResult[];
}
