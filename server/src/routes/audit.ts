import { idSchema, type AuditEventView, type AuditVerificationView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyAuditLog } from '../audit/verifyLog.js';
import { requireActor } from '../http/authenticate.js';
import { presentAuditEvent } from '../presenters/audit.js';
import { visiblePlan } from '../access/visibleTo.js';
import { listSections } from '../storage/repositories/plans.js';
import type { AppContext } from './context.js';

const params = z.object({ planId: idSchema });

/** The decision log (A1): every governance event of a plan, and whether it still holds (A2–A4). */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function loadPlan(request: Parameters<typeof requireActor>[1]) {
    const actor = await requireActor(ctx.db, request);
    return { plan: await visiblePlan(ctx.db, actor, params.parse(request.params).planId) };
  }

  app.get('/api/plans/:planId/audit', async (request): Promise<AuditEventView[]> => {
    const { plan } = await loadPlan(request);
    const events = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('seq')
      .execute();
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('party_id', 'in', plan.partyIds.length > 0 ? plan.partyIds : [''])
      .execute();
    const sections = await listSections(ctx.db, plan.id);
    const names = {
      users: new Map(users.map((u) => [u.id, u.name])),
      parties: new Map(plan.parties.map((p) => [p.id, p.name])),
      sections: new Map(sections.map((s) => [s.id, `${s.position + 1} ${s.title}`])),
    };
    return events.map((e) => presentAuditEvent(e, names));
  });

  app.get('/api/plans/:planId/audit/verify', async (request): Promise<AuditVerificationView> => {
    const { plan } = await loadPlan(request);
    const result = await verifyAuditLog(ctx.db, ctx.auditSigner, plan.id);
    if (!result.ok) {
      const { reason, brokenAt, sectionId, partyId } = result;
      request.log.warn({ planId: plan.id, reason, brokenAt, sectionId, partyId }, 'decision log verification failed');
    }
    return result;
  });
}
