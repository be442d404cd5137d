import type { ThreadView } from '@fellesplan/domain';
import { CONTENT_FIELD, resolveAnchor } from '@fellesplan/editor';
import type { SectionContent } from '../content/sectionContent.js';
import type { Db } from '../storage/database.js';
import { listThreads, type ThreadRecord } from '../storage/repositories/threads.js';

/**
 * The plan's threads as clients see them. `detached` is decided against the body as it is now,
 * so it follows edits (the projection recomputes it after every change of a body).
 * Threads whose every comment was deleted are gone for everyone.
 */
export async function loadThreadsView(db: Db, content: SectionContent, planId: string): Promise<ThreadView[]> {
  const threads = await listVisibleThreads(db, planId);
  return presentThreads(threads, await detachedThreads(content, threads));
}

/** The plan's threads with at least one comment left. */
export async function listVisibleThreads(db: Db, planId: string): Promise<ThreadRecord[]> {
  return (await listThreads(db, planId)).filter((t) => t.comments.some((c) => !c.deleted));
}

/**
 * The anchored threads whose text is gone from their section's body as it is now; only among
 * the sections in `sectionIds` when given (the others' bodies did not change).
 */
export async function detachedThreads(
  content: Pick<SectionContent, 'withDocument'>,
  threads: readonly ThreadRecord[],
  sectionIds?: ReadonlySet<string>,
): Promise<Set<string>> {
  const bySection = new Map<string, ThreadRecord[]>();
  for (const thread of threads) {
    if (!thread.anchor || (sectionIds && !sectionIds.has(thread.sectionId))) continue;
    const list = bySection.get(thread.sectionId) ?? [];
    list.push(thread);
    bySection.set(thread.sectionId, list);
  }
  const detached = new Set<string>();
  for (const [sectionId, anchored] of bySection) {
    await content.withDocument(sectionId, (doc) => {
      const fragment = doc.getXmlFragment(CONTENT_FIELD);
      for (const thread of anchored) {
        if (thread.anchor && !resolveAnchor(doc, fragment, thread.anchor, thread.quote)) detached.add(thread.id);
      }
    });
  }
  return detached;
}

export function presentThreads(threads: readonly ThreadRecord[], detached: ReadonlySet<string>): ThreadView[] {
  return threads.map((t) => ({
    id: t.id,
    sectionId: t.sectionId,
    status: t.status,
    anchor: t.anchor,
    quote: t.quote,
    detached: detached.has(t.id),
    createdBy: t.createdBy,
    at: t.at,
    resolvedBy: t.resolvedBy,
    resolvedAt: t.resolvedAt,
    comments: t.comments,
  }));
}
