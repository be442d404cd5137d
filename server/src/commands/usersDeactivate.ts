import { adminRefusal, DomainError } from '@fellesplan/domain';
import { assertAdminRemains } from './assertAdminRemains.js';
import { loadPerson } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

/**
 * `users.deactivate`: the person can no longer sign in. Their sessions end in the same
 * transaction, their open sockets close at once. Not oneself, and never the last administrator.
 */
export const usersDeactivate = defineCommand({
  name: 'users.deactivate',
  load: async (ctx, actor, input) => ({
    ...(await loadPerson(ctx, actor, input.userId)),
    endedSessions: [] as string[],
  }),
  authorize(actor, { person }) {
    return adminRefusal(actor) ?? (person.id === actor.userId ? 'cannot_deactivate_self' : null);
  },
  async change(trx, { target: { person, helsefellesskapId, endedSessions }, at }) {
    await assertAdminRemains(trx, helsefellesskapId, { userId: person.id });
    const updated = await trx
      .updateTable('users')
      .set({ deactivated_at: at })
      .where('id', '=', person.id)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('already_inactive');
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', person.id).returning('token_hash').execute();
    endedSessions.push(...ended.map((row) => row.token_hash));
    return {
      result: { ok: true },
      audit: {
        admin: 'user.deactivated',
        payload: { userId: person.id, email: person.email, sessionsEnded: ended.length },
      },
    };
  },
  async after(ctx, { target: { person, endedSessions } }) {
    // [S3] as for logout: a socket whose authentication is under way finds its session ended.
    for (const sessionId of endedSessions) {
      ctx.sessions.closeSession(sessionId);
      ctx.notificationStreams.closeSession(sessionId);
    }
    await ctx.accessChanges.publish({ kind: 'user', userId: person.id, ended: true });
  },
});
