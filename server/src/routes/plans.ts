import {
  DomainError,
  idSchema,
  type PlanSummaryView,
  type PlanView,
  type SectionContentView,
  type ThreadView,
} from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/authenticate.js';
import { presentPlanSummary } from '../presenters/plan.js';
import { loadPlanView } from '../queries/planView.js';
import { loadThreadsView } from '../queries/threadsView.js';
import { visiblePlan, visibleSection } from '../access/visibleTo.js';
import { listPlansForParty } from '../storage/repositories/plans.js';
import type { AppContext } from './context.js';

const planParams = z.object({ planId: idSchema });

export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans', async (request): Promise<PlanSummaryView[]> => {
    const actor = await requireActor(ctx.db, request);
    const rows = await listPlansForParty(ctx.db, actor.partyId);
    return rows.map(presentPlanSummary);
  });

  app.get('/api/plans/:planId', async (request): Promise<PlanView> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    const view = await loadPlanView(ctx.db, ctx.content, plan.id);
    if (!view) throw new DomainError('not_found');
    return view;
  });

  app.get('/api/plans/:planId/threads', async (request): Promise<ThreadView[]> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    return loadThreadsView(ctx.db, ctx.content, plan.id);
  });

  app.get('/api/sections/:sectionId/content', async (request): Promise<SectionContentView> => {
    const actor = await requireActor(ctx.db, request);
    const { sectionId } = z.object({ sectionId: idSchema }).parse(request.params);
    const { section } = await visibleSection(ctx.db, actor, sectionId);
    return ctx.content.view(section.id);
  });
}
