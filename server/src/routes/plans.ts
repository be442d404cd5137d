import {
  canReadSection,
  DomainError,
  isPlanMember,
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
import { findPlan, findSection, listPlansForParty } from '../storage/repositories/plans.js';
import type { AppContext } from './context.js';

const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans', async (request): Promise<PlanSummaryView[]> => {
    const actor = await requireActor(ctx.db, request);
    const rows = await listPlansForParty(ctx.db, actor.partyId);
    return rows.map(presentPlanSummary);
  });

  app.get('/api/plans/:planId', async (request): Promise<PlanView> => {
    const actor = await requireActor(ctx.db, request);
    const { planId } = z.object({ planId: idParam }).parse(request.params);
    const plan = await findPlan(ctx.db, planId);
    // Not a member looks the same as not existing: ids of other plans are not confirmed.
    if (!plan || !isPlanMember(actor, plan)) throw new DomainError('not_found');
    const view = await loadPlanView(ctx.db, ctx.content, planId);
    if (!view) throw new DomainError('not_found');
    return view;
  });

  app.get('/api/plans/:planId/threads', async (request): Promise<ThreadView[]> => {
    const actor = await requireActor(ctx.db, request);
    const { planId } = z.object({ planId: idParam }).parse(request.params);
    const plan = await findPlan(ctx.db, planId);
    if (!plan || !isPlanMember(actor, plan)) throw new DomainError('not_found');
    return loadThreadsView(ctx.db, ctx.content, planId);
  });

  app.get('/api/sections/:sectionId/content', async (request): Promise<SectionContentView> => {
    const actor = await requireActor(ctx.db, request);
    const { sectionId } = z.object({ sectionId: idParam }).parse(request.params);
    const section = await findSection(ctx.db, sectionId);
    const plan = section ? await findPlan(ctx.db, section.planId) : null;
    if (!section || !plan || !canReadSection(actor, section, plan)) throw new DomainError('not_found');
    return ctx.content.view(sectionId);
  });
}
