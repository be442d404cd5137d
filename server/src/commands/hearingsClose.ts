import { DomainError, hearingManageRefusal } from '@fellesplan/domain';
import { committedHearing, loadHearingTarget } from './hearingTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `hearings.close {hearingId, reason?}` [HR3]: the sekretariat closes the hearing now. Responses are
 * refused from then on and the deadline can no longer be extended. A hearing whose deadline has
 * passed may still be closed, so it is not reopened by mistake.
 */
export const hearingsClose = defineCommand({
  name: 'hearings.close',
  load: loadHearingTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { actor, input, target, at }) {
    const hearing = await committedHearing(trx, target.hearing.id);
    if (hearing.closed_at !== null) throw new DomainError('hearing_already_closed');
    await trx
      .updateTable('hearings')
      .set({ closed_at: at, closed_by: actor.userId })
      .where('id', '=', hearing.id)
      .execute();
    return {
      result: { ok: true },
      audit: {
        type: 'hearing.closed',
        sectionId: null,
        payload: {
          hearingId: hearing.id,
          title: hearing.title,
          reason: input.reason ?? null,
          deadline: hearing.deadline,
        },
      },
    };
  },
});
