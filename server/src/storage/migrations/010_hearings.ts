import type { Kysely } from 'kysely';

/**
 * Hearings (høring) and adoption (forankring).
 * - `hearings`: a round on a frozen published version; `public_token` is the unguessable link
 *   (members read it back to share it, so it is kept, not hashed); `deadline` is an ISO instant.
 * - `hearing_extensions`: every deadline change with its reason, for the public page and the log.
 * - `hearing_responses` / `hearing_remarks`: what outsiders and members sent. The original text is
 *   never changed; a redaction writes `public_*` columns and a withheld response is not listed.
 * - `adoption_rounds` / `adoptions`: a final version sent to the parties and each party's decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hearings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('public_token', 'text', (c) => c.notNull().unique())
    .addColumn('publish_responses', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('next_response_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_party', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hearings_plan_idx').on('hearings').columns(['plan_id', 'created_at']).execute();
  await db.schema
    .createTable('hearing_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hearing_id', 'text', (c) => c.notNull())
    .addColumn('from_deadline', 'text', (c) => c.notNull())
    .addColumn('to_deadline', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hearing_extensions_idx')
    .on('hearing_extensions')
    .columns(['hearing_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('hearing_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hearing_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('statement', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('visibility_reason', 'text')
    .addColumn('public_statement', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hearing_responses_idx')
    .on('hearing_responses')
    .columns(['hearing_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('hearing_remarks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('hearing_id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('public_text', 'text')
    .addColumn('public_proposed_text', 'text')
    .addColumn('assessment', 'text')
    .addColumn('justification', 'text')
    .addColumn('assessed_by', 'text')
    .addColumn('assessed_party', 'text')
    .addColumn('assessed_at', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('applied_by', 'text')
    .addColumn('applied_revision', 'text')
    .execute();
  await db.schema
    .createIndex('hearing_remarks_response_idx')
    .on('hearing_remarks')
    .columns(['response_id', 'position'])
    .execute();
  await db.schema
    .createIndex('hearing_remarks_section_idx')
    .on('hearing_remarks')
    .columns(['hearing_id', 'section_id'])
    .execute();
  await db.schema
    .createTable('adoption_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('adoption_rounds_plan_idx')
    .on('adoption_rounds')
    .columns(['plan_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('adoptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('adoptions_round_party_uq', ['round_id', 'party_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'adoptions',
    'adoption_rounds',
    'hearing_remarks',
    'hearing_responses',
    'hearing_extensions',
    'hearings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
