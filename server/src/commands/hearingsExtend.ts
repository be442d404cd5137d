import { randomUUID } from 'node:crypto';
import { DomainError, hearingManageRefusal } from '@fellesplan/domain';
import { hearingIsOpen } from '../storage/repositories/hearings.js';
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
    // [HR1] Reopening a lapsed hearing while the plan has opened another would make two open at
    // once; behind the plan row the pipeline holds, as hearings.publish judges it.
    if (!hearingIsOpen(hearing, new Date(at))) {
      const others = await trx
        .selectFrom('hearings')
        .select(['closed_at', 'deadline'])
        .where('plan_id', '=', hearing.plan_id)
        .where('id', '!=', hearing.id)
        .execute();
      if (others.some((h) => hearingIsOpen(h, new Date(at)))) throw new DomainError('hearing_already_open');
    }
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
