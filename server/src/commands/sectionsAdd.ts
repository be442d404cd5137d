import { randomUUID } from 'node:crypto';
import { adminRefusal, canonicalTags, defaultRequiredParties, DomainError, placeSection } from '@fellesplan/domain';
import { insertSection, orderedSections, writeSectionOrder } from '../storage/repositories/sections.js';
import { loadAdminPlan } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, planParties } from './structureNow.js';

/** `sections.add`: a new, empty section after another one (first for null, last when left out), with its owners and required parties. */
export const sectionsAdd = defineCommand({
  name: 'sections.add',
  load: (ctx, actor, input) => loadAdminPlan(ctx, actor, input.planId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan }, at }) {
    const { partyIds, parties } = await openPlanNow(trx, plan.id);
    const owners = planParties(partyIds, input.owners);
    const requiredParties = planParties(partyIds, input.requiredParties ?? defaultRequiredParties(parties));
    const tags = canonicalTags(input.tags ?? []);
    const id = randomUUID();
    const current = await orderedSections(trx, plan.id);
    // As for sections.move, null puts it first; left out, it goes last.
    const order = placeSection(
      current.map((s) => s.id),
      id,
      input.afterSectionId,
    );
    if (!order) throw new DomainError('not_in_plan');
    const position = order.indexOf(id);
    await insertSection(trx, { id, planId: plan.id, position, title: input.title, owners, requiredParties, tags, at });
    await writeSectionOrder(trx, [...current, { id, position }], order);
    return {
      result: { id },
      audit: {
        type: 'section.added',
        sectionId: id,
        payload: {
          title: input.title,
          position,
          afterSectionId: input.afterSectionId ?? null,
          owners,
          requiredParties,
          tags,
        },
      },
    };
  },
});
