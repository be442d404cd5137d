import { DomainError, sectionEditRefusal, type Actor, type ErrorCode } from '@fellesplan/domain';
import { applyProposedWording, type TiptapJSON } from '@fellesplan/editor';
import type { LiveBody } from '../content/sectionContent.js';
import { findSection, stillUnlocked, type PlanRecord, type SectionRecord } from '../storage/repositories/plans.js';
import { loadRemarkTarget, type RemarkTarget } from './hearingTarget.js';
import { defineCommand } from './pipeline.js';

const openBodies = new WeakMap<object, LiveBody>();

const EDIT_REFUSALS = { not_member: 'not_found', locked: 'section_locked', not_owner: 'not_owner' } as const;

function applyRefusal(actor: Actor, section: SectionRecord | null, plan: PlanRecord): ErrorCode | null {
  if (!section) return 'not_found';
  const refusal = sectionEditRefusal(actor, section, plan);
  return refusal ? EDIT_REFUSALS[refusal] : null;
}

type Target = RemarkTarget & { section: SectionRecord };

/**
 * `remarks.applyProposal {remarkId}` [HR7]: an owner puts a remark's proposed wording into the live
 * section in one step. The quoted passage is replaced where it occurs exactly once (409
 * `quote_not_found` otherwise, and the owner edits by hand); without a quote the wording is added
 * at the end. It is an ordinary edit by the owner, as `sections.restore` makes one: history, stale
 * markers and a new revision follow, and the remark records which revision took it in.
 */
export const remarksApplyProposal = defineCommand({
  name: 'remarks.applyProposal',
  async load(ctx, actor, input): Promise<Target> {
    const target = await loadRemarkTarget(ctx, actor, input);
    // A remark on a section since deleted has no live text to go into.
    if (!target.remarkSection) throw new DomainError('not_found');
    return { ...target, section: target.remarkSection };
  },
  authorize: (actor, { section, plan }) => applyRefusal(actor, section, plan),
  freezes: ({ section }) => section.id,
  async check(ctx, _actor, target) {
    const { remark, section } = target;
    if (remark.applied_at !== null) throw new DomainError('already_applied');
    if (!remark.proposed_text?.trim()) throw new DomainError('no_proposal');
    const current = await ctx.content.view(section.id);
    const applied = applyProposedWording(current.json as TiptapJSON, remark.quote, remark.proposed_text);
    if (!applied.ok) throw new DomainError('quote_not_found');
    let body = openBodies.get(target);
    if (!body) openBodies.set(target, (body = await ctx.content.open(section.id)));
    return { body, json: applied.json, from: current.revision };
  },
  release: async ({ body }) => body.close(),
  async change(trx, { ctx, actor, target, checked, at }) {
    const { section, remark } = target;
    if (!(await stillUnlocked(trx, section.id))) throw new DomainError('section_locked');
    const refusal = applyRefusal(actor, await findSection(trx, section.id), target.plan);
    if (refusal) throw new DomainError(refusal);
    // Writers are frozen, but the server may have changed the text since the check (a restore).
    // As stored: another instance may hold edits this one has not seen (see sections.lock).
    if ((await ctx.content.revisionAtCommit(section.id, trx)) !== checked.from) throw new DomainError('stale_revision');
    // Claimed under a condition: of two applications at once, one wins.
    const claimed = await trx
      .updateTable('hearing_remarks')
      .set({ applied_at: at, applied_by: actor.userId })
      .where('id', '=', remark.id)
      .where('applied_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('already_applied');
    const revision = await checked.body.replaceStored(checked.json, actor, trx);
    await trx.updateTable('hearing_remarks').set({ applied_revision: revision }).where('id', '=', remark.id).execute();
    return {
      result: { ok: true, revision },
      audit: {
        type: 'remark.applied',
        sectionId: section.id,
        payload: {
          remarkId: remark.id,
          hearingId: remark.hearing_id,
          quote: remark.quote,
          proposedText: remark.proposed_text,
          fromRevision: checked.from,
          revision,
        },
      },
    };
  },
});
