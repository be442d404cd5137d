import { DomainError, idSchema, type AdoptionsView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan } from '../access/visibleTo.js';
import { loadAdoptionsView } from '../adoptions/adoptionsView.js';
import { requireActor } from '../http/authenticate.js';
import { loadPlanView } from '../queries/planView.js';
import type { AppContext } from './context.js';

const planParams = z.object({ planId: idSchema });

export function adoptionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans/:planId/adoptions', async (request): Promise<AdoptionsView> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    // The current revisions, as the plan view derives them (cached per update).
    const view = await loadPlanView(ctx.db, ctx.content, plan.id);
    if (!view) throw new DomainError('not_found');
    return loadAdoptionsView(ctx.db, plan.id, view.sections);
  });
}
