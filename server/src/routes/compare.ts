import {
  COMPARE_NOW,
  compareQuery,
  DomainError,
  idSchema,
  sinceAgreedQuery,
  type PlanCompareView,
  type SinceAgreedView,
} from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan, visibleSection } from '../access/visibleTo.js';
import { diffRevisedBodies } from '../compare/bodyDiffs.js';
import { comparePlanTexts } from '../compare/comparePlanTexts.js';
import { requireActor } from '../http/authenticate.js';
import { loadPlanView } from '../queries/planView.js';
import { loadSectionText } from '../versions/sectionTexts.js';
import { loadCurrentTexts, loadVersionView, versionPlanId } from '../versions/versionStore.js';
import type { AppContext } from './context.js';

export function compareRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans/:planId/compare', async (request): Promise<PlanCompareView> => {
    const actor = await requireActor(ctx.db, request);
    const { planId } = z.object({ planId: idSchema }).parse(request.params);
    // Membership first: an outsider learns nothing, not even whether the query was valid.
    const plan = await visiblePlan(ctx.db, actor, planId);
    const { from, to } = compareQuery.parse(request.query);
    const side = async (id: string) => {
      if (id === COMPARE_NOW) {
        const texts = await loadCurrentTexts(ctx, plan.id);
        return { meta: { id, name: COMPARE_NOW, at: new Date().toISOString() }, sections: texts.sections };
      }
      // A version of another plan is as unknown here as one that does not exist.
      if (!idSchema.safeParse(id).success || (await versionPlanId(ctx.db, id)) !== plan.id) {
        throw new DomainError('not_found');
      }
      const version = await loadVersionView(ctx.db, id);
      if (!version) throw new DomainError('not_found');
      return { meta: { id, name: version.version.name, at: version.version.at }, sections: version.sections };
    };
    const before = await side(from);
    const after = await side(to);
    return {
      planId: plan.id,
      from: before.meta,
      to: after.meta,
      sections: comparePlanTexts(before.sections, after.sections),
    };
  });

  app.get('/api/sections/:sectionId/since-agreed', async (request): Promise<SinceAgreedView> => {
    const actor = await requireActor(ctx.db, request);
    const { sectionId } = z.object({ sectionId: idSchema }).parse(request.params);
    const { section, plan } = await visibleSection(ctx.db, actor, sectionId);
    const { partyId } = sinceAgreedQuery.parse(request.query);
    const view = await loadPlanView(ctx.db, ctx.content, plan.id);
    const marker = view?.sections.find((s) => s.id === section.id)?.markers.find((m) => m.partyId === partyId);
    if (!marker) return { state: 'no_marker', sectionId: section.id, partyId };
    const current = await ctx.content.view(section.id);
    const stale = marker.revision !== current.revision;
    const agreed = await loadSectionText(ctx.db, section.id, marker.revision);
    if (!agreed) {
      return {
        state: 'text_unknown',
        sectionId: section.id,
        partyId,
        marker: { stance: marker.stance, revision: marker.revision, at: marker.at, stale },
        currentRevision: current.revision,
      };
    }
    return {
      state: 'compared',
      sectionId: section.id,
      partyId,
      marker: { stance: marker.stance, note: marker.note, revision: marker.revision, at: marker.at, stale },
      currentRevision: current.revision,
      diff: diffRevisedBodies(agreed, current),
    };
  });
}
