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

type Mention = CommentView['mentions'][number];

/**
 * Every thread of a plan with its comments and mentions, threads in creation order. Comments
 * and mentions are joined on the plan id rather than listed by id: an `IN (…)` over every id
 * breaks past SQLite's bound-variable limit (32,766), which a flood of threads reaches.
 */
export async function listThreads(db: Db, planId: string): Promise<ThreadRecord[]> {
  const threads = await db
    .selectFrom('threads')
    .selectAll()
    .where('plan_id', '=', planId)
    // Threads of a deleted section go with it (their rows stay as evidence).
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sections')
          .select('sections.id')
          .whereRef('sections.id', '=', 'threads.section_id')
          .where('sections.deleted_at', 'is', null),
      ),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (threads.length === 0) return [];
  const comments = await db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
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
    .where('threads.plan_id', '=', planId)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  const mentions = await db
    .selectFrom('comment_mentions')
    .innerJoin('comments', 'comments.id', 'comment_mentions.comment_id')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['comment_mentions.comment_id', 'comment_mentions.kind', 'comment_mentions.target_id'])
    .where('threads.plan_id', '=', planId)
    .orderBy('comment_mentions.kind')
    .orderBy('comment_mentions.target_id')
    .execute();

  // Grouped once, so assembling stays linear in the number of rows.
  const mentionsByComment = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = mentionsByComment.get(m.comment_id) ?? [];
    list.push({ kind: m.kind === 'party' ? 'party' : 'user', id: m.target_id });
    mentionsByComment.set(m.comment_id, list);
  }
  const commentsByThread = new Map<string, CommentView[]>();
  for (const c of comments) {
    const list = commentsByThread.get(c.thread_id) ?? [];
    list.push({
      id: c.id,
      authorId: c.author_id,
      authorName: c.author_name,
      partyId: c.party_id,
      body: c.deleted_at ? '' : c.body,
      at: c.created_at,
      editedAt: c.edited_at,
      deleted: c.deleted_at !== null,
      mentions: c.deleted_at ? [] : (mentionsByComment.get(c.id) ?? []),
    });
    commentsByThread.set(c.thread_id, list);
  }
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
    comments: commentsByThread.get(t.id) ?? [],
  }));
}
