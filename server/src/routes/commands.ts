import { DomainError, isCommandName } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/authenticate.js';
import { linkBase } from '../http/linkBase.js';
import { commands } from '../commands/index.js';
import type { AppContext } from './context.js';

/** `POST /api/commands/:name`: authenticate, then run the named command through the pipeline. */
export function commandRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/commands/:name', async (request) => {
    const { name } = z.object({ name: z.string().max(100) }).parse(request.params);
    if (!isCommandName(name)) throw new DomainError('unknown_command');
    const command = commands[name];
    const actor = await requireActor(ctx.db, request);
    await ctx.commandLimits.chargeUser(actor.userId);
    return command.run(ctx, actor, request.body ?? {}, { baseUrl: linkBase(ctx, request) });
  });
}
