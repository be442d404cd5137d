import { hearingManageRefusal } from '@fellesplan/domain';
import { committedHearing, loadHearingTarget } from './hearingTarget.js';
import { defineCommand } from './pipeline.js';

/** `hearings.setPublication {hearingId, publishResponses}` [HR5]: list responses at once, or after the deadline. */
export const hearingsSetPublication = defineCommand({
  name: 'hearings.setPublication',
  load: loadHearingTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { input, target }) {
    const hearing = await committedHearing(trx, target.hearing.id);
    await trx
      .updateTable('hearings')
      .set({ publish_responses: input.publishResponses })
      .where('id', '=', hearing.id)
      .execute();
    return {
      result: { ok: true },
      audit: {
        type: 'hearing.publication_set',
        sectionId: null,
        payload: { hearingId: hearing.id, from: hearing.publish_responses, to: input.publishResponses },
      },
    };
  },
});
