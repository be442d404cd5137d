import { profileUpdateInput, type ProfileView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { appendAdminEvent } from '../audit/appendAdminEvent.js';
import { deleteUserSessions, SESSION_COOKIE } from '../auth/sessions.js';
import { refreshPartyPlans } from '../commands/refreshPartyPlans.js';
import { requireActor } from '../http/authenticate.js';
import { presentProfile } from '../presenters/user.js';
import { loadUserRecord } from '../queries/userRecord.js';
import type { AppContext } from './context.js';

/** Everyone's own page: name, language, and signing out everywhere. */
export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/profile', async (request): Promise<ProfileView> => {
    const actor = await requireActor(ctx.db, request);
    return presentProfile(await loadUserRecord(ctx.db, actor.userId));
  });

  app.patch('/api/profile', async (request): Promise<ProfileView> => {
    const actor = await requireActor(ctx.db, request);
    const input = profileUpdateInput.parse(request.body ?? {});
    const renamed = input.name !== undefined && input.name !== actor.name;
    await ctx.db.transaction().execute(async (trx) => {
      const changes = {
        ...(renamed ? { name: input.name } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
      };
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('users').set(changes).where('id', '=', actor.userId).execute();
      // A name others see is on the record; the language is a private preference.
      if (renamed) {
        await appendAdminEvent(trx, {
          helsefellesskapId: actor.helsefellesskapId,
          actor,
          type: 'user.updated',
          payload: { userId: actor.userId, self: true, before: { name: actor.name }, changes: { name: input.name } },
          at: new Date().toISOString(),
        });
      }
    });
    if (renamed) await refreshPartyPlans(ctx, [actor.partyId]);
    return presentProfile(await loadUserRecord(ctx.db, actor.userId));
  });

  /** Sign out everywhere: every session of the person ends, and every socket they have open closes. */
  app.delete('/api/sessions', async (request, reply) => {
    const actor = await requireActor(ctx.db, request);
    const ended = await deleteUserSessions(ctx.db, actor.userId);
    // [S3] Each session's sockets close now, and one being authenticated finds its session ended.
    for (const sessionId of ended) {
      ctx.sessions.closeSession(sessionId);
      ctx.notificationStreams.closeSession(sessionId);
    }
    await ctx.accessChanges.publish({ kind: 'user', userId: actor.userId, ended: true });
    request.log.info({ userId: actor.userId, sessions: ended.length }, 'signed out everywhere');
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true, sessionsEnded: ended.length };
  });
}
