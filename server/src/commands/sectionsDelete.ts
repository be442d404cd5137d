import { adminRefusal, DomainError } from '@fellesplan/domain';
import { orderedSections, writeSectionOrder } from '../storage/repositories/sections.js';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, sectionNow } from './structureNow.js';

/**
 * `sections.delete`: the section leaves the plan for everyone. Its row, body, markers and threads
 * stay as evidence; once any party has taken a stance on it, a reason is required, and a locked
 * section must be reopened (a logged act) first. Open connections to it are closed.
 */
export const sectionsDelete = defineCommand({
  name: 'sections.delete',
  load: (ctx, actor, input) => loadAdminSection(ctx, actor, input.sectionId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan, section }, at }) {
    await openPlanNow(trx, plan.id);
    const row = await sectionNow(trx, section.id);
    if (row.locked === 1) throw new DomainError('section_locked');
    const markers = await trx
      .selectFrom('markers')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('section_id', '=', section.id)
      .executeTakeFirstOrThrow();
    const markerCount = Number(markers.n);
    const reason = input.reason ? input.reason : null;
    if (markerCount > 0 && !reason) throw new DomainError('delete_reason_required');
    await trx.updateTable('sections').set({ deleted_at: at }).where('id', '=', section.id).execute();
    const remaining = await orderedSections(trx, plan.id);
    await writeSectionOrder(
      trx,
      remaining,
      remaining.map((s) => s.id),
    );
    return {
      result: { ok: true },
      audit: {
        type: 'section.deleted',
        sectionId: section.id,
        payload: {
          title: row.title,
          reason,
          markers: markerCount,
          owners: section.owners,
          requiredParties: section.requiredParties,
        },
      },
    };
  },
  async after(ctx, { target: { section } }) {
    await ctx.accessChanges.publish({ kind: 'section', sectionId: section.id });
  },
});
