import type { CommentView } from '@fellesplan/domain';
import type { Db } from '../database.js';

export interface ThreadRecord {
  id: string;
  planId: string;
  sectionId: string;
  anchor: { start: string; end: string } | null;
  quote: string | null;
  status: 'open' | 'resolved';
  createdBy: string;
  at: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  comments: CommentView[];
}

/** Every thread of a plan with its comments and mentions, threads in creation order. */
export async function listThreads(db: Db, planId: string): Promise<ThreadRecord[]> {
  const threads = await db
    .selectFrom('threads')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .execute();
  if (threads.length === 0) return [];
  const comments = await db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select([
      'comments.id',
      'comments.thread_id',
      'comments.author_id',
      'users.name as author_name',
      'comments.party_id',
      'comments.body',
      'comments.created_at',
      'comments.edited_at',
      'comments.deleted_at',
    ])
    .where(
      'comments.thread_id',
      'in',
      threads.map((t) => t.id),
    )
    .orderBy('comments.created_at')
    .execute();
  const mentions = comments.length
    ? await db
        .selectFrom('comment_mentions')
        .selectAll()
        .where(
          'comment_id',
          'in',
          comments.map((c) => c.id),
        )
        .execute()
    : [];
  return threads.map((t) => ({
    id: t.id,
    planId: t.plan_id,
    sectionId: t.section_id,
    anchor: t.anchor_start && t.anchor_end ? { start: t.anchor_start, end: t.anchor_end } : null,
    quote: t.quote,
    status: t.status === 'resolved' ? 'resolved' : 'open',
    createdBy: t.created_by,
    at: t.created_at,
    resolvedBy: t.resolved_by,
    resolvedAt: t.resolved_at,
    comments: comments
      .filter((c) => c.thread_id === t.id)
      .map((c) => ({
        id: c.id,
        authorId: c.author_id,
        authorName: c.author_name,
        partyId: c.party_id,
        body: c.deleted_at ? '' : c.body,
        at: c.created_at,
        editedAt: c.edited_at,
        deleted: c.deleted_at !== null,
        mentions: c.deleted_at
          ? []
          : mentions
              .filter((m) => m.comment_id === c.id)
              .map((m) => ({ kind: m.kind === 'party' ? ('party' as const) : ('user' as const), id: m.target_id })),
      })),
  }));
}
