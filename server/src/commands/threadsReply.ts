import { randomUUID } from 'node:crypto';
import { commentRefusal } from '@fellesplan/domain';
import { assertRoomForComment } from './commentLimits.js';
import { insertComment, mentionCandidates } from './mentions.js';
import { defineCommand } from './pipeline.js';
import { loadThreadTarget } from './threadTarget.js';

/** `threads.reply`: any member answers in a thread, open or resolved. */
export const threadsReply = defineCommand({
  name: 'threads.reply',
  load: loadThreadTarget,
  authorize: (actor, { plan }) => commentRefusal(actor, plan),
  check: (ctx, _actor, { plan }) => mentionCandidates(ctx.db, plan),
  async change(trx, { actor, input, target: { thread, plan }, checked: candidates, at }) {
    const id = randomUUID();
    await assertRoomForComment(trx, plan.id, thread.id, actor.partyId);
    await insertComment(trx, { id, threadId: thread.id, actor, body: input.body, at }, candidates);
    return {
      result: { id },
      audit: {
        type: 'thread.replied',
        sectionId: thread.section_id,
        payload: { threadId: thread.id, commentId: id, body: input.body },
      },
    };
  },
});
