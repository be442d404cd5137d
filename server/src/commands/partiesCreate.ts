import { randomUUID } from 'node:crypto';
import { adminRefusal } from '@fellesplan/domain';
import { loadPartnership } from './adminTarget.js';
import { defineCommand } from './pipeline.js';

/** `parties.create`: an administrator adds a party (a kommune or a helseregion, the HF, fastlegene …). */
export const partiesCreate = defineCommand({
  name: 'parties.create',
  load: loadPartnership,
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { actor, input, at }) {
    const id = randomUUID();
    const orgNumber = input.orgNumber ?? null;
    const description = input.description || null;
    await trx
      .insertInto('parties')
      .values({
        id,
        helsefellesskap_id: actor.helsefellesskapId,
        name: input.name,
        kind: input.kind,
        org_number: orgNumber,
        description,
        created_at: at,
      })
      .execute();
    return {
      result: { id },
      audit: {
        admin: 'party.created',
        payload: { partyId: id, name: input.name, kind: input.kind, orgNumber, description },
      },
    };
  },
});
