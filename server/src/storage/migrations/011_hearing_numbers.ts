import type { Kysely } from 'kysely';

/**
 * - `hearings.number`: the installation's running number of the hearing, the «H7» of a
 *   response's reference «H7-014» (references are unique across hearings).
 * - `hearing_responses.receipt_hash`: SHA-256 of the secret in the respondent's receipt link; the
 *   secret itself is only in the link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hearings').addColumn('number', 'integer').execute();
  await db.schema.createIndex('hearings_number_uq').on('hearings').column('number').unique().execute();
  await db.schema.alterTable('hearing_responses').addColumn('receipt_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hearings_number_uq').ifExists().execute();
  await db.schema.alterTable('hearing_responses').dropColumn('receipt_hash').execute();
  await db.schema.alterTable('hearings').dropColumn('number').execute();
}
