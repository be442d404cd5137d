import { deriveSectionStatus, DomainError, lockRefusal } from '@fellesplan/domain';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import { setSectionLocked } from '../storage/repositories/plans.js';
import { defineCommand } from './pipeline.js';
import { governedSection, loadSectionTarget } from './sectionTarget.js';
import { currentSectionStatus } from './sectionStatus.js';

/**
 * `sections.lock` (L1): the sekretariat locks a section in consensus. Open connections are frozen
 * first, so the text is final; the transaction then takes the section's row and decides consensus
 * once more on that text and the markers as they are at commit, so no edit and no mark (from any
 * instance) slips in between: the lock holds exactly the revision every required party agreed to.
 */
export const sectionsLock = defineCommand({
  name: 'sections.lock',
  load: loadSectionTarget,
  authorize: (actor, target) => lockRefusal(actor, governedSection(target), target.plan),
  freezes: ({ section }) => section.id,
  async check(ctx, actor, { section, plan }) {
    const current = await currentSectionStatus(ctx, section);
    const refusal = lockRefusal(actor, governedSection({ section, current }), plan);
    if (refusal) throw new DomainError(refusal);
    return current.revision;
  },
  async change(trx, { target: { section }, checked: revision }) {
    if (!(await setSectionLocked(trx, section.id, true))) throw new DomainError('section_locked');
    const markers = (await latestMarkersBySection(trx, [section.id])).get(section.id) ?? [];
    const { requiredParties } = section;
    if (deriveSectionStatus({ locked: false, requiredParties, markers, revision }) !== 'consensus') {
      throw new DomainError('not_in_consensus');
    }
    return {
      result: { ok: true, revision },
      audit: { type: 'section.locked', sectionId: section.id, payload: { revision } },
    };
  },
});
