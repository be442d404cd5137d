import { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { commitAppends, commitCompaction, type AppendOutcome, type AppendRecord } from './documentWrites.js';
import { ImmediateSqliteDialect, openSqlite } from './sqlite.js';

/**
 * The thread that commits the collaboration's writes to SQLite files (see `documentStore.ts`).
 * It holds a connection of its own per file; each task is one transaction.
 */
interface Connection {
  db: Kysely<Database>;
  /** Sections known to have history already (see `recordSectionEdits`); lost with the connection, then asked again. */
  withHistory: Set<string>;
}
const connections = new Map<string, Connection>();

/** What a task answers: its outcome, or the error with its code (a thrown error would lose the code on the way). */
export type TaskResult<T> = { ok: true; value: T } | { ok: false; error: { message: string; code?: string } };

export function append(input: {
  file: string;
  batch: AppendRecord[];
  authorizeAtCommit: boolean;
}): Promise<TaskResult<AppendOutcome>> {
  const connection = connect(input.file);
  return task(connection, () =>
    connection.db
      .transaction()
      .execute((trx) => commitAppends(trx, input.batch, input.authorizeAtCommit, connection.withHistory)),
  );
}

export function compact(input: { file: string; documentName: string; state: Uint8Array }): Promise<TaskResult<void>> {
  const connection = connect(input.file);
  return task(connection, () =>
    connection.db.transaction().execute((trx) => commitCompaction(trx, input.documentName, () => input.state)),
  );
}

/** Answers once the thread is up and has loaded what it needs. */
export function ready(): TaskResult<void> {
  return { ok: true, value: undefined };
}

/** Closes the file's connection (its server closed); a later task opens it again. */
export async function release(input: { file: string }): Promise<TaskResult<void>> {
  const connection = connections.get(input.file);
  connections.delete(input.file);
  await connection?.db.destroy();
  return { ok: true, value: undefined };
}

function connect(file: string): Connection {
  let connection = connections.get(file);
  if (!connection) {
    connection = {
      db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect(openSqlite(file)) }),
      withHistory: new Set(),
    };
    connections.set(file, connection);
  }
  return connection;
}

async function task<T>(connection: Connection, run: () => Promise<T>): Promise<TaskResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    // A rolled-back transaction may have recorded a baseline that is not there.
    connection.withHistory.clear();
    const { message, code } = error as { message?: unknown; code?: unknown };
    return {
      ok: false,
      error: {
        message: typeof message === 'string' ? message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      },
    };
  }
}
