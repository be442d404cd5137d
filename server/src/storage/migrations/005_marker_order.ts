import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * `markers.seq`: the order markers were stored in. Two markers of one party can carry the same
 * millisecond; the one stored last counts. SQLite returned ties in insertion order by accident
 * of its rowid; PostgreSQL returns them in any order, so the order is now a column on both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.alterTable('markers').addColumn('seq', 'bigserial').execute();
    return;
  }
  // SQLite cannot add an autoincrement column; the rowid already is that order.
  await db.schema.alterTable('markers').addColumn('seq', 'integer').execute();
  await sql`UPDATE markers SET seq = rowid`.execute(db);
  await sql`CREATE TRIGGER markers_seq AFTER INSERT ON markers FOR EACH ROW WHEN NEW.seq IS NULL
    BEGIN UPDATE markers SET seq = NEW.rowid WHERE rowid = NEW.rowid; END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TRIGGER IF EXISTS markers_seq`.execute(db);
  await db.schema.alterTable('markers').dropColumn('seq').execute();
}
