import { randomUUID } from 'node:crypto';
import { adoptionSendRefusal, DomainError } from '@fellesplan/domain';
import { loadAdoptionTarget } from './adoptionTarget.js';
import { defineCommand } from './pipeline.js';

/**
 * `adoptions.send {planId, versionId, note?}`: the sekretariat sends a final version to the
 * parties for adoption (forankring); each version makes one round.
 */
export const adoptionsSend = defineCommand({
  name: 'adoptions.send',
  load: (ctx, actor, input) => loadAdoptionTarget(ctx.db, actor, input),
  authorize: (actor, { plan }) => adoptionSendRefusal(actor, plan),
  async change(trx, { actor, input, target, at }) {
    // Read behind the plan row (ST3): of two sends of one version, the second sees the first.
    const existing = await trx
      .selectFrom('adoption_rounds')
      .select('id')
      .where('plan_id', '=', target.plan.id)
      .where('version_id', '=', target.versionId)
      .executeTakeFirst();
    if (existing) throw new DomainError('adoption_already_sent');
    const version = await trx
      .selectFrom('versions')
      .select('name')
      .where('id', '=', target.versionId)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    const note = input.note?.trim() ? input.note.trim() : null;
    await trx
      .insertInto('adoption_rounds')
      .values({
        id,
        plan_id: target.plan.id,
        version_id: target.versionId,
        note,
        created_by: actor.userId,
        created_at: at,
      })
      .execute();
    return {
      result: { id },
      audit: {
        type: 'adoption.sent',
        sectionId: null,
        payload: { roundId: id, versionId: target.versionId, versionName: version.name, note },
      },
    };
  },
});
