import { randomUUID } from 'node:crypto';
import { commentRefusal, CONTENT_FIELD, DomainError } from '@fellesplan/domain';
import { anchorPointsInto } from '@fellesplan/editor';
import { visibleSection } from '../access/visibleTo.js';
import { assertRoomForThread } from './commentLimits.js';
import { insertComment, mentionCandidates } from './mentions.js';
import { defineCommand } from './pipeline.js';

// Comment commands never touch a section body: threads live outside it, so adding, resolving or
// deleting a comment can never change a content revision or make a consensus marker stale.

/** `threads.create`: a thread on a section, on a passage (anchor + quote) or on the whole section. */
export const threadsCreate = defineCommand({
  name: 'threads.create',
  load: (ctx, actor, input) => visibleSection(ctx.db, actor, input.sectionId),
  authorize: (actor, { plan }) => commentRefusal(actor, plan),
  async check(ctx, _actor, { section, plan }, input) {
    const anchor = input.anchor;
    if (anchor) {
      // The anchor must point at text this section has now; the client anchors what it has read.
      const usable = await ctx.content.withDocument(section.id, (doc) =>
        anchorPointsInto(doc, doc.getXmlFragment(CONTENT_FIELD), anchor),
      );
      if (!usable) throw new DomainError('invalid_anchor', { field: 'anchor' });
    }
    return mentionCandidates(ctx.db, plan);
  },
  async change(trx, { actor, input, target: { section, plan }, checked: candidates, at }) {
    const id = randomUUID();
    const commentId = randomUUID();
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
    return {
      result: { id, commentId },
      audit: {
        type: 'thread.created',
        sectionId: section.id,
        payload: { threadId: id, commentId, quote: input.quote ?? null, body: input.body },
      },
    };
  },
});
