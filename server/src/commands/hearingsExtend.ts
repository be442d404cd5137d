import { randomUUID } from 'node:crypto';
import { DomainError, hearingManageRefusal } from '@fellesplan/domain';
import { checkDeadline } from './hearingDeadline.js';
import { committedHearing, loadHearingTarget } from './hearingTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `hearings.extend {hearingId, deadline, reason}` [HR3]: a later deadline, with why. Also after the
 * deadline passed, which opens the hearing again; never after the sekretariat closed it early.
 */
export const hearingsExtend = defineCommand({
  name: 'hearings.extend',
  load: loadHearingTarget,
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async change(trx, { actor, input, target, at }) {
    const hearing = await committedHearing(trx, target.hearing.id);
    if (hearing.closed_at !== null) throw new DomainError('hearing_already_closed');
    if (Date.parse(input.deadline) <= Date.parse(hearing.deadline)) throw new DomainError('deadline_not_later');
    checkDeadline(input.deadline, new Date(at));
    await trx.updateTable('hearings').set({ deadline: input.deadline }).where('id', '=', hearing.id).execute();
    await trx
      .insertInto('hearing_extensions')
      .values({
        id: randomUUID(),
        hearing_id: hearing.id,
        from_deadline: hearing.deadline,
        to_deadline: input.deadline,
        reason: input.reason,
        created_by: actor.userId,
        created_at: at,
      })
      .execute();
    return {
      result: { ok: true },
      audit: {
        type: 'hearing.extended',
        sectionId: null,
        payload: { hearingId: hearing.id, from: hearing.deadline, to: input.deadline, reason: input.reason },
      },
    };
  },
});
