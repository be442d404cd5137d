import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
} from 'kysely';

/** The embedded database's file in `dataDir`. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'fellesplan.sqlite');
}

/**
 * The embedded database: one SQLite file in `dataDir`. This connection serves every query but
 * the collaboration's appends and compactions, which a thread of their own commits on a second
 * connection (`sqliteWriterThread.ts`); SQLite takes writers in turn.
 */
export function sqliteDialect(dataDir: string): SqliteDialect {
  mkdirSync(dataDir, { recursive: true });
  return new ImmediateSqliteDialect(openSqlite(sqliteFile(dataDir)));
}

/** A connection to the file with the settings every connection to it needs. */
export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while the collaboration server appends updates.
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns, so an acknowledged edit survives a power cut,
  // not only a crash. Edits arriving together share one commit (DocumentUpdateWriter).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** How many distinct statements stay prepared; `IN (…)` lists of every length make distinct SQL. */
const PREPARED_STATEMENTS = 500;

/**
 * The database as Kysely sees it, with prepared statements kept (least recently used out).
 * Kysely prepares every query anew, and on the edit path (a few small queries per group commit)
 * preparing cost as much as running. A statement is only ever run to completion here (Kysely's
 * streaming, the one way to leave one half-read, is not used), so one may serve every call.
 */
export function withPreparedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      prepared.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = prepared.get(sql);
      if (statement) {
        prepared.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
      }
      prepared.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Transactions that take the write lock when they begin (`BEGIN IMMEDIATE`), waiting for it up to
 * `busy_timeout`. A deferred transaction that reads first and writes later fails at once with
 * SQLITE_BUSY when another process (a second instance on the same file) wrote in between: its
 * snapshot is stale, and SQLite cannot wait that out. Commands read in their transaction before
 * they write (the plan, the actor as they are now).
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabase;

  constructor(sqlite: SQLite.Database) {
    const database = withPreparedStatements(sqlite);
    super({ database });
    this.database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** How long a transaction keeps asking for the write lock before it fails with SQLITE_BUSY. */
const BEGIN_GIVE_UP_MS = 30_000;

/**
 * How long one ask for the write lock may block: SQLite's busy handler sleeps on the calling
 * thread, and on the main connection that is the event loop (every socket, every request).
 */
const BEGIN_ATTEMPT_BLOCKS_MS = 100;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // Past one attempt (the writer thread's connection or another process holds the lock), ask
    // again after yielding instead of failing the command. With the connection's own
    // busy_timeout (seconds) per attempt, a lock held long froze the server for up to 30 s with
    // gaps of a few milliseconds: sockets missed their pings and every request stalled. Safe to
    // repeat: a refused BEGIN IMMEDIATE has run nothing.
    const { rows } = await connection.executeQuery<{ timeout: number }>(CompiledQuery.raw('pragma busy_timeout'));
    const busyTimeout = rows[0]?.timeout ?? 0;
    await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${BEGIN_ATTEMPT_BLOCKS_MS}`));
    try {
      const started = Date.now();
      for (let attempt = 1; ; attempt += 1) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          return;
        } catch (error) {
          if (!isSqliteBusy(error) || Date.now() - started >= BEGIN_GIVE_UP_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(25 * attempt, 500)));
        }
      }
    } finally {
      // Statements inside the transaction hold the lock already; outside one, writes wait as before.
      await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${Math.trunc(busyTimeout)}`));
    }
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
