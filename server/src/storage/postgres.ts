import {
  CompiledQuery,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';

// bigint (bigserial ids, count(*), max(id)) arrives from pg as a string; ours stay far below
// 2^53, so they are numbers here, as they are from SQLite.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * PostgreSQL through a connection pool. Unlike the single SQLite connection, transactions run
 * side by side here; the repositories take the row locks that keep them apart (rowLocks.ts).
 */
export function postgresDialect(url: string, logger: Logger): PostgresDialect {
  // A database that cannot be reached fails a query in bounded time rather than holding it (and
  // its request) for ever; edits retry on their own (DocumentUpdateWriter).
  const pool = new pg.Pool({
    connectionString: url,
    types,
    application_name: 'fellesplan',
    connectionTimeoutMillis: 5000,
  });
  // An idle connection that dies (database restart) must be logged, not crash the process.
  pool.on('error', (error) => logger.error({ err: error }, 'idle PostgreSQL connection failed'));
  // pg-pool listens for errors only on idle clients: one that dies while checked out (between two
  // statements of a transaction) emits an `error` nobody hears, which ends the process. The
  // statement in flight fails on its own and its caller retries or answers with an error.
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.warn({ err: error }, 'PostgreSQL connection in use failed'));
  });
  return new OwnSchemaPostgresDialect({
    pool,
    // An acknowledged edit must be on disk: a server configured for asynchronous commit does not
    // get to decide that for us.
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('SET synchronous_commit = on'));
    },
  });
}

/**
 * Introspection of our own schema only (the first existing one on the search path). Kysely's own
 * PostgreSQL introspector reads every schema in the database, calling catalog functions on each;
 * the migrator runs it at every start, and a schema that another application (or a test) drops
 * meanwhile makes those functions fail (3F000, 42P01) and the start with them. Only table names
 * are needed by the migrator, so only they are read.
 */
class OwnSchemaIntrospector implements DatabaseIntrospector {
  // The introspector is handed Kysely<any> by the dialect's contract.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string | null }>`SELECT current_schema() AS name`.execute(this.db);
    return rows.flatMap((row) => (row.name ? [{ name: row.name }] : []));
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; type: string }>`
      SELECT table_name AS name, table_schema AS schema, table_type AS type
      FROM information_schema.tables
      WHERE table_schema = current_schema()
      ORDER BY table_name`.execute(this.db);
    return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.type === 'VIEW', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class OwnSchemaPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the dialect's contract
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}
