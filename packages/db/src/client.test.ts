import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { durableTransaction, migrateToLatest, openDatabase } from './client.ts';

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
});
