import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ImmediateSqliteDialect, openSqlite } from './sqlite.js';

type Db = { t: { id: Generated<number>; name: string } };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The server's main connection (settings as in production) and a second one holding the write lock. */
function lockedDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fellesplan-starve-'));
  const file = path.join(dir, 'db.sqlite');
  const main = openSqlite(file);
  main.exec('create table t (id integer primary key, name text)');
  const db = new Kysely<Db>({ dialect: new ImmediateSqliteDialect(main) });
  // The writer thread in a long compaction, or another process on the same file.
  const holder = openSqlite(file);
  holder.exec('begin immediate');
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    holder.exec('commit');
  };
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => db.destroy());
  cleanups.push(() => {
    release();
    holder.close();
  });
  return { db, main, release };
}

describe('SQLite write lock held long (attack 12)', () => {
  /**
   * A command waiting for the write lock retried BEGIN IMMEDIATE for 30 s, each try blocking the
   * event loop for the connection's busy_timeout (5 s): for half a minute the server turned its
   * loop a few times, so sockets missed their pings and every other request stalled. Here the lock
   * is let go only once the loop has turned 100 times (timers 20 ms apart); a server that blocks for
   * seconds per try never gets there before it gives up on the command.
   */
  it('a command waiting for the lock leaves the event loop turning, and commits once the lock is let go', async () => {
    const { db, release } = lockedDatabase();
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
      if (turns >= 100) release();
    }, 20);
    cleanups.push(() => clearInterval(ticker));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ name: 'command' }).execute();
    });
    expect(turns).toBeGreaterThanOrEqual(100);
    const names = await sql<{ name: string }>`select name from t`.execute(db);
    expect(names.rows.map((row) => row.name)).toEqual(['command']);
  }, 60_000);

  it('the connection keeps its own busy_timeout after a transaction, for writes outside one', async () => {
    const { db, main, release } = lockedDatabase();
    const ticker = setTimeout(release, 50);
    cleanups.push(() => clearTimeout(ticker));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ name: 'command' }).execute();
    });
    expect(main.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
