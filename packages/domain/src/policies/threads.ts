import type { Actor, PlanMembership } from '../types.js';
import { isPlanMember } from './plans.js';

/** Any member may comment on any section, owner or not, locked or not; threads are outside the body. */
export function commentRefusal(actor: Actor, plan: PlanMembership): 'not_found' | null {
  return isPlanMember(actor, plan) ? null : 'not_found';
}

export function canComment(actor: Actor, plan: PlanMembership): boolean {
  return commentRefusal(actor, plan) === null;
}

/** Only the author edits or deletes a comment, and a deleted comment stays deleted. */
export function commentChangeRefusal(
  actor: Pick<Actor, 'userId'>,
  comment: { authorId: string; deleted: boolean },
): 'not_author' | 'comment_deleted' | null {
  if (comment.authorId !== actor.userId) return 'not_author';
  if (comment.deleted) return 'comment_deleted';
  return null;
}

/** Resolving an open thread or reopening a resolved one; any member may do either. */
export function threadStatusRefusal(
  actor: Actor,
  thread: { status: 'open' | 'resolved' },
  plan: PlanMembership,
  to: 'open' | 'resolved',
): 'not_found' | 'thread_already' | null {
  if (!isPlanMember(actor, plan)) return 'not_found';
  if (thread.status === to) return 'thread_already';
  return null;
}
