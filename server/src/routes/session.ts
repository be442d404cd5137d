import { DomainError, sessionInput, type SessionView } from '@fellesplan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { availableParallelism } from 'node:os';
import { FairQueue } from '../auth/fairQueue.js';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, hashToken, SESSION_COOKIE } from '../auth/sessions.js';
import { requestToken, requireActor } from '../http/authenticate.js';
import { setSessionCookie } from '../http/sessionCookie.js';
import { presentUser } from '../presenters/user.js';
import type { AppContext } from './context.js';

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Across e-mails too: rotating made-up e-mails must not buy one address unlimited scrypt work.
  const addressLimit = app.createRateLimit({
    max: ctx.loginAttemptsPerAddressPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `login|${request.ip}`,
  });
  // scrypt is the expensive part of a login: a few at a time, taken in turn per address, so a
  // flood from one place queues behind itself and real users elsewhere get the next free slot.
  const hashing = new FairQueue({
    concurrency: Math.max(1, Math.min(4, availableParallelism())),
    maxWaitingPerKey: 16,
    maxWaiting: 256,
  });

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

  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await addressLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    request.log.info({ ip: request.ip }, 'login limit per address reached');
    void reply.header('retry-after', limit.ttlInSeconds);
    throw new DomainError('too_many_attempts');
  };

  app.post('/api/session', { config: loginLimit, onRequest }, async (request, reply): Promise<SessionView> => {
    const input = sessionInput.parse(request.body);
    const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
    // Unknown e-mails take the same queue and the same scrypt work as known ones (no enumeration).
    const valid = await hashing.run(request.ip, () =>
      verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH),
    );
    if (!user || !valid) {
      request.log.info({ email: input.email }, 'failed login');
      throw new DomainError('invalid_credentials');
    }
    const token = await createSession(ctx.db, user.id);
    setSessionCookie(request, reply, token);
    request.log.info({ userId: user.id }, 'logged in');
    return { token, user: presentUser(user) };
  });

  app.get('/api/session', async (request) => {
    const actor = await requireActor(ctx.db, request);
    return { user: { id: actor.userId, name: actor.name, email: actor.email, partyId: actor.partyId } };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = requestToken(request);
    if (token) {
      await deleteSession(ctx.db, token);
      // [S3] A socket opened with this session must not keep writing after logout.
      ctx.sessions.closeSession(hashToken(token));
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
