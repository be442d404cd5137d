import { DomainError } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runWithAuditSigner } from '../audit/headSigner.js';
import { requireActor } from '../http/authenticate.js';
import { commands } from '../commands/index.js';
import type { AppContext } from './context.js';

/** `POST /api/commands/:name`: authenticate, then hand the raw body to the named command. */
export function commandRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/commands/:name', async (request) => {
    const { name } = z.object({ name: z.string().max(100) }).parse(request.params);
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new DomainError('unknown_command');
    const actor = await requireActor(ctx.db, request);
    await ctx.commandLimits.chargeUser(actor.userId);
    return runWithAuditSigner(ctx.auditSigner, () => command(ctx, actor, request.body ?? {}));
  });
}
