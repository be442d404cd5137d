import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, hearingManageRefusal } from '@fellesplan/domain';
import { visiblePlan } from '../access/visibleTo.js';
import { hearingIsOpen } from '../storage/repositories/hearings.js';
import { lockHearingNumbers } from '../storage/rowLocks.js';
import { readPlanSnapshot, storeVersion } from '../versions/versionStore.js';
import { checkDeadline, hearingUrl } from './hearingDeadline.js';
import { defineCommand } from './pipeline.js';

/**
 * `hearings.publish` [HR1][HR2]: the sekretariat sends the plan on hearing. The plan as it is now
 * is frozen into a `published` version in the same transaction, and the hearing shows that
 * version behind an unguessable public link; the plan itself keeps living. One open hearing per plan.
 */
export const hearingsPublish = defineCommand({
  name: 'hearings.publish',
  load: async (ctx, actor, input) => ({ plan: await visiblePlan(ctx.db, actor, input.planId) }),
  authorize: (actor, { plan }) => hearingManageRefusal(actor, plan),
  async check(ctx, _actor, { plan }, input) {
    checkDeadline(input.deadline, ctx.clock());
    return readPlanSnapshot(ctx, plan.id);
  },
  async change(trx, { actor, input, target: { plan }, checked: snapshot, at, request }) {
    const now = new Date(at);
    // Judged again behind the plan row, which the pipeline holds: two publishes never both open one.
    checkDeadline(input.deadline, now);
    const hearings = await trx
      .selectFrom('hearings')
      .select(['closed_at', 'deadline'])
      .where('plan_id', '=', plan.id)
      .execute();
    if (hearings.some((h) => hearingIsOpen(h, now))) throw new DomainError('hearing_already_open');
    if (!request.baseUrl) throw new Error('hearings.publish needs the base URL of its link');
    const versionId = await storeVersion(trx, snapshot, { name: input.title, kind: 'published', actor, at });
    await lockHearingNumbers(trx);
    const last = await trx
      .selectFrom('hearings')
      .select((eb) => eb.fn.max('number').as('number'))
      .executeTakeFirst();
    const number = Number(last?.number ?? 0) + 1;
    const id = randomUUID();
    const publicToken = randomBytes(32).toString('base64url');
    await trx
      .insertInto('hearings')
      .values({
        id,
        plan_id: plan.id,
        version_id: versionId,
        title: input.title,
        intro: input.intro,
        deadline: input.deadline,
        public_token: publicToken,
        publish_responses: input.publishResponses,
        closed_at: null,
        closed_by: null,
        number,
        created_by: actor.userId,
        created_party: actor.partyId,
        created_at: at,
      })
      .execute();
    return {
      result: { id, publicToken, url: hearingUrl(request.baseUrl, publicToken), versionId },
      audit: {
        type: 'hearing.published',
        sectionId: null,
        payload: {
          hearingId: id,
          title: input.title,
          deadline: input.deadline,
          versionId,
          publishResponses: input.publishResponses,
        },
      },
    };
  },
});
