import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withPreparedStatements } from './sqlite.js';

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
