import {
  DomainError,
  idSchema,
  type HearingResponseView,
  type HearingSummaryView,
  type HearingView,
} from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan } from '../access/visibleTo.js';
import { requireActor } from '../http/authenticate.js';
import { linkBase } from '../http/linkBase.js';
import { hearingResponses, hearingSummaries, hearingView } from '../queries/hearingsView.js';
import { findHearing } from '../storage/repositories/hearings.js';
import type { AppContext } from './context.js';

const planParams = z.object({ planId: idSchema });
export const hearingParams = z.object({ hearingId: idSchema });

/** Hearings as the plan's members see them: every response as sent, with e-mail and assessments. */
export function hearingRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function visibleHearing(request: Parameters<typeof requireActor>[1]) {
    const actor = await requireActor(ctx.db, request);
    const hearing = await findHearing(ctx.db, hearingParams.parse(request.params).hearingId);
    // [M1] Another plan's hearing is as unknown as a missing one.
    if (!hearing) throw new DomainError('not_found');
    await visiblePlan(ctx.db, actor, hearing.plan_id);
    return hearing;
  }

  app.get('/api/plans/:planId/hearings', async (request): Promise<HearingSummaryView[]> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    return hearingSummaries(ctx.db, plan.id, ctx.clock(), linkBase(ctx, request));
  });

  app.get('/api/hearings/:hearingId', async (request): Promise<HearingView> => {
    const hearing = await visibleHearing(request);
    return hearingView(ctx.db, hearing, ctx.clock(), linkBase(ctx, request));
  });

  app.get('/api/hearings/:hearingId/responses', async (request): Promise<HearingResponseView[]> => {
    return hearingResponses(ctx.db, await visibleHearing(request));
  });
}
