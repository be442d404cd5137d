import { commentChangeRefusal } from '@fellesplan/domain';
import { defineCommand } from './pipeline.js';
import { commentNow, commentOf, loadCommentTarget } from './threadTarget.js';

/** `comments.delete`: a soft delete; the thread keeps its shape, the text is gone for everyone. */
export const commentsDelete = defineCommand({
  name: 'comments.delete',
  load: loadCommentTarget,
  authorize: (actor, { comment }) => commentChangeRefusal(actor, commentOf(comment)),
  async change(trx, { actor, target, at }) {
    const { thread } = target;
    const comment = await commentNow(trx, actor, target.comment.id);
    await trx.updateTable('comments').set({ body: '', deleted_at: at }).where('id', '=', comment.id).execute();
    await trx.deleteFrom('comment_mentions').where('comment_id', '=', comment.id).execute();
    return {
      result: { ok: true },
      audit: {
        type: 'comment.deleted',
        sectionId: thread.section_id,
        payload: { threadId: thread.id, commentId: comment.id, previousBody: comment.body },
      },
    };
  },
});
