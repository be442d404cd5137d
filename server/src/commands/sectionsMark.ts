import { randomUUID } from 'node:crypto';
import { DomainError, markRefusal } from '@fellesplan/domain';
import { stillUnlocked } from '../storage/repositories/plans.js';
import { defineCommand } from './pipeline.js';
import { governedSection, loadSectionTarget } from './sectionTarget.js';

/** `sections.mark`: the actor's party takes a stance on the section's current text (C1, C2). */
export const sectionsMark = defineCommand({
  name: 'sections.mark',
  load: loadSectionTarget,
  authorize: (actor, target) => markRefusal(actor, governedSection(target), target.plan),
  // [C2] Nobody agrees to text they have not read.
  check: async (_ctx, _actor, { current }, input) => {
    if (input.revision && input.revision !== current.revision) throw new DomainError('stale_revision');
  },
  async change(trx, { actor, input, target: { section, current }, at }) {
    // [L1] The lock again, inside the transaction and holding the section's row: a lock committed
    // meanwhile wins, and one not yet committed waits for this marker.
    if (!(await stillUnlocked(trx, section.id))) throw new DomainError('section_locked');
    const id = randomUUID();
    const note = input.note ? input.note : null;
    await trx
      .insertInto('markers')
      .values({
        id,
        section_id: section.id,
        party_id: actor.partyId,
        user_id: actor.userId,
        stance: input.stance,
        note,
        revision: current.revision,
        created_at: at,
      })
      .execute();
    return {
      result: { id, revision: current.revision },
      audit: {
        type: 'section.marked',
        sectionId: section.id,
        // markerId ties the event to its row, so verification can replay the log against the table.
        payload: { stance: input.stance, note, revision: current.revision, markerId: id },
      },
    };
  },
});
