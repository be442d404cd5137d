import { DomainError, unlockRefusal } from '@fellesplan/domain';
import { setSectionLocked } from '../storage/repositories/plans.js';
import { defineCommand } from './pipeline.js';
import { loadSectionTarget } from './sectionTarget.js';

/** `sections.unlock` (L1): the sekretariat reopens a section, saying why; it returns to its derived status. */
export const sectionsUnlock = defineCommand({
  name: 'sections.unlock',
  load: loadSectionTarget,
  authorize: (actor, { section, plan }) => unlockRefusal(actor, section, plan),
  rescopes: ({ section }) => [section.id],
  async change(trx, { input, target: { section, current } }) {
    if (!(await setSectionLocked(trx, section.id, false))) throw new DomainError('not_locked');
    return {
      result: { ok: true },
      audit: {
        type: 'section.unlocked',
        sectionId: section.id,
        payload: { reason: input.reason, revision: current.revision },
      },
    };
  },
});
