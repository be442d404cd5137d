import { adminRefusal, DomainError, placeSection } from '@fellesplan/domain';
import { orderedSections, writeSectionOrder } from '../storage/repositories/sections.js';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, sectionNow } from './structureNow.js';

/** `sections.move`: puts a section right after another one of its plan, or first (null); positions are renumbered. */
export const sectionsMove = defineCommand({
  name: 'sections.move',
  load: (ctx, actor, input) => loadAdminSection(ctx, actor, input.sectionId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan, section } }) {
    await openPlanNow(trx, plan.id);
    await sectionNow(trx, section.id);
    const current = await orderedSections(trx, plan.id);
    const ids = current.map((s) => s.id);
    const order = placeSection(ids, section.id, input.afterSectionId);
    if (!order) throw new DomainError('not_in_plan');
    await writeSectionOrder(trx, current, order);
    return {
      result: { ok: true },
      audit: {
        type: 'section.moved',
        sectionId: section.id,
        payload: {
          from: ids.indexOf(section.id),
          to: order.indexOf(section.id),
          afterSectionId: input.afterSectionId,
        },
      },
    };
  },
});
