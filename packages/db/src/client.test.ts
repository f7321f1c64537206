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
});
