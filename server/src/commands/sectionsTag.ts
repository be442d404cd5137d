import { adminRefusal, canonicalTags } from '@fellesplan/domain';
import { loadAdminSection } from './adminTarget.js';
import { defineCommand } from './pipeline.js';
import { openPlanNow, sectionNow } from './structureNow.js';

/** `sections.tag`: the priority patient groups a section concerns (BRIEF), replacing the earlier ones. */
export const sectionsTag = defineCommand({
  name: 'sections.tag',
  load: (ctx, actor, input) => loadAdminSection(ctx, actor, input.sectionId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { plan, section } }) {
    await openPlanNow(trx, plan.id);
    await sectionNow(trx, section.id);
    const tags = canonicalTags(input.tags);
    await trx
      .updateTable('sections')
      .set({ tags: JSON.stringify(tags) })
      .where('id', '=', section.id)
      .execute();
    return {
      result: { ok: true },
      audit: { type: 'section.tagged', sectionId: section.id, payload: { tags, previous: section.tags } },
    };
  },
});
