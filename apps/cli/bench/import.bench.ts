/**
 * `pnpm bench` (apps/cli): `import cases FILE` of a CSV platform export on SQLite, against bare
 * prepared inserts of the same rows in the same run.
 *
 * - import: the command as a person runs it (read and decode the file, check every row, look up the
 *   matter and the person by name, skip codes already stored, then each row through acceptCase and
 *   applyCaseEvent with its events, the case_daily rollup, proposals and one audit entry, all in one
 *   transaction);
 * - baseline: the same rows written with one prepared better-sqlite3 INSERT into cases, one
 *   transaction, no rules, no events, no rollup: the floor of writing these rows at all.
 *
 * BENCH_IMPORT_ROWS (default 20,000). The file database uses the server's settings. The peak resident
 * memory is printed before and after the import: run two sizes to see whether it grows with the file
 * (the CSV is read as a stream; the rows the bench generates are in memory before the import starts).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  insertMatter,
  insertPolicyVersion,
  insertUser,
  migrateToLatest,
  openDatabase,
  seedFixture,
} from '@chuangkou/db';
import { chinaWorkCalendar, DEFAULT_POLICIES } from '@chuangkou/rules';
import Database from 'better-sqlite3';
import { runImport } from '../src/commands/import.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const dir = mkdtempSync(path.join(tmpdir(), 'ck-import-bench-'));

async function prepare(name: string) {
  const dataDir = path.join(dir, name);
  const h = openDatabase({ dataDir });
  await migrateToLatest(h.db);
  const f = await seedFixture(h.db);
  for (const p of Object.values(DEFAULT_POLICIES)) {
    await insertPolicyVersion(h.db, {
      centerId: f.centerId,
      code: p.code,
      effectiveFrom: '2000-01-01',
      body: p,
      createdBy: null,
    });
  }
  await insertUser(h.db, {
    centerId: f.centerId,
    username: 'sup',
    passwordHash: 'x',
    role: 'supervisor',
    staffId: null,
    displayName: 'sup',
  });
  const m = await insertMatter(h.db, {
    centerId: f.centerId,
    unitId: f.unitId,
    name: '不动产转移登记',
    type: 'promised',
    promisedDays: 3,
  });
  await h.close();
  return { dataDir, f, matterId: m.id };
}

const cal = chinaWorkCalendar();
const days: string[] = [];
for (let d = '2026-01-05'; d <= '2026-10-23'; d = cal.addWorkingDays(d, 1)) days.push(d);

const a = await prepare('import');
const names = [a.f.staff[0]!.name, a.f.staff[1]!.name];
const rows = Array.from({ length: ROWS }, (_, i) => {
  const received = days[i % days.length]!;
  return {
    code: `B${String(i).padStart(8, '0')}`,
    staff: names[i % 2]!,
    received,
    decided: cal.addWorkingDays(received, i % 5 === 0 ? 5 : 2),
  };
});
const csv = path.join(dir, 'cases.csv');
writeFileSync(
  csv,
  `受理编号,事项名称,受理人,申请人,收件日期,办结日期,办理结果\n${rows
    .map((r) => `${r.code},不动产转移登记,${r.staff},申请人${r.code},${r.received},${r.decided},予以批准`)
    .join('\n')}\n`,
);

const quiet = <T>(f: () => Promise<T>) => {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((s: string) => {
    out += s;
    return true;
  }) as typeof process.stdout.write;
  return f()
    .finally(() => {
      process.stdout.write = write;
    })
    .then((v) => ({ v, out }));
};

const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
const t0 = performance.now();
const { v: code, out } = await quiet(() =>
  runImport(['cases', csv], { DATA_DIR: a.dataDir, TODAY: '2026-11-26' }),
);
const importMs = performance.now() - t0;
// peak resident memory of the process up to the end of the import (before the baseline runs)
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
if (code !== 0) throw new Error(`import failed: ${out}`);

// baseline: bare prepared inserts of the same rows in a database of the same schema
const b = await prepare('bare');
const sqlite = new Database(path.join(b.dataDir, 'chuangkou.sqlite'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
const insert = sqlite.prepare(
  `insert into cases (center_id, unit_id, window_id, staff_id, matter_id, type, stage, acceptance_code, applicant_name,
   received_on, accepted_on, promised_days, deadline, decision, decided_on, handling_days, overdue_days)
   values (?, ?, ?, ?, ?, 'promised', 'decided', ?, ?, ?, ?, 3, ?, 'approved', ?, ?, ?)`,
);
const t1 = performance.now();
sqlite.transaction(() => {
  for (const [i, r] of rows.entries()) {
    const deadline = cal.addWorkingDays(r.received, 3);
    insert.run(
      b.f.centerId,
      b.f.unitId,
      b.f.windowIds[0],
      b.f.staff[i % 2]!.id,
      b.matterId,
      r.code,
      `申请人${r.code}`,
      r.received,
      r.received,
      deadline,
      r.decided,
      cal.workingDaysBetween(r.received, r.decided),
      cal.overdueWorkingDays(deadline, r.decided),
    );
  }
})();
const bareMs = performance.now() - t1;
sqlite.close();

const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
console.log(
  JSON.stringify({
    rows: ROWS,
    csvBytes: statSync(csv).size,
    import: { ms: Math.round(importMs), rowsPerSecond: rate(importMs), summary: out.trim() },
    bare: { ms: Math.round(bareMs), rowsPerSecond: rate(bareMs) },
    ratio: Number((rate(importMs) / rate(bareMs)).toFixed(3)),
    peakRssMb: { beforeImport: rssBeforeMb, afterImport: peakRssMb },
  }),
);
rmSync(dir, { recursive: true, force: true });
