import { adminRefusal } from '@fellesplan/domain';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, sectionNow } from './structureNow.js';

/** `sections.rename`: a new title; the body, its revision and the markers stay as they are. */
export const sectionsRename = defineCommand({
  name: 'sections.rename',
  load: (ctx, actor, input) => loadAdminSection(ctx, actor, input.sectionId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan, section } }) {
    await openPlanNow(trx, plan.id);
    const row = await sectionNow(trx, section.id);
    await trx.updateTable('sections').set({ title: input.title }).where('id', '=', section.id).execute();
    return {
      result: { ok: true },
      audit: { type: 'section.renamed', sectionId: section.id, payload: { from: row.title, to: input.title } },
    };
  },
});
