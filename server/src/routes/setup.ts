import { DomainError, setupInput, type SessionView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/password.js';
import { addressLimit } from '../http/addressLimit.js';
import { startSession } from '../http/sessionCookie.js';
import { isSetUp, isSetupToken, runSetup } from '../setup/firstStart.js';
import type { AppContext } from './context.js';

/** `POST /api/setup`: the first start's one-time setup (DESIGN 6.4). */
export function setupRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Setup tokens cannot be guessed, but each try may cost scrypt work: limited like logins.
  const onRequest = addressLimit(app, { name: 'setup', max: ctx.loginAttemptsPerMinute });

  app.post('/api/setup', { onRequest }, async (request, reply): Promise<SessionView> => {
    // Once set up, always 409, whatever was sent: the link has done its work.
    if (await isSetUp(ctx.db)) throw new DomainError('setup_done');
    const input = setupInput.parse(request.body);
    if (!(await isSetupToken(ctx.db, input.token))) {
      request.log.warn('setup refused: wrong token');
      throw new DomainError('setup_invalid');
    }
    const passwordHash = await ctx.passwordWork.run(request.ip, () => hashPassword(input.admin.password));
    const { userId, helsefellesskapId } = await runSetup(ctx.db, input, passwordHash);
    request.log.info({ userId, helsefellesskapId }, 'helsefellesskap set up');
    return startSession(ctx.db, request, reply, userId);
  });
}
