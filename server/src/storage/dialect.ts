import { PostgresAdapter, type QueryExecutorProvider } from 'kysely';

/** Migrations and row locks differ between databases in a few places; this tells which applies. */
export function isPostgres(db: QueryExecutorProvider): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
