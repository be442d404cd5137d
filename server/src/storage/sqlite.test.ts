import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ImmediateSqliteDialect, openSqlite, withPreparedStatements } from './sqlite.js';

describe('withPreparedStatements', () => {
  it('serves one prepared statement per SQL text, and the same answers as a fresh one', () => {
    const sqlite = new SQLite(':memory:');
    const db = withPreparedStatements(sqlite);
    sqlite.exec('create table t (id integer primary key, name text)');
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run(['a']);
    insert.run(['b']);
    const select = 'select * from t where id > ? order by id';
    expect(db.prepare(select).all([0])).toEqual(sqlite.prepare(select).all([0]));
    expect(db.prepare(select).all([1])).toEqual([{ id: 2, name: 'b' }]);
    db.close();
  });

  it('follows schema changes: a kept statement reads columns added after it was prepared', () => {
    const sqlite = new SQLite(':memory:');
    const db = withPreparedStatements(sqlite);
    sqlite.exec('create table t (id integer primary key); insert into t values (1)');
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1 }]);
    sqlite.exec("alter table t add column name text default 'x'");
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'x' }]);
    db.close();
  });

  it('keeps at most 500 statements, dropping the least recently used', () => {
    const sqlite = new SQLite(':memory:');
    const db = withPreparedStatements(sqlite);
    const first = db.prepare('select 0');
    for (let i = 1; i <= 499; i += 1) db.prepare(`select ${i}`);
    expect(db.prepare('select 0')).toBe(first); // used again: now the most recent
    db.prepare('select 500'); // the 501st distinct text drops the least recent, `select 1`
    expect(db.prepare('select 0')).toBe(first);
    const again = db.prepare('select 1');
    expect(again.all([])).toEqual([{ 1: 1 }]);
    db.close();
  });
});

describe('ImmediateSqliteDialect', () => {
  it('a transaction waits for a write lock held past busy_timeout instead of failing with SQLITE_BUSY', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fellesplan-busy-'));
    const file = path.join(dir, 'db.sqlite');
    const main = openSqlite(file);
    // Short, so the holder below outlasts it many times over without the test blocking long.
    main.pragma('busy_timeout = 20');
    main.exec('create table t (id integer primary key, name text)');
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({
      dialect: new ImmediateSqliteDialect(main),
    });
    // Another connection to the file (the writer thread's, another process) holds the lock.
    const holder = openSqlite(file);
    holder.exec('begin immediate');
    holder.prepare("insert into t (name) values ('holder')").run();
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        holder.exec('commit');
        resolve();
      }, 400),
    );
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ name: 'command' }).execute();
      });
      await released;
      const names = await sql<{ name: string }>`select name from t order by id`.execute(db);
      expect(names.rows.map((row) => row.name)).toEqual(['holder', 'command']);
    } finally {
      await released;
      holder.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
