import { deriveSectionStatus, DomainError, lockRefusal } from '@fellesplan/domain';
import { latestMarkersBySection } from '../storage/repositories/markers.js';
import { setSectionLocked } from '../storage/repositories/plans.js';
import { lockedIn, readPlanSnapshot, storeVersion } from '../versions/versionStore.js';
import { declareCommand, defineCommand } from './pipeline.js';
import { governedSection, loadSectionTarget } from './sectionTarget.js';
import { currentSectionStatus } from './sectionStatus.js';

/**
 * `sections.lock` (L1): the sekretariat locks a section in consensus. Open connections are frozen
 * first, so the text is final; the transaction then takes the section's row and decides consensus
 * once more on that text and the markers as they are at commit, so no edit and no mark (from any
 * instance) slips in between: the lock holds exactly the revision every required party agreed to.
 */
export const sectionsLockDefinition = declareCommand({
  name: 'sections.lock',
  load: loadSectionTarget,
  authorize: (actor, target) => lockRefusal(actor, governedSection(target), target.plan),
  freezes: ({ section }) => section.id,
  async check(ctx, actor, { section, plan }) {
    const current = await currentSectionStatus(ctx, section);
    const refusal = lockRefusal(actor, governedSection({ section, current }), plan);
    if (refusal) throw new DomainError(refusal);
    return { revision: current.revision, snapshot: await readPlanSnapshot(ctx, plan.id) };
  },
  async change(trx, { ctx, actor, target: { section }, checked: { revision, snapshot }, at }) {
    if (!(await setSectionLocked(trx, section.id, true))) throw new DomainError('section_locked');
    // Connections are frozen, but the server itself may have changed the text since the check (a
    // restore, committed between it and this transaction), or another instance stored an edit
    // this one has not seen (its freeze could not reach it: Redis down, or too slow): with the
    // row taken no edit commits any more, and the lock holds only the text checked, as stored.
    if ((await ctx.content.revisionAtCommit(section.id, trx)) !== revision) throw new DomainError('stale_revision');
    const markers = (await latestMarkersBySection(trx, [section.id])).get(section.id) ?? [];
    const { requiredParties } = section;
    if (deriveSectionStatus({ locked: false, requiredParties, markers, revision }) !== 'consensus') {
      throw new DomainError('not_in_consensus');
    }
    // A lock makes a version of the plan as it is locked (the section's own text is final now).
    const versionId = await storeVersion(trx, lockedIn(snapshot, section.id), {
      name: section.title,
      kind: 'lock',
      sectionId: section.id,
      actor,
      at,
    });
    return {
      result: { ok: true, revision },
      audit: { type: 'section.locked', sectionId: section.id, payload: { revision, versionId } },
    };
  },
});

export const sectionsLock = defineCommand(sectionsLockDefinition);
