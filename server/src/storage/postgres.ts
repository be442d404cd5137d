import { CompiledQuery, PostgresDialect } from 'kysely';
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
  const pool = new pg.Pool({ connectionString: url, types, application_name: 'fellesplan' });
  // An idle connection that dies (database restart) must be logged, not crash the process.
  pool.on('error', (error) => logger.error({ err: error }, 'idle PostgreSQL connection failed'));
  return new PostgresDialect({
    pool,
    // An acknowledged edit must be on disk: a server configured for asynchronous commit does not
    // get to decide that for us.
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('SET synchronous_commit = on'));
    },
  });
}
