/**
 * Builds the shared bench database the analytics bench builds (`BENCH_DIR`/<size>/chuangkou.sqlite,
 * the demo center at <size> cases, a `bench` leader), in a side directory first and renamed into place
 * when done, so no bench ever opens a half-built file. Skipped when it is already there.
 * `pnpm --filter @chuangkou/server exec tsx bench/build-bench-db.ts` · BENCH_SIZE=10000000 · BENCH_DIR=/tmp/ck-bench
 *
 * BENCH_TREE=<another checkout of this repository, installed>: the database is generated and migrated by
 * that tree's `@chuangkou/db` instead (its schema and its demo center), e.g. an older commit to compare
 * against; the membership bench does this with the tree before the membership join.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '@chuangkou/api';
import * as currentDb from '@chuangkou/db';

const TREE = process.env.BENCH_TREE;
const { generateDemo, insertUser, migrateToLatest, openDatabase }: typeof currentDb = TREE
  ? await import(path.resolve(TREE, 'packages/db/src/index.ts'))
  : currentDb;

const SIZE = Number(process.env.BENCH_SIZE ?? 10_000_000);
const DIR = process.env.BENCH_DIR ?? '/tmp/ck-bench';
const TODAY = '2026-11-26';
const CASES_AT_SCALE_1 = 743_375;

const target = path.join(DIR, String(SIZE));
if (existsSync(path.join(target, 'chuangkou.sqlite'))) {
  console.log(`${target} is there already`);
  process.exit(0);
}
const building = `${target}.building-${process.pid}`;
mkdirSync(building, { recursive: true });
const handle = openDatabase({ dataDir: building });
await migrateToLatest(handle.db);
const t0 = Date.now();
const summary = await generateDemo(handle.db, {
  today: TODAY,
  scale: SIZE / CASES_AT_SCALE_1,
  log: (l) => process.stderr.write(`  ${l}\n`),
});
await insertUser(handle.db, {
  centerId: summary.centerId,
  username: 'bench',
  passwordHash: await hashPassword('bench-password'),
  role: 'leader',
  staffId: null,
  displayName: 'bench',
});
handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
handle.sqlite!.exec('analyze');
await handle.close();
console.log(
  `generated ${summary.cases.toLocaleString()} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
if (existsSync(path.join(target, 'chuangkou.sqlite'))) {
  console.log(`${target} appeared meanwhile: keeping ${building}`);
} else {
  rmSync(target, { recursive: true, force: true });
  renameSync(building, target);
  console.log(`moved into ${target}`);
}
