import { DomainError, uniqueIds, type PartyKind } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { Database, SectionRow } from '../storage/schema.js';

// A structural command decides on what its loader read; these read it again inside the
// transaction, which holds the plan row (runCommand), so a command that committed in between (an
// archive, a removed party, a deleted section) is seen and not undone.

/** The plan's parties as they are now; 409 `plan_archived` if it was archived meanwhile. */
export async function openPlanNow(
  trx: Transaction<Database>,
  planId: string,
): Promise<{ partyIds: string[]; parties: { id: string; kind: PartyKind }[] }> {
  const plan = await trx.selectFrom('plans').select('archived_at').where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new DomainError('not_found');
  if (plan.archived_at !== null) throw new DomainError('plan_archived');
  const parties = await trx
    .selectFrom('plan_parties')
    .innerJoin('parties', 'parties.id', 'plan_parties.party_id')
    .select(['parties.id', 'parties.kind'])
    .where('plan_parties.plan_id', '=', planId)
    .orderBy('parties.created_at')
    .execute();
  return {
    partyIds: parties.map((p) => p.id),
    parties: parties.map((p) => ({ id: p.id, kind: p.kind as PartyKind })),
  };
}

/** One party list of a section as it is now. */
export async function sectionPartiesNow(
  trx: Transaction<Database>,
  table: 'section_owners' | 'section_required_parties',
  sectionId: string,
): Promise<string[]> {
  const rows = await trx.selectFrom(table).select('party_id').where('section_id', '=', sectionId).execute();
  return rows.map((r) => r.party_id);
}

/** The section's row if it is still part of the plan; 404 once deleted. */
export async function sectionNow(trx: Transaction<Database>, sectionId: string): Promise<SectionRow> {
  const row = await trx
    .selectFrom('sections')
    .selectAll()
    .where('id', '=', sectionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found');
  return row;
}

/** [PS1] Owners and required parties are parties of the plan: each once, or 409 `not_plan_party`. */
export function planParties(planPartyIds: readonly string[], ids: readonly string[]): string[] {
  const unique = uniqueIds(ids);
  if (unique.some((id) => !planPartyIds.includes(id))) throw new DomainError('not_plan_party');
  return unique;
}
