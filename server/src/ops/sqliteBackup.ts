import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { knownMigrations } from './knownMigrations.js';
import { OpsError } from './opsError.js';

/** The database file in `DATA_DIR` (storage/sqlite.ts). */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'fellesplan.sqlite');
}

const SQLITE_HEADER = 'SQLite format 3\0';

export function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the SQLite database of `dataDir` to `file` with SQLite's online backup API: a consistent
 * snapshot while the server keeps running and writing (a write by the server restarts the copy).
 * Written beside `file` first and renamed, so `file` is complete or absent.
 */
export async function backupSqlite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const source = sqliteFile(dataDir);
  if (!existsSync(source)) throw new OpsError(`No SQLite database at ${source} (set DATA_DIR, or DATABASE_URL)`);
  const partial = `${file}.partial`;
  removeDatabaseFiles(partial);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
    // Everything a person wrote: readable by its owner only.
    chmodSync(partial, 0o600);
    selfContained(partial);
    // Whatever version wrote it: a backup is never refused for being new.
    checkFellesplanDatabase(partial, null);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  } finally {
    db.close();
  }
  renameSync(partial, file);
  return { bytes: statSync(file).size };
}

/**
 * Replaces the database of `dataDir` with the backup `file`. Refuses a target that holds tables
 * unless `force`. The server must be stopped: a running one keeps its own open file.
 */
export async function restoreSqlite(file: string, dataDir: string, force: boolean): Promise<void> {
  checkFellesplanDatabase(file, await knownMigrations());
  const target = sqliteFile(dataDir);
  if (existsSync(target) && !force) {
    const tables = tableCount(target);
    if (tables > 0)
      throw new OpsError(
        `${target} already holds a database (${tables} tables); stop the server and add --force to replace it`,
      );
  }
  mkdirSync(dataDir, { recursive: true });
  const restoring = `${target}.restoring`;
  removeDatabaseFiles(restoring);
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(restoring);
    chmodSync(restoring, 0o600);
    selfContained(restoring);
  } catch (error) {
    removeDatabaseFiles(restoring);
    throw error;
  } finally {
    backup.close();
  }
  // A write-ahead log left by the old database would be replayed into the new one.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(restoring, target);
}

/**
 * The copy takes the source's write-ahead-log mode, in which every reader leaves -wal and -shm
 * files beside it; in rollback-journal mode it is one file that can be moved and copied alone.
 */
function selfContained(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function tableCount(file: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/**
 * A sound SQLite file with Fellesplan's schema; with `known`, also from this version of Fellesplan
 * or an older one.
 */
function checkFellesplanDatabase(file: string, known: readonly string[] | null): void {
  if (!isSqliteFile(file)) throw new OpsError(`${file} is not a SQLite database`);
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new OpsError(`${file} is damaged: ${String(integrity)}`);
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'`).get();
    if (!hasMigrations) throw new OpsError(`${file} is not a Fellesplan database (no kysely_migration table)`);
    if (known === null) return;
    const applied = (db.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw new OpsError(`${file} comes from a newer Fellesplan (migrations ${unknown.join(', ')}); upgrade first`);
  } finally {
    db.close();
  }
}
