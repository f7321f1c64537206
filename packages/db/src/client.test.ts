import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { durableTransaction, migrateToLatest, openDatabase, withStatementCache } from './client.ts';

describe('openDatabase', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a SQLite file under the data directory in WAL mode and migrates it twice without change', async () => {
    const handle = openDatabase({ dataDir: path.join(dir, 'nested') });
    expect(handle.dialect).toBe('sqlite');
    expect(handle.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    const first = await migrateToLatest(handle.db);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrateToLatest(handle.db)).toEqual([]);
    await handle.close();
  });

  it('commits a durable transaction with synchronous=FULL and returns to NORMAL', async () => {
    const handle = openDatabase({ dataDir: path.join(dir, 'durable') });
    await migrateToLatest(handle.db);
    const during = await durableTransaction(handle.db, async () =>
      handle.sqlite!.pragma('synchronous', { simple: true }),
    );
    expect(during).toBe(2);
    expect(handle.sqlite!.pragma('synchronous', { simple: true })).toBe(1);
    await handle.close();
  });

  it('reuses prepared statements by SQL text, but never one that is still iterating', () => {
    const raw = new SQLite(':memory:');
    raw.exec('create table t (x integer); insert into t values (1), (2), (3);');
    const cached = withStatementCache(raw);
    const a = cached.prepare('select x from t order by x');
    expect(cached.prepare('select x from t order by x')).toBe(a);
    expect(cached.prepare('select x from t where x > 1')).not.toBe(a);
    const iterating = (a as unknown as SQLite.Statement).iterate();
    iterating.next();
    const b = cached.prepare('select x from t order by x');
    expect(b).not.toBe(a);
    expect((b as unknown as SQLite.Statement).all()).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    iterating.return?.();
    // a cached statement sees a later schema change
    raw.exec('alter table t add column y integer default 7');
    expect((cached.prepare('select * from t order by x') as unknown as SQLite.Statement).all()).toEqual([
      { x: 1, y: 7 },
      { x: 2, y: 7 },
      { x: 3, y: 7 },
    ]);
    raw.close();
  });

  it('answers the rows the driver answers: names, order, duplicates, nulls, a rename, a stream', () => {
    const raw = new SQLite(':memory:');
    raw.exec(`create table a (id integer primary key, name text, n real);
      create table b (id integer primary key, a_id integer, name text);
      insert into a values (1, '甲', 1.5), (2, null, null);
      insert into b values (10, 1, '乙'), (11, 2, null);`);
    const cached = withStatementCache(raw);
    const statements: [string, unknown[]][] = [
      ['select * from a order by id', []],
      // two columns named id and two named name: the later one wins, at the first one's place
      ['select a.*, b.* from a join b on b.a_id = a.id order by a.id', []],
      ['select name as "名称", id from b where id > ? order by id', [0]],
      ['select count(*) as n from a', []],
      ['select id, name as "__proto__" from a order by id', []],
    ];
    for (const [text, parameters] of statements) {
      const ours = cached.prepare(text) as unknown as SQLite.Statement;
      const theirs = raw.prepare(text);
      const expected = theirs.all(...parameters);
      expect(expected.length, text).toBeGreaterThan(0);
      // twice: the second time from the cache
      for (let i = 0; i < 2; i++) {
        const rows = ours.all(...parameters) as Record<string, unknown>[];
        expect(rows, text).toEqual(expected);
        expect(
          rows.map((r) => Object.keys(r)),
          text,
        ).toEqual(expected.map((r) => Object.keys(r as object)));
        expect(
          rows.map((r) => Object.getPrototypeOf(r)),
          text,
        ).toEqual(expected.map((r) => Object.getPrototypeOf(r)));
      }
      expect([...(ours.iterate(...parameters) as Iterable<unknown>)], text).toEqual(expected);
      expect(ours.all(...parameters), text).toEqual(expected);
    }
    // a cached statement after a column is renamed answers the new name
    const star = cached.prepare('select * from b order by id') as unknown as SQLite.Statement;
    expect(star.all()).toEqual([
      { id: 10, a_id: 1, name: '乙' },
      { id: 11, a_id: 2, name: null },
    ]);
    raw.exec('alter table b rename column name to title');
    expect(star.all()).toEqual([
      { id: 10, a_id: 1, title: '乙' },
      { id: 11, a_id: 2, title: null },
    ]);
    // writes still answer their changes
    const insert = cached.prepare('insert into a (name) values (?)') as unknown as SQLite.Statement;
    expect(insert.run('丙').changes).toBe(1);
    // a write that returns a column named __proto__ runs once, and answers as the driver does
    const count = () => (raw.prepare('select count(*) as n from a').get() as { n: number }).n;
    const before = count();
    const returning = cached.prepare(
      'insert into a (name) values (?) returning id, name as "__proto__"',
    ) as unknown as SQLite.Statement;
    expect(returning.all('丁')).toEqual([{ id: before + 1 }]);
    expect(count()).toBe(before + 1);
    raw.close();
  });
});
