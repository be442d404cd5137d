import { DomainError, uniqueIds, type PartyKind } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * [PS1] The parties a plan may take in: each once, in the order given, all of the actor's own
 * helsefellesskap (404 otherwise, as for anything another helsefellesskap has) and active (409
 * `party_inactive`), except those in `mayBeInactive` (already in the plan).
 */
export async function activePartnershipParties(
  trx: Transaction<Database>,
  helsefellesskapId: string,
  ids: readonly string[],
  mayBeInactive: readonly string[] = [],
): Promise<{ id: string; name: string; kind: PartyKind }[]> {
  const unique = uniqueIds(ids);
  const rows = await trx
    .selectFrom('parties')
    .select(['id', 'name', 'kind', 'deactivated_at'])
    .where('id', 'in', unique)
    .where('helsefellesskap_id', '=', helsefellesskapId)
    .execute();
  return unique.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new DomainError('not_found');
    if (row.deactivated_at !== null && !mayBeInactive.includes(id)) throw new DomainError('party_inactive');
    return { id: row.id, name: row.name, kind: row.kind as PartyKind };
  });
}
