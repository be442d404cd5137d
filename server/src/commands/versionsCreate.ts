import { isSekretariat } from '@fellesplan/domain';
import { visiblePlan } from '../access/visibleTo.js';
import { readPlanSnapshot, storeVersion } from '../versions/versionStore.js';
import { defineCommand } from './pipeline.js';

/**
 * `versions.create {planId, name}`: the sekretariat names the plan as it is now
 * («Versjon til styremøtet 12.03.2027»). The version is immutable from then on.
 */
export const versionsCreate = defineCommand({
  name: 'versions.create',
  load: async (ctx, actor, input) => ({ plan: await visiblePlan(ctx.db, actor, input.planId) }),
  authorize: (actor, { plan }) => (isSekretariat(actor, plan) ? null : 'versions_sekretariat_only'),
  check: (ctx, _actor, { plan }) => readPlanSnapshot(ctx, plan.id),
  async change(trx, { actor, input, checked: snapshot, at }) {
    const id = await storeVersion(trx, snapshot, { name: input.name, kind: 'named', actor, at });
    return {
      result: { id },
      audit: { type: 'version.created', sectionId: null, payload: { versionId: id, name: input.name, kind: 'named' } },
    };
  },
});
