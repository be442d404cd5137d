import { setImmediate } from 'node:timers/promises';
import {
  awaitsParty,
  DomainError,
  idSchema,
  SECTION_STATUSES,
  type SectionBodyView,
  type SectionStatus,
  type PlanSummaryView,
  type PlanView,
  type SectionContentView,
  type ThreadView,
} from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import pMap from 'p-map';
import { z } from 'zod';
import { requireActor } from '../http/authenticate.js';
import { presentPlanSummary } from '../presenters/plan.js';
import { loadAdoptionStatus } from '../adoptions/adoptionsView.js';
import { loadPlanView } from '../queries/planView.js';
import { loadThreadsView } from '../queries/threadsView.js';
import { visiblePlan, visibleSection } from '../access/visibleTo.js';
import { listPlansForParty, listSections } from '../storage/repositories/plans.js';
import type { AppContext } from './context.js';

const planParams = z.object({ planId: idSchema });

export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans', async (request): Promise<PlanSummaryView[]> => {
    const actor = await requireActor(ctx.db, request);
    const rows = await listPlansForParty(ctx.db, actor.partyId);
    // Progress needs every section's status, which depends on its current text: one plan view
    // each. A few at a time: a thousand at once (years of archived plans) queued tens of thousands
    // of queries on the database connection at once, and took half a minute and 400 MB.
    return pMap(
      rows,
      async (row) => {
        const summary = presentPlanSummary(row);
        const view = await loadPlanView(ctx.db, ctx.content, row.id);
        if (!view) return summary;
        const statusCounts = Object.fromEntries(SECTION_STATUSES.map((s) => [s, 0])) as Record<SectionStatus, number>;
        for (const section of view.sections) statusCounts[section.status] += 1;
        // An archived plan can take no stance, so it waits for nobody.
        const waitingOnUs = view.archivedAt
          ? 0
          : view.sections.filter((section) => awaitsParty(actor.partyId, section)).length;
        const adoption = await loadAdoptionStatus(ctx.db, row.id, view.sections);
        return { ...summary, statusCounts, waitingOnUs, adoption };
      },
      { concurrency: 4 },
    );
  });

  app.get('/api/plans/:planId', async (request): Promise<PlanView> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    const view = await loadPlanView(ctx.db, ctx.content, plan.id);
    if (!view) throw new DomainError('not_found');
    return { ...view, adoption: await loadAdoptionStatus(ctx.db, plan.id, view.sections) };
  });

  app.get('/api/plans/:planId/threads', async (request): Promise<ThreadView[]> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    return loadThreadsView(ctx.db, ctx.content, plan.id);
  });

  // Every section's body at once, so the plan page can show (and the browser find and print) text
  // of sections whose live editors are not mounted yet.
  app.get('/api/plans/:planId/contents', async (request): Promise<SectionBodyView[]> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    const bodies: SectionBodyView[] = [];
    for (const section of await listSections(ctx.db, plan.id)) {
      // Sixty sections are read and decoded one after another, on synchronous SQLite: without a
      // turn of the event loop between them the session check and the sockets of the same page
      // would wait for all of them.
      if (bodies.length > 0) await setImmediate();
      try {
        const { revision, json } = await ctx.content.sharedView(section.id);
        bodies.push({ sectionId: section.id, revision, json });
      } catch (error) {
        // [R2] One unreadable body must not hide the others.
        if (!(error instanceof DomainError && error.code === 'section_unreadable')) throw error;
        bodies.push({ sectionId: section.id, error: 'unreadable' });
      }
    }
    return bodies;
  });

  app.get('/api/sections/:sectionId/content', async (request): Promise<SectionContentView> => {
    const actor = await requireActor(ctx.db, request);
    const { sectionId } = z.object({ sectionId: idSchema }).parse(request.params);
    const { section } = await visibleSection(ctx.db, actor, sectionId);
    return ctx.content.sharedView(section.id);
  });
}
