import { adminRefusal, DomainError, type PartnershipView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../http/authenticate.js';
import { loadPartnershipView } from '../queries/partnershipView.js';
import type { AppContext } from './context.js';

/** `GET /api/partnership`: the administration page's data, for administrators only (403 `admin_only`). */
export function partnershipRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/partnership', async (request): Promise<PartnershipView> => {
    const actor = await requireActor(ctx.db, request);
    const refusal = adminRefusal(actor);
    if (refusal) throw new DomainError(refusal);
    return loadPartnershipView(ctx.db, actor.helsefellesskapId);
  });
}
