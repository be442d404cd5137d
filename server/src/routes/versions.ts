import {
  DomainError,
  idSchema,
  type EditSessionView,
  type SectionTextAtView,
  type VersionSummaryView,
  type VersionView,
} from '@fellesplan/domain';
import { jsonToText, readSectionBody, stripDisallowedLinks } from '@fellesplan/editor';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { visiblePlan, visibleSection } from '../access/visibleTo.js';
import { requireActor } from '../http/authenticate.js';
import { documentAfterEdit, listEditSessions } from '../storage/repositories/sectionEdits.js';
import { listVersions, loadVersionView, versionPlanId } from '../versions/versionStore.js';
import type { AppContext } from './context.js';

const planParams = z.object({ planId: idSchema });
const versionParams = z.object({ versionId: idSchema });
const sectionParams = z.object({ sectionId: idSchema });
export const editParams = z.object({
  sectionId: idSchema,
  editId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export function versionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans/:planId/versions', async (request): Promise<VersionSummaryView[]> => {
    const actor = await requireActor(ctx.db, request);
    const plan = await visiblePlan(ctx.db, actor, planParams.parse(request.params).planId);
    return listVersions(ctx.db, plan.id);
  });

  app.get('/api/versions/:versionId', async (request): Promise<VersionView> => {
    const actor = await requireActor(ctx.db, request);
    const { versionId } = versionParams.parse(request.params);
    const planId = await versionPlanId(ctx.db, versionId);
    // A version of a plan the person does not take part in is as unknown as a missing one.
    if (planId === null) throw new DomainError('version_not_found');
    await visiblePlan(ctx.db, actor, planId).catch(() => {
      throw new DomainError('version_not_found');
    });
    const view = await loadVersionView(ctx.db, versionId);
    if (!view) throw new DomainError('version_not_found');
    return view;
  });

  app.get('/api/sections/:sectionId/history', async (request): Promise<EditSessionView[]> => {
    const actor = await requireActor(ctx.db, request);
    const { section } = await visibleSection(ctx.db, actor, sectionParams.parse(request.params).sectionId);
    const sessions = await listEditSessions(ctx.db, section.id);
    const userIds = [...new Set(sessions.flatMap((s) => (s.userId ? [s.userId] : [])))];
    const names = new Map(
      userIds.length === 0
        ? []
        : (await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((u) => [
            u.id,
            u.name,
          ]),
    );
    // Newest first: what a reader asks is "who changed this lately".
    return sessions.map((s) => ({ ...s, name: s.userId ? (names.get(s.userId) ?? null) : null })).reverse();
  });

  app.get('/api/sections/:sectionId/history/:editId', async (request): Promise<SectionTextAtView> => {
    const actor = await requireActor(ctx.db, request);
    const params = editParams.parse(request.params);
    const { section } = await visibleSection(ctx.db, actor, params.sectionId);
    const found = await documentAfterEdit(ctx.db, section.id, params.editId);
    if (!found) throw new DomainError('not_found');
    try {
      const body = readSectionBody(found.doc);
      if (!body.readable) throw new DomainError('section_unreadable');
      const json = stripDisallowedLinks(body.json);
      return { id: params.editId, at: found.at, json, text: jsonToText(json) };
    } finally {
      found.doc.destroy();
    }
  });
}
