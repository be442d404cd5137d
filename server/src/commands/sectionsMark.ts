import { randomUUID } from 'node:crypto';
import { DomainError, markRefusal, sectionsMarkInput } from '@fellesplan/domain';
import { appendAuditEvent } from '../audit/appendEvent.js';
import { chargePlan } from './chargePlan.js';
import type { Command } from './index.js';
import { loadSectionForActor } from './loadSection.js';
import { currentSectionStatus } from './sectionStatus.js';

/** `sections.mark`: the actor's party takes a stance on the section's current text (C1, C2). */
export const sectionsMark: Command = async (ctx, actor, raw) => {
  const input = sectionsMarkInput.parse(raw);
  const { section, plan } = await loadSectionForActor(ctx, actor, input.sectionId);
  await chargePlan(ctx, plan.id);
  const refusal = markRefusal(actor, section, plan);
  if (refusal === 'not_required') throw new DomainError('not_required_party');
  if (refusal === 'locked') throw new DomainError('section_locked');
  if (refusal) throw new DomainError('not_found');

  const { revision, unreadable } = await currentSectionStatus(ctx, section);
  // [R2] A body nobody can read is not something to take a stance on.
  if (unreadable) throw new DomainError('section_unreadable');
  // [C2] Nobody agrees to text they have not read.
  if (input.revision && input.revision !== revision) throw new DomainError('stale_revision');

  const id = randomUUID();
  const at = new Date().toISOString();
  const note = input.note ? input.note : null;
  await ctx.db.transaction().execute(async (trx) => {
    // Re-read the lock inside the transaction: a lock committed meanwhile wins.
    const locked = await trx.selectFrom('sections').select('locked').where('id', '=', section.id).executeTakeFirst();
    if (locked?.locked === 1) throw new DomainError('section_locked');
    await trx
      .insertInto('markers')
      .values({
        id,
        section_id: section.id,
        party_id: actor.partyId,
        user_id: actor.userId,
        stance: input.stance,
        note,
        revision,
        created_at: at,
      })
      .execute();
    await appendAuditEvent(trx, {
      planId: plan.id,
      actor,
      type: 'section.marked',
      sectionId: section.id,
      // markerId ties the event to its row, so verification can replay the log against the table.
      payload: { stance: input.stance, note, revision, markerId: id },
      at,
    });
  });
  await ctx.projection.refresh(plan.id);
  return { id, revision };
};
