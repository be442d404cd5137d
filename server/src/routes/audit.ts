import { idSchema, type AuditEventView, type AuditVerificationView } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyAuditLog } from '../audit/verifyLog.js';
import { requireActor } from '../http/authenticate.js';
import { presentAuditEvent } from '../presenters/audit.js';
import { visiblePlan } from '../access/visibleTo.js';
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
    // Everyone who ever acted in the plan, and every section it ever had: a party taken out of
    // the plan or a deleted section keeps its name in the log.
    const actors = (column: 'actor_user_id' | 'actor_party_id') =>
      ctx.db.selectFrom('audit_events').select(column).where('plan_id', '=', plan.id);
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', actors('actor_user_id'))
      .execute();
    const parties = await ctx.db
      .selectFrom('parties')
      .select(['id', 'name'])
      .where('id', 'in', actors('actor_party_id'))
      .execute();
    const sections = await ctx.db
      .selectFrom('sections')
      .select(['id', 'title', 'position', 'deleted_at'])
      .where('plan_id', '=', plan.id)
      .execute();
    const names = {
      users: new Map(users.map((u) => [u.id, u.name])),
      parties: new Map([...parties, ...plan.parties].map((p) => [p.id, p.name])),
      sections: new Map(sections.map((s) => [s.id, s.deleted_at ? s.title : `${s.position + 1} ${s.title}`])),
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
