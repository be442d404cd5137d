import { adminRefusal } from '@fellesplan/domain';
import { setSectionParties } from '../storage/repositories/sections.js';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, planParties, sectionNow, sectionPartiesNow } from './structureNow.js';

/**
 * `sections.setOwners`: who writes the section and, optionally, whose stance it needs. Open
 * connections are decided again at once: a party no longer owning it is read-only from its next
 * message. Markers of parties no longer required stay, shown, but do not count (C3).
 */
export const sectionsSetOwners = defineCommand({
  name: 'sections.setOwners',
  load: (ctx, actor, input) => loadAdminSection(ctx, actor, input.sectionId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan, section } }) {
    const { partyIds } = await openPlanNow(trx, plan.id);
    await sectionNow(trx, section.id);
    const owners = planParties(partyIds, input.owners);
    const requiredParties = input.requiredParties ? planParties(partyIds, input.requiredParties) : null;
    const previousOwners = await sectionPartiesNow(trx, 'section_owners', section.id);
    const previousRequired = await sectionPartiesNow(trx, 'section_required_parties', section.id);
    await setSectionParties(trx, 'section_owners', section.id, owners);
    if (requiredParties) await setSectionParties(trx, 'section_required_parties', section.id, requiredParties);
    return {
      result: { ok: true },
      audit: {
        type: 'section.owners_set',
        sectionId: section.id,
        payload: {
          owners,
          previousOwners,
          ...(requiredParties ? { requiredParties, previousRequiredParties: previousRequired } : {}),
        },
      },
    };
  },
  async after(ctx, { target: { section } }) {
    await ctx.accessChanges.publish({ kind: 'section', sectionId: section.id });
  },
});
