import {
  findFolded,
  foldForSearch,
  SEARCH_LIMITS,
  type SearchHit,
  type SearchResultView,
  type SearchSectionResult,
} from '@fellesplan/domain';
import type { Db } from '../storage/database.js';
import type { SectionSearch } from './sectionSearch.js';

/** More matches than this in one text are not counted further. */
const MATCHES_PER_TEXT = 1_000;

/** The passage around a match, on one line, with where the match stands in it. */
export function snippetAround(text: string, start: number, end: number): Pick<SearchHit, 'snippet' | 'snippetMatch'> {
  const context = SEARCH_LIMITS.snippetContext;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const before = (from > 0 ? '…' : '') + oneLine(text.slice(from, start)).trimStart();
  const match = oneLine(text.slice(start, end));
  const after = oneLine(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  return {
    snippet: before + match + after,
    snippetMatch: { start: before.length, end: before.length + match.length },
  };
}

function hitsIn(
  text: string,
  needle: string,
  base: Omit<SearchHit, 'snippet' | 'snippetMatch' | 'start' | 'end' | 'occurrence'>,
) {
  return findFolded(foldForSearch(text), needle, MATCHES_PER_TEXT).map((m, occurrence) => ({
    ...base,
    ...snippetAround(text, m.start, m.end),
    start: m.start,
    end: m.end,
    occurrence,
  }));
}

/**
 * Searches a plan: section titles, section bodies (every section, loaded or not, through the
 * revision-keyed cache) and comments, folded for case and accents (æøå kept). Hits are grouped by
 * section in plan order, capped at `SEARCH_LIMITS.hits`; `total` counts them all.
 */
export async function searchPlan(
  db: Db,
  search: SectionSearch,
  planId: string,
  query: string,
): Promise<SearchResultView> {
  const needle = foldForSearch(query).folded;
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'title'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['comments.id', 'comments.body', 'threads.id as thread_id', 'threads.section_id'])
    .where('threads.plan_id', '=', planId)
    .where('comments.deleted_at', 'is', null)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  let total = 0;
  let kept = 0;
  const results: SearchSectionResult[] = [];
  for (const section of sections) {
    const body = await search.text(section.id);
    const hits: SearchHit[] = [
      ...hitsIn(section.title, needle, { kind: 'title' }),
      ...(body
        ? findFolded(body.folded, needle, MATCHES_PER_TEXT).map((m, occurrence) => ({
            kind: 'text' as const,
            ...snippetAround(body.text, m.start, m.end),
            start: m.start,
            end: m.end,
            occurrence,
          }))
        : []),
      ...comments
        .filter((c) => c.section_id === section.id)
        .flatMap((c) => hitsIn(c.body, needle, { kind: 'comment', threadId: c.thread_id, commentId: c.id })),
    ];
    total += hits.length;
    const room = SEARCH_LIMITS.hits - kept;
    if (hits.length > 0 && room > 0) {
      const shown = hits.slice(0, room);
      kept += shown.length;
      results.push({ sectionId: section.id, title: section.title, hits: shown });
    }
  }
  return { query, total, truncated: total > kept, sections: results };
}
