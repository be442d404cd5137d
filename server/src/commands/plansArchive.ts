import { adminRefusal, DomainError } from '@fellesplan/domain';
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
  async change(trx, { target: { plan }, at }) {
    const archived = await trx
      .updateTable('plans')
      .set({ archived_at: at })
      .where('id', '=', plan.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (Number(archived.numUpdatedRows) !== 1) throw new DomainError('plan_archived');
    return { result: { ok: true }, audit: { type: 'plan.archived', sectionId: null, payload: { title: plan.title } } };
  },
  async after(ctx, { target: { plan } }) {
    await ctx.accessChanges.publish({ kind: 'plan', planId: plan.id });
  },
});
