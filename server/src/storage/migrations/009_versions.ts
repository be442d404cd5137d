import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Versions and the texts they and markers point to.
 * - `section_texts`: section bodies by content revision. A revision is a hash of the body, so a
 *   row never changes and is written at most once; a marker's text is found by its revision.
 * - `versions`: immutable snapshots of a whole plan; the snapshot names each section's revision,
 *   whose body is in `section_texts`.
 * - `section_edits`: every accepted update of a section body with who made it, never compacted
 *   across people, so the history can show who wrote what when and the text after any session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('section_texts')
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('section_texts_pk', ['section_id', 'revision'])
    .execute();
  await db.schema
    .createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_party', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('versions_plan_idx').on('versions').columns(['plan_id', 'created_at']).execute();
  await db.schema
    .createTable('section_edits')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('party_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edits', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('section_edits_section_idx').on('section_edits').columns(['section_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['section_edits', 'versions', 'section_texts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
