import { adminRefusal, DomainError } from '@fellesplan/domain';
import { loadParty } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

/** `parties.reactivate`: its people (those not deactivated themselves) can sign in again. */
export const partiesReactivate = defineCommand({
  name: 'parties.reactivate',
  load: (ctx, actor, input) => loadParty(ctx, actor, input.partyId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { target: { party } }) {
    const updated = await trx
      .updateTable('parties')
      .set({ deactivated_at: null })
      .where('id', '=', party.id)
      .where('deactivated_at', 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('already_active');
    return {
      result: { ok: true },
      audit: { admin: 'party.reactivated', payload: { partyId: party.id, name: party.name } },
    };
  },
});
