import { randomUUID } from 'node:crypto';
import {
  canChangeComment,
  canComment,
  commentIdInput,
  commentsEditInput,
  DomainError,
  parseMentions,
  threadIdInput,
  threadsCreateInput,
  threadsReplyInput,
  type MentionCandidate,
} from '@fellesplan/domain';
import { anchorPointsInto, CONTENT_FIELD } from '@fellesplan/editor';
import type { Transaction } from 'kysely';
import { appendAuditEvent, type AuditEventType } from '../audit/appendEvent.js';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { findPlan, type PlanRecord } from '../storage/repositories/plans.js';
import type { Database } from '../storage/schema.js';
import { chargePlan } from './chargePlan.js';
import { assertRoomForComment, assertRoomForThread, assertRoomToReopen } from './commentLimits.js';
import type { Command } from './index.js';
import { loadSectionForActor } from './loadSection.js';

// Comment commands never touch a section body: threads live outside it, so adding, resolving or
// deleting a comment can never change a content revision or make a consensus marker stale.

async function mentionCandidates(ctx: AppContext, plan: PlanRecord): Promise<MentionCandidate[]> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('party_id', 'in', plan.partyIds)
    .execute();
  return [
    ...users.map((u) => ({ kind: 'user' as const, id: u.id, name: u.name })),
    ...plan.parties.map((p) => ({ kind: 'party' as const, id: p.id, name: p.name })),
  ];
}

async function insertComment(
  trx: Transaction<Database>,
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

async function replaceMentions(
  trx: Transaction<Database>,
  commentId: string,
  body: string,
  candidates: MentionCandidate[],
) {
  await trx.deleteFrom('comment_mentions').where('comment_id', '=', commentId).execute();
  const unique = new Map(parseMentions(body, candidates).map((m) => [`${m.kind}:${m.id}`, m]));
  if (unique.size === 0) return;
  await trx
    .insertInto('comment_mentions')
    .values([...unique.values()].map((m) => ({ comment_id: commentId, kind: m.kind, target_id: m.id })))
    .execute();
}

/** Loads a thread the actor may see (404 otherwise, also for non-members) and its plan. */
async function loadThread(ctx: AppContext, actor: SessionUser, threadId: string) {
  const thread = await ctx.db.selectFrom('threads').selectAll().where('id', '=', threadId).executeTakeFirst();
  const plan = thread ? await findPlan(ctx.db, thread.plan_id) : null;
  if (!thread || !plan || !canComment(actor, plan)) throw new DomainError('not_found');
  return { thread, plan };
}

async function loadComment(ctx: AppContext, actor: SessionUser, commentId: string) {
  const comment = await ctx.db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst();
  if (!comment) throw new DomainError('not_found');
  const { thread, plan } = await loadThread(ctx, actor, comment.thread_id);
  if (!canChangeComment(actor, { authorId: comment.author_id })) throw new DomainError('not_author');
  if (comment.deleted_at) throw new DomainError('comment_deleted');
  return { comment, thread, plan };
}

async function audit(
  trx: Transaction<Database>,
  planId: string,
  actor: SessionUser,
  type: AuditEventType,
  sectionId: string,
  payload: Record<string, unknown>,
  at: string,
) {
  await appendAuditEvent(trx, { planId, actor, type, sectionId, payload, at });
}

export const threadsCreate: Command = async (ctx, actor, raw) => {
  const input = threadsCreateInput.parse(raw);
  const { section, plan } = await loadSectionForActor(ctx, actor, input.sectionId);
  if (!canComment(actor, plan)) throw new DomainError('not_found');
  await chargePlan(ctx, plan.id);
  const anchor = input.anchor;
  if (anchor) {
    // The anchor must point at text this section has now; the client anchors what it has read.
    const usable = await ctx.content.withDocument(section.id, (doc) =>
      anchorPointsInto(doc, doc.getXmlFragment(CONTENT_FIELD), anchor),
    );
    if (!usable) throw new DomainError('invalid_anchor', { field: 'anchor' });
  }
  const candidates = await mentionCandidates(ctx, plan);
  const id = randomUUID();
  const commentId = randomUUID();
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await assertRoomForThread(trx, plan.id, section.id, actor.partyId);
    await trx
      .insertInto('threads')
      .values({
        id,
        plan_id: plan.id,
        section_id: section.id,
        anchor_start: input.anchor?.start ?? null,
        anchor_end: input.anchor?.end ?? null,
        quote: input.anchor ? (input.quote ?? null) : null,
        status: 'open',
        created_by: actor.userId,
        created_at: at,
        resolved_by: null,
        resolved_at: null,
      })
      .execute();
    await insertComment(trx, { id: commentId, threadId: id, actor, body: input.body, at }, candidates);
    await audit(
      trx,
      plan.id,
      actor,
      'thread.created',
      section.id,
      { threadId: id, commentId, quote: input.quote ?? null, body: input.body },
      at,
    );
  });
  await ctx.projection.refresh(plan.id);
  return { id, commentId };
};

export const threadsReply: Command = async (ctx, actor, raw) => {
  const input = threadsReplyInput.parse(raw);
  const { thread, plan } = await loadThread(ctx, actor, input.threadId);
  await chargePlan(ctx, plan.id);
  const candidates = await mentionCandidates(ctx, plan);
  const id = randomUUID();
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await assertRoomForComment(trx, plan.id, thread.id, actor.partyId);
    await insertComment(trx, { id, threadId: thread.id, actor, body: input.body, at }, candidates);
    const payload = { threadId: thread.id, commentId: id, body: input.body };
    await audit(trx, plan.id, actor, 'thread.replied', thread.section_id, payload, at);
  });
  await ctx.projection.refresh(plan.id);
  return { id };
};

function setStatus(status: 'open' | 'resolved'): Command {
  return async (ctx, actor, raw) => {
    const input = threadIdInput.parse(raw);
    const { thread, plan } = await loadThread(ctx, actor, input.threadId);
    await chargePlan(ctx, plan.id);
    if (thread.status === status) throw new DomainError('thread_already');
    const at = new Date().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (status === 'open') await assertRoomToReopen(trx, plan.id, thread.created_by);
      await trx
        .updateTable('threads')
        .set(
          status === 'resolved'
            ? { status, resolved_by: actor.userId, resolved_at: at }
            : { status, resolved_by: null, resolved_at: null },
        )
        .where('id', '=', thread.id)
        .execute();
      await audit(
        trx,
        plan.id,
        actor,
        status === 'resolved' ? 'thread.resolved' : 'thread.reopened',
        thread.section_id,
        { threadId: thread.id },
        at,
      );
    });
    await ctx.projection.refresh(plan.id);
    return { ok: true };
  };
}

export const threadsResolve = setStatus('resolved');
export const threadsReopen = setStatus('open');

export const commentsEdit: Command = async (ctx, actor, raw) => {
  const input = commentsEditInput.parse(raw);
  const { comment, thread, plan } = await loadComment(ctx, actor, input.commentId);
  await chargePlan(ctx, plan.id);
  const candidates = await mentionCandidates(ctx, plan);
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set({ body: input.body, edited_at: at }).where('id', '=', comment.id).execute();
    await replaceMentions(trx, comment.id, input.body, candidates);
    await audit(
      trx,
      plan.id,
      actor,
      'comment.edited',
      thread.section_id,
      // The log keeps what was said before and after, so a comment cannot be rewritten without trace.
      { threadId: thread.id, commentId: comment.id, previousBody: comment.body, body: input.body },
      at,
    );
  });
  await ctx.projection.refresh(plan.id);
  return { ok: true };
};

export const commentsDelete: Command = async (ctx, actor, raw) => {
  const input = commentIdInput.parse(raw);
  const { comment, thread, plan } = await loadComment(ctx, actor, input.commentId);
  await chargePlan(ctx, plan.id);
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Soft delete: the thread keeps its shape; the text is gone for everyone.
    await trx.updateTable('comments').set({ body: '', deleted_at: at }).where('id', '=', comment.id).execute();
    await trx.deleteFrom('comment_mentions').where('comment_id', '=', comment.id).execute();
    await audit(
      trx,
      plan.id,
      actor,
      'comment.deleted',
      thread.section_id,
      { threadId: thread.id, commentId: comment.id, previousBody: comment.body },
      at,
    );
  });
  await ctx.projection.refresh(plan.id);
  return { ok: true };
};
