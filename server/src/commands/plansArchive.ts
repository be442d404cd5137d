import { adminRefusal, DomainError } from '@fellesplan/domain';
import { hearingIsOpen } from '../storage/repositories/hearings.js';
import { loadAdminPlan } from './adminTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `plans.archive`: the plan becomes read-only for everyone and stays readable. Open section
 * connections turn read-only at once; every later command on the plan is refused (409).
 */
export const plansArchive = defineCommand({
  name: 'plans.archive',
  load: (ctx, actor, input) => loadAdminPlan(ctx, actor, input.planId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { actor, target: { plan }, at }) {
    const archived = await trx
      .updateTable('plans')
      .set({ archived_at: at })
      .where('id', '=', plan.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (Number(archived.numUpdatedRows) !== 1) throw new DomainError('plan_archived');
    // [HR3] An archived plan takes no more responses: its open hearing is closed with it, so no
    // page tells a respondent the hearing is open while every response is refused.
    const hearings = await trx
      .selectFrom('hearings')
      .select(['id', 'closed_at', 'deadline'])
      .where('plan_id', '=', plan.id)
      .execute();
    const closedHearings = hearings.filter((h) => hearingIsOpen(h, new Date(at))).map((h) => h.id);
    if (closedHearings.length > 0) {
      await trx
        .updateTable('hearings')
        .set({ closed_at: at, closed_by: actor.userId })
        .where('id', 'in', closedHearings)
        .execute();
    }
    return {
      result: { ok: true },
      audit: { type: 'plan.archived', sectionId: null, payload: { title: plan.title, closedHearings } },
    };
  },
  async after(ctx, { target: { plan } }) {
    await ctx.accessChanges.publish({ kind: 'plan', planId: plan.id });
  },
});
