import { adminRefusal } from '@fellesplan/domain';
import { loadParty } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';
import { refreshPartyPlans } from './refreshPartyPlans.js';

/** `parties.update`: rename a party, or set or clear (null) its organisation number and description. */
export const partiesUpdate = defineCommand({
  name: 'parties.update',
  load: (ctx, actor, input) => loadParty(ctx, actor, input.partyId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { input, target: { party } }) {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.orgNumber !== undefined ? { org_number: input.orgNumber } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('parties').set(changes).where('id', '=', party.id).execute();
    }
    return {
      result: { ok: true },
      audit: {
        admin: 'party.updated',
        payload: {
          partyId: party.id,
          before: { name: party.name, orgNumber: party.org_number, description: party.description },
          changes: {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.orgNumber !== undefined ? { orgNumber: input.orgNumber } : {}),
            ...(input.description !== undefined ? { description: input.description || null } : {}),
          },
        },
      },
    };
  },
  // Plans show party names.
  after: async (ctx, { target: { party } }) => refreshPartyPlans(ctx, [party.id]),
});
