import { DomainError } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import { lockPartnershipRow } from '../storage/rowLocks.js';
import type { Database } from '../storage/schema.js';

/**
 * Refuses (409 `last_admin`) a change that would leave the helsefellesskap without an active
 * administrator: `leaving` names the person or party that stops counting. Takes the
 * helsefellesskap's row first, so two such changes at once cannot each count on the other's admin.
 */
export async function assertAdminRemains(
  trx: Transaction<Database>,
  helsefellesskapId: string,
  leaving: { userId: string } | { partyId: string },
): Promise<void> {
  await lockPartnershipRow(trx, helsefellesskapId);
  const admins = await trx
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select(['users.id', 'users.party_id'])
    .where('parties.helsefellesskap_id', '=', helsefellesskapId)
    .where('parties.kind', '=', 'sekretariat')
    .where('parties.deactivated_at', 'is', null)
    .where('users.role', '=', 'admin')
    .where('users.deactivated_at', 'is', null)
    .execute();
  const remaining = admins.filter((admin) =>
    'userId' in leaving ? admin.id !== leaving.userId : admin.party_id !== leaving.partyId,
  );
  // A helsefellesskap that somehow has none already is not held hostage by unrelated changes.
  if (admins.length > 0 && remaining.length === 0) throw new DomainError('last_admin');
}
