import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/** The embedded database: one SQLite file in `dataDir`, one connection (so every transaction is serialized). */
export function sqliteDialect(dataDir: string): SqliteDialect {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, 'fellesplan.sqlite'));
  // WAL lets readers proceed while the collaboration server appends updates.
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns, so an acknowledged edit survives a power cut,
  // not only a crash. Edits arriving together share one commit (DocumentUpdateWriter).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new ImmediateSqliteDialect(sqlite);
}

/**
 * Transactions that take the write lock when they begin (`BEGIN IMMEDIATE`), waiting for it up to
 * `busy_timeout`. A deferred transaction that reads first and writes later fails at once with
 * SQLITE_BUSY when another process (a second instance on the same file) wrote in between: its
 * snapshot is stale, and SQLite cannot wait that out. Commands read in their transaction before
 * they write (the plan, the actor as they are now).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.sqlite });
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
