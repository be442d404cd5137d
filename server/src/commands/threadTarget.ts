import { commentChangeRefusal, DomainError } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../auth/sessions.js';
import { visibleSection } from '../access/visibleTo.js';
import type { AppContext } from '../routes/context.js';
import type { PlanRecord } from '../storage/repositories/plans.js';
import type { CommentRow, Database, ThreadRow } from '../storage/schema.js';

export interface ThreadTarget {
  thread: ThreadRow;
  plan: PlanRecord;
}

export interface CommentTarget extends ThreadTarget {
  comment: CommentRow;
}

/** A thread in a plan the actor takes part in, on a section not deleted; 404 otherwise. */
export async function loadThreadTarget(
  ctx: AppContext,
  actor: SessionUser,
  input: { threadId: string },
): Promise<ThreadTarget> {
  const thread = await ctx.db.selectFrom('threads').selectAll().where('id', '=', input.threadId).executeTakeFirst();
  if (!thread) throw new DomainError('not_found');
  const { plan } = await visibleSection(ctx.db, actor, thread.section_id);
  return { thread, plan };
}

/** A comment in a plan the actor takes part in, with its thread; 404 otherwise. */
export async function loadCommentTarget(
  ctx: AppContext,
  actor: SessionUser,
  input: { commentId: string },
): Promise<CommentTarget> {
  const comment = await ctx.db.selectFrom('comments').selectAll().where('id', '=', input.commentId).executeTakeFirst();
  if (!comment) throw new DomainError('not_found');
  return { comment, ...(await loadThreadTarget(ctx, actor, { threadId: comment.thread_id })) };
}

/** A comment as the domain policy sees it. */
export function commentOf(comment: CommentRow) {
  return { authorId: comment.author_id, deleted: comment.deleted_at !== null };
}

/**
 * The comment as it is inside the command's transaction, which holds the plan row (runCommand):
 * an edit or a delete authorized on what `load` read must not act on a comment deleted or
 * rewritten since, or a deleted comment would get its text back and the log a stale `previousBody`.
 */
export async function commentNow(
  trx: Transaction<Database>,
  actor: { userId: string },
  commentId: string,
): Promise<CommentRow> {
  const comment = await trx.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst();
  if (!comment) throw new DomainError('not_found');
  const refusal = commentChangeRefusal(actor, commentOf(comment));
  if (refusal) throw new DomainError(refusal);
  return comment;
}
