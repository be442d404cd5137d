import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

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
  return new SqliteDialect({ database: sqlite });
}
