import { randomUUID } from 'node:crypto';
import { DomainError, markRefusal } from '@fellesplan/domain';
import { stillUnlocked } from '../storage/repositories/plans.js';
import { storeSectionText } from '../versions/sectionTexts.js';
import { defineCommand } from './pipeline.js';
import { governedSection, loadSectionTarget } from './sectionTarget.js';

/** `sections.mark`: the actor's party takes a stance on the section's current text (C1, C2). */
export const sectionsMark = defineCommand({
  name: 'sections.mark',
  load: loadSectionTarget,
  authorize: (actor, target) => markRefusal(actor, governedSection(target), target.plan),
  // [C2] Nobody agrees to text they have not read.
  check: async (ctx, _actor, { section, current }, input) => {
    if (input.revision && input.revision !== current.revision) throw new DomainError('stale_revision');
    // The text agreed to is kept, so "what changed since we agreed" can be shown later.
    return ctx.content.view(section.id);
  },
  async change(trx, { actor, input, target: { section, current }, checked: agreedText, at }) {
    // [L1] The lock again, inside the transaction and holding the section's row: a lock committed
    // meanwhile wins, and one not yet committed waits for this marker.
    if (!(await stillUnlocked(trx, section.id))) throw new DomainError('section_locked');
    // Read after the marker's revision was; if the text moved in between, that body is not the
    // one the marker names (the marker is then stale at once, and keeps no text).
    if (agreedText.revision === current.revision) await storeSectionText(trx, section.id, agreedText, at);
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
