import { DomainError, sectionEditRefusal, type Actor, type ErrorCode } from '@fellesplan/domain';
import type { TiptapJSON } from '@fellesplan/editor';
import type { LiveBody } from '../content/sectionContent.js';
import { findSection, stillUnlocked, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';
import { loadVersionView } from '../versions/versionStore.js';
import { declareCommand, defineCommand } from './pipeline.js';
import { loadSectionTarget } from './sectionTarget.js';

const openBodies = new WeakMap<object, LiveBody>();

const EDIT_REFUSALS = { not_member: 'not_found', locked: 'section_locked', not_owner: 'not_owner' } as const;

function restoreRefusal(actor: Actor, section: SectionRecord, plan: PlanRecord): ErrorCode | null {
  const refusal = sectionEditRefusal(actor, section, plan);
  return refusal ? EDIT_REFUSALS[refusal] : null;
}

/**
 * `sections.restore {sectionId, versionId}`: an owner makes a version's text of the section its
 * text again, as a new edit (the history shows it as theirs, markers on the current text go stale
 * as after any edit), never while the section is locked, and logged.
 */
export const sectionsRestoreDefinition = declareCommand({
  name: 'sections.restore',
  load: loadSectionTarget,
  authorize: (actor, { section, plan }) => restoreRefusal(actor, section, plan),
  // Writers stop while the text is replaced, so the restore is one edit after all of theirs.
  freezes: ({ section }) => section.id,
  async check(ctx, _actor, { section, plan }, input) {
    const version = await loadVersionView(ctx.db, input.versionId);
    // Another plan's version is as unknown as a missing one.
    // (`version.id` is the plan's id: a version shows the plan as it was.)
    if (!version || version.id !== plan.id) throw new DomainError('version_not_found');
    const kept = version.sections.find((s) => s.id === section.id);
    if (!kept || kept.contentError) throw new DomainError('section_not_in_version');
    const current = await ctx.content.revision(section.id);
    if (current === kept.revision) throw new DomainError('already_restored');
    // Opened once (check runs again after the freeze) and closed by `release`.
    let body = openBodies.get(section);
    if (!body) openBodies.set(section, (body = await ctx.content.open(section.id)));
    return { body, json: kept.json as TiptapJSON, from: current, versionName: version.version.name };
  },
  release: async ({ body }) => body.close(),
  async change(trx, { actor, input, target, checked }) {
    const { section } = target;
    // [L1] A lock committed since the check wins; one not yet committed waits for this restore.
    if (!(await stillUnlocked(trx, section.id))) throw new DomainError('section_locked');
    // Owners changed while writers were being stopped: decided again on the section as committed.
    const now = await findSection(trx, section.id);
    const refusal = now ? restoreRefusal(actor, now, target.plan) : 'not_found';
    if (refusal) throw new DomainError(refusal);
    // Applied to the live document and stored inside the transaction: the plan's commands take
    // turns, so a lock deciding on this section's text (on any instance) runs wholly before or
    // wholly after this edit.
    const revision = await checked.body.replaceStored(checked.json, actor, trx);
    return {
      result: { ok: true, revision },
      audit: {
        type: 'section.restored',
        sectionId: section.id,
        payload: {
          versionId: input.versionId,
          versionName: checked.versionName,
          fromRevision: checked.from,
          revision,
        },
      },
    };
  },
});

export const sectionsRestore = defineCommand(sectionsRestoreDefinition);
