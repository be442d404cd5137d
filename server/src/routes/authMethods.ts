import type { AuthMethodsView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { isSetUp } from '../setup/firstStart.js';
import type { AppContext } from './context.js';

/** `GET /api/auth/methods`: how people sign in here, and whether the first start's setup is still to come. */
export function authMethodsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/auth/methods', async (): Promise<AuthMethodsView> => ({
    passwords: ctx.localPasswords,
    oidc: ctx.oidcMethod,
    needsSetup: !(await isSetUp(ctx.db)),
  }));
}
