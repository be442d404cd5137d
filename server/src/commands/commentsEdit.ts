import { commentChangeRefusal } from '@fellesplan/domain';
import { mentionCandidates, replaceMentions } from './mentions.js';
import { defineCommand } from './pipeline.js';
import { commentNow, commentOf, loadCommentTarget } from './threadTarget.js';

/** `comments.edit`: the author rewrites their comment; the log keeps both texts. */
export const commentsEdit = defineCommand({
  name: 'comments.edit',
  load: loadCommentTarget,
  authorize: (actor, { comment }) => commentChangeRefusal(actor, commentOf(comment)),
  check: (ctx, _actor, { plan }) => mentionCandidates(ctx.db, plan),
  async change(trx, { actor, input, target, checked: candidates, at }) {
    const { thread } = target;
    const comment = await commentNow(trx, actor, target.comment.id);
    await trx.updateTable('comments').set({ body: input.body, edited_at: at }).where('id', '=', comment.id).execute();
    await replaceMentions(trx, comment.id, input.body, candidates);
    return {
      result: { ok: true },
      audit: {
        type: 'comment.edited',
        sectionId: thread.section_id,
        // What was said before and after: a comment cannot be rewritten without trace.
        payload: { threadId: thread.id, commentId: comment.id, previousBody: comment.body, body: input.body },
      },
    };
  },
});
