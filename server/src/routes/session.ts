import { DomainError, sessionInput, type SessionView, type UserView } from '@fellesplan/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { deleteSession, hashToken, SESSION_COOKIE } from '../auth/sessions.js';
import { addressLimit } from '../http/addressLimit.js';
import { requestToken, requireActor } from '../http/authenticate.js';
import { startSession } from '../http/sessionCookie.js';
import { presentUser } from '../presenters/user.js';
import { loadUserRecord } from '../queries/userRecord.js';
import type { AppContext } from './context.js';

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Across e-mails too: rotating made-up e-mails must not buy one address unlimited scrypt work.
  const onRequest = addressLimit(app, { name: 'login', max: ctx.loginAttemptsPerAddressPerMinute });
  // Against password guessing: a few attempts per minute per address and e-mail.
  const loginLimit = {
    rateLimit: {
      max: ctx.loginAttemptsPerMinute,
      timeWindow: 60_000,
      // After body parsing, so the key can include the e-mail.
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => {
        const email = (request.body as { email?: unknown } | undefined)?.email;
        return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
      },
    },
  };

  app.post('/api/session', { config: loginLimit, onRequest }, async (request, reply): Promise<SessionView> => {
    if (!ctx.localPasswords) throw new DomainError('passwords_disabled');
    const input = sessionInput.parse(request.body);
    const user = await ctx.db
      .selectFrom('users')
      .innerJoin('parties', 'parties.id', 'users.party_id')
      .select([
        'users.id',
        'users.password_hash',
        'users.deactivated_at',
        'parties.deactivated_at as party_deactivated_at',
      ])
      .where('users.email', '=', input.email)
      .executeTakeFirst();
    // Unknown e-mails, and accounts without a password (OpenID Connect only), take the same queue
    // and the same scrypt work as known ones (no enumeration).
    const valid = await ctx.passwordWork.run(request.ip, () =>
      verifyPassword(input.password, user?.password_hash || DUMMY_HASH),
    );
    // A deactivated person (or party) gets the same answer as a wrong password, after the same work.
    if (!user || !valid || !user.password_hash || user.deactivated_at !== null || user.party_deactivated_at !== null) {
      request.log.info({ email: input.email }, 'failed login');
      throw new DomainError('invalid_credentials');
    }
    const session = await startSession(ctx.db, request, reply, user.id);
    request.log.info({ userId: user.id }, 'logged in');
    return session;
  });

  app.get('/api/session', async (request): Promise<{ user: UserView }> => {
    const actor = await requireActor(ctx.db, request);
    return { user: presentUser(await loadUserRecord(ctx.db, actor.userId)) };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = requestToken(request);
    if (token) {
      await deleteSession(ctx.db, token);
      // [S3] A socket opened with this session must not keep writing after logout.
      ctx.sessions.closeSession(hashToken(token));
      ctx.notificationStreams.closeSession(hashToken(token));
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
