import { DomainError, isSekretariat, sectionsLockInput, sectionsUnlockInput } from '@fellesplan/domain';
import { appendAuditEvent } from '../audit/appendEvent.js';
import { chargePlan } from './chargePlan.js';
import type { Command } from './index.js';
import { loadSectionForActor } from './loadSection.js';
import { currentSectionStatus } from './sectionStatus.js';

/**
 * `sections.lock` (L1): sekretariat only, only in consensus. Open connections are frozen first,
 * so no edit can slip in between checking the agreed revision and committing the lock.
 */
export const sectionsLock: Command = async (ctx, actor, raw) => {
  const input = sectionsLockInput.parse(raw);
  const { section, plan } = await loadSectionForActor(ctx, actor, input.sectionId);
  await chargePlan(ctx, plan.id);
  if (!isSekretariat(actor, plan)) throw new DomainError('sekretariat_only');
  if (section.locked) throw new DomainError('section_locked');
  const current = await currentSectionStatus(ctx, section);
  if (current.unreadable) throw new DomainError('section_unreadable');
  if (current.status !== 'consensus') throw new DomainError('not_in_consensus');

  await ctx.access.freezeSection(section.id);
  try {
    // With writes stopped, the text is final: check consensus once more on exactly this revision.
    const { revision, status } = await currentSectionStatus(ctx, section);
    if (status !== 'consensus') throw new DomainError('not_in_consensus');
    const at = new Date().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('sections')
        .set({ locked: 1 })
        .where('id', '=', section.id)
        .where('locked', '=', 0)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('section_locked');
      await appendAuditEvent(trx, {
        planId: plan.id,
        actor,
        type: 'section.locked',
        sectionId: section.id,
        payload: { revision },
        at,
      });
    });
    return { ok: true, revision };
  } finally {
    // Recomputed from the database: stays frozen if the lock committed, thaws if it did not.
    await ctx.access.refreshSection(section.id);
    await ctx.projection.refresh(plan.id);
  }
};

/** `sections.unlock` (L1): sekretariat only, with a reason; the section returns to its derived status. */
export const sectionsUnlock: Command = async (ctx, actor, raw) => {
  const input = sectionsUnlockInput.parse(raw);
  const { section, plan } = await loadSectionForActor(ctx, actor, input.sectionId);
  await chargePlan(ctx, plan.id);
  if (!isSekretariat(actor, plan)) throw new DomainError('sekretariat_only');
  if (!section.locked) throw new DomainError('not_locked');
  const at = new Date().toISOString();
  const revision = await ctx.content.revision(section.id);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sections')
      .set({ locked: 0 })
      .where('id', '=', section.id)
      .where('locked', '=', 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('not_locked');
    await appendAuditEvent(trx, {
      planId: plan.id,
      actor,
      type: 'section.unlocked',
      sectionId: section.id,
      payload: { reason: input.reason, revision },
      at,
    });
  });
  await ctx.access.refreshSection(section.id);
  await ctx.projection.refresh(plan.id);
  return { ok: true };
};
