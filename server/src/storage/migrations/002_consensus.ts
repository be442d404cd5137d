import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);

  // Append-only: the latest marker per (section, party) counts; older rows are history.
  await db.schema
    .createTable('markers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('markers_section_idx')
    .on('markers')
    .columns(['section_id', 'party_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_party_id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_events_plan_seq', ['plan_id', 'seq'])
    .execute();

  // The chain head lives on the plan row: updating it takes the row lock that serialises
  // appends per plan on PostgreSQL as well as on SQLite.
  await db.schema
    .alterTable('plans')
    .addColumn('audit_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('plans')
    .addColumn('audit_head', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').ifExists().execute();
  await db.schema.dropTable('markers').ifExists().execute();
  await db.schema.alterTable('plans').dropColumn('audit_head').execute();
  await db.schema.alterTable('plans').dropColumn('audit_seq').execute();
}
