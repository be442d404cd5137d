import { adminRefusal, DomainError } from '@fellesplan/domain';
import { assertAdminRemains } from './assertAdminRemains.js';
import { loadParty } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

/**
 * `parties.deactivate`: the party's people can no longer sign in; their sessions end in the same
 * transaction and their open sockets close at once. The party stays in plans it took part in
 * (its markers and text are part of the record). Refused when it would leave no administrator.
 */
export const partiesDeactivate = defineCommand({
  name: 'parties.deactivate',
  load: async (ctx, actor, input) => ({
    ...(await loadParty(ctx, actor, input.partyId)),
    endedSessions: [] as string[],
  }),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { target: { party, helsefellesskapId, endedSessions }, at }) {
    await assertAdminRemains(trx, helsefellesskapId, { partyId: party.id });
    const updated = await trx
      .updateTable('parties')
      .set({ deactivated_at: at })
      .where('id', '=', party.id)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('already_inactive');
    const people = trx.selectFrom('users').select('id').where('party_id', '=', party.id);
    const ended = await trx.deleteFrom('sessions').where('user_id', 'in', people).returning('token_hash').execute();
    endedSessions.push(...ended.map((row) => row.token_hash));
    return {
      result: { ok: true },
      audit: {
        admin: 'party.deactivated',
        payload: { partyId: party.id, name: party.name, sessionsEnded: ended.length },
      },
    };
  },
  async after(ctx, { target: { party, endedSessions } }) {
    // The sessions are gone from the database; sockets opened with them close now, and one whose
    // authentication is under way finds its session ended when it is attached ([S3]).
    for (const sessionId of endedSessions) {
      ctx.sessions.closeSession(sessionId);
      ctx.notificationStreams.closeSession(sessionId);
    }
    await ctx.accessChanges.publish({ kind: 'party', partyId: party.id });
  },
});
