import { canonicalJson, type CommentView, type ThreadView } from '@fellesplan/domain';
import * as Y from 'yjs';

/**
 * Threads live in the projection as a `Y.Map` keyed by thread id, each thread a `Y.Map` of its
 * fields (`thread`) and its comments keyed by comment id (`comments`). A new or edited comment
 * then travels as that comment alone, not as the whole list of threads (issue 8, finding 3).
 */
export const THREADS_KEY = 'threadsById';
const META_KEY = 'thread';
const COMMENTS_KEY = 'comments';

type ThreadMeta = Omit<ThreadView, 'comments'>;

/** Sets `key` only when its value changed, so an unchanged entry sends nothing. */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (canonicalJson(map.get(key)) !== canonicalJson(value)) map.set(key, value);
}

function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  return parent.set(key, new Y.Map<unknown>());
}

function removeAllBut(map: Y.Map<unknown>, keep: ReadonlySet<string>): void {
  for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key);
}

/** Brings the keyed threads of `projection` in line with `threads`; call inside a transaction. */
export function writeThreads(projection: Y.Map<unknown>, threads: readonly ThreadView[]): void {
  const byId = childMap(projection, THREADS_KEY);
  removeAllBut(byId, new Set(threads.map((t) => t.id)));
  for (const { comments, ...meta } of threads) {
    const entry = childMap(byId, meta.id);
    setIfChanged(entry, META_KEY, meta);
    const byComment = childMap(entry, COMMENTS_KEY);
    removeAllBut(byComment, new Set(comments.map((c) => c.id)));
    for (const comment of comments) setIfChanged(byComment, comment.id, comment);
  }
}

// Creation order, as the API lists them; the id breaks ties between equal timestamps.
function byCreation(a: { at: string; id: string }, b: { at: string; id: string }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The threads of a projection as the API shapes them: `ThreadView`s in creation order. */
export function readThreads(projection: Y.Map<unknown>): ThreadView[] {
  const byId = projection.get(THREADS_KEY);
  if (!(byId instanceof Y.Map)) return [];
  const threads: ThreadView[] = [];
  for (const entry of (byId as Y.Map<unknown>).values()) {
    if (!(entry instanceof Y.Map)) continue;
    const meta = entry.get(META_KEY) as ThreadMeta | undefined;
    if (!meta) continue;
    const byComment = entry.get(COMMENTS_KEY);
    const comments = byComment instanceof Y.Map ? ([...(byComment as Y.Map<unknown>).values()] as CommentView[]) : [];
    threads.push({ ...meta, comments: comments.sort(byCreation) });
  }
  return threads.sort(byCreation);
}
