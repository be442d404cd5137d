import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

/** Migrations differ between databases only in a few column types; this tells which applies. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
