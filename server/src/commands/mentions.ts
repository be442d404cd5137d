import { parseMentions, type MentionCandidate } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../auth/sessions.js';
import type { Db } from '../storage/database.js';
import type { PlanRecord } from '../storage/repositories/plans.js';
import type { Database } from '../storage/schema.js';

type Trx = Transaction<Database>;

/** Who can be @mentioned in a plan: its people and its parties. */
export async function mentionCandidates(db: Db, plan: PlanRecord): Promise<MentionCandidate[]> {
  const users = await db.selectFrom('users').select(['id', 'name']).where('party_id', 'in', plan.partyIds).execute();
  return [
    ...users.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name })),
    ...plan.parties.map((p) => ({ kind: 'party' as const, id: p.id, name: p.name })),
  ];
}

/** Inserts a comment and its mentions. */
export async function insertComment(
  trx: Trx,
  comment: { id: string; threadId: string; actor: SessionUser; body: string; at: string },
  candidates: MentionCandidate[],
): Promise<void> {
  await trx
    .insertInto('comments')
    .values({
      id: comment.id,
      thread_id: comment.threadId,
      author_id: comment.actor.userId,
      party_id: comment.actor.partyId,
      body: comment.body,
      created_at: comment.at,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  await replaceMentions(trx, comment.id, comment.body, candidates);
}

/** A comment's mentions as its body now names them. */
export async function replaceMentions(
  trx: Trx,
  commentId: string,
  body: string,
  candidates: MentionCandidate[],
): Promise<void> {
  await trx.deleteFrom('comment_mentions').where('comment_id', '=', commentId).execute();
  const unique = new Map(parseMentions(body, candidates).map((m) => [`${m.kind}:${m.id}`, m]));
  if (unique.size === 0) return;
  await trx
    .insertInto('comment_mentions')
    .values([...unique.values()].map((m) => ({ comment_id: commentId, kind: m.kind, target_id: m.id })))
    .execute();
}
