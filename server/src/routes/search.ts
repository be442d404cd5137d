import { idSchema, searchQueryInput, type SearchResultView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan } from '../access/visibleTo.js';
import { requireActor } from '../http/authenticate.js';
import { searchPlan } from '../search/searchPlan.js';
import type { AppContext } from './context.js';

export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans/:planId/search', async (request): Promise<SearchResultView> => {
    const actor = await requireActor(ctx.db, request);
    const { planId } = z.object({ planId: idSchema }).parse(request.params);
    // Membership first: an outsider learns nothing, not even whether the query was valid.
    const plan = await visiblePlan(ctx.db, actor, planId);
    const { q } = searchQueryInput.parse(request.query);
    return searchPlan(ctx.db, ctx.search, plan.id, q);
  });
}
