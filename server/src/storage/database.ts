import { Kysely, Migrator, sql } from 'kysely';
import type { Logger } from 'pino';
import { isPostgres } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { postgresDialect } from './postgres.js';
import type { Database } from './schema.js';
import { sqliteDialect, sqliteFile } from './sqlite.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  dataDir: string;
  /** `postgres://…` uses PostgreSQL; null or unset the SQLite file in `dataDir`. */
  databaseUrl?: string | null;
  logger: Logger;
}

/** Opens the configured database (PostgreSQL or the embedded SQLite) and brings its schema up to date. */
export async function openDatabase({ dataDir, databaseUrl, logger }: DatabaseOptions): Promise<Db> {
  const dialect = databaseUrl ? postgresDialect(databaseUrl, logger) : sqliteDialect(dataDir);
  const db = new Kysely<Database>({ dialect });
  if (!databaseUrl) sqliteFiles.set(db, sqliteFile(dataDir));
  try {
    await migrate(db, logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

const sqliteFiles = new WeakMap<Db, string>();

/** The SQLite file `db` was opened on by `openDatabase`; null for PostgreSQL (or a database opened otherwise). */
export function sqliteFileOf(db: Db): string | null {
  return sqliteFiles.get(db) ?? null;
}

export async function migrate(db: Db, logger: Logger): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Named, because Kysely otherwise looks for its bookkeeping tables in every schema and takes
    // another schema's (another app's, another test's) for ours.
    migrationTableSchema: isPostgres(db) ? await currentSchema(db) : undefined,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') logger.info({ migration: result.migrationName }, 'migration applied');
    if (result.status === 'Error') logger.error({ migration: result.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** The schema PostgreSQL creates our tables in: the first existing one on the search path. */
async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL: no schema on the search_path exists; create it first');
  return schema;
}
