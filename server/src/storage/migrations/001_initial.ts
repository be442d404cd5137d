import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations see the schema as it was when they were written, not the current `Database`.
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('helsefellesskap')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('helsefellesskap_id', 'text', (c) => c.notNull().references('helsefellesskap.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('helsefellesskap_id', 'text', (c) => c.notNull().references('helsefellesskap.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('forum', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_parties')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addPrimaryKeyConstraint('plan_parties_pk', ['plan_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_plan_idx').on('sections').columns(['plan_id', 'position']).execute();

  for (const table of ['section_owners', 'section_required_parties']) {
    await db.schema
      .createTable(table)
      .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
      .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['section_id', 'party_id'])
      .execute();
  }

  await db.schema
    .createTable('document_updates')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_updates_name_idx')
    .on('document_updates')
    .columns(['document_name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'document_updates',
    'section_required_parties',
    'section_owners',
    'sections',
    'plan_parties',
    'plans',
    'sessions',
    'users',
    'parties',
    'helsefellesskap',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
