import type { Actor, PlanMembership } from '../types.js';
import { isPlanMember } from './plans.js';

/** Any member may comment on any section, owner or not, locked or not; threads are outside the body. */
export function canComment(actor: Actor, plan: PlanMembership): boolean {
  return isPlanMember(actor, plan);
}

/** Only the author edits or deletes a comment. */
export function canChangeComment(actor: Actor, comment: { authorId: string }): boolean {
  return comment.authorId === actor.userId;
}
