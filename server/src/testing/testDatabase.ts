import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** `DATABASE_URL` for a server on this database; null: SQLite in the server's data dir. */
  url: string | null;
  /** Drops everything the test stored (PostgreSQL: the schema); SQLite data dirs are their owner's. */
  drop(): Promise<void>;
}

/** The PostgreSQL tests run against when asked for `postgres` without a URL (`TEST_DATABASE_URL` overrides). */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The database one test server (or contract test) runs on: `database` is `sqlite`, `postgres`
 * or a postgres:// URL, by default `DATABASE_URL`. On PostgreSQL every call gets a fresh schema
 * of its own, named `fp_<seconds>_<random>` (so stale ones can be told by age), and the URL it
 * returns puts only that schema on the search path.
 */
export async function createTestDatabase(
  database: string | undefined = process.env.DATABASE_URL,
): Promise<TestDatabase> {
  if (!database || database === 'sqlite') return { url: null, drop: () => Promise.resolve() };
  const base = database === 'postgres' ? (process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL) : database;
  const schema = `fp_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withClient(base, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(base);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => withClient(base, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
  };
}

async function withClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL's «schema … does not exist» (3F000). Kysely's introspection used to read every schema
 * and fail on one dropped by another test meanwhile (storage/postgres.ts now reads only ours); test
 * servers still retry a start once on it.
 */
export function isMissingSchema(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '3F000';
}
