/**
 * `pnpm bench` (packages/api): accepting and completing cases through the API on SQLite.
 *
 * - import: `cases.import` through createCaller, 1,000 cases a call, each accepted and decided through
 *   the rules (acceptCase + applyCaseEvent), one in five late (→ B5 / F3 proposals), with its events,
 *   the case_daily rollup and the audit entry — a busy center's day arriving from another system;
 * - window: `cases.accept` then `cases.decide`, one call each, as a clerk does it (each acceptance
 *   hashes a fresh query password with scrypt), sequentially and 8 at a time;
 * - baseline: the same rows written with bare prepared statements of better-sqlite3 in the same run
 *   (insert case, two events, rollup upsert, update on completion, rollup upsert), 1,000 a transaction.
 *
 * The file database uses the server's settings (WAL, synchronous=NORMAL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertPolicyVersion, insertUser, migrateToLatest, openDatabase, seedFixture } from '@chuangkou/db';
import { chinaWorkCalendar, DEFAULT_POLICIES } from '@chuangkou/rules';
import { createContextInner } from '../src/context.ts';
import { createCaller } from '../src/root.ts';

const IMPORT_CASES = Number(process.env.BENCH_IMPORT_CASES ?? 20_000);
const WINDOW_CASES = Number(process.env.BENCH_WINDOW_CASES ?? 400);
const TODAY = '2026-11-26';

const dir = mkdtempSync(path.join(tmpdir(), 'ck-cases-bench-'));
const handle = openDatabase({ dataDir: dir, file: 'bench.sqlite' });
const { db } = handle;
await migrateToLatest(db);
const f = await seedFixture(db);
for (const p of Object.values(DEFAULT_POLICIES)) {
  await insertPolicyVersion(db, {
    centerId: f.centerId,
    code: p.code,
    effectiveFrom: '2000-01-01',
    body: p,
    createdBy: null,
  });
}
const supervisor = await insertUser(db, {
  centerId: f.centerId,
  username: 'bench',
  passwordHash: 'x',
  role: 'supervisor',
  staffId: f.staff[0]!.id,
  displayName: 'bench',
});
const api = createCaller(createContextInner({ db, user: supervisor, today: () => TODAY }));
const promised = await api.cases.matters.create({
  unitId: f.unitId,
  name: '不动产转移登记',
  type: 'promised',
  promisedDays: 3,
});

// working days of 2026 up to a month before today, so every case is decided in the past
const cal = chinaWorkCalendar();
const days: string[] = [];
for (let d = '2026-01-05'; d <= '2026-10-23'; d = cal.addWorkingDays(d, 1)) days.push(d);

const rowOf = (i: number) => {
  const receivedOn = days[i % days.length]!;
  const late = i % 5 === 0;
  return {
    matterId: promised.id,
    staffId: f.staff[i % f.staff.length]!.id,
    applicantName: `申请人${i}`,
    receivedOn,
    decidedOn: cal.addWorkingDays(receivedOn, late ? 5 : 2),
  };
};

// --- import through the API
let t0 = performance.now();
let proposals = 0;
for (let i = 0; i < IMPORT_CASES; i += 1000) {
  const batch = Array.from({ length: Math.min(1000, IMPORT_CASES - i) }, (_, k) => rowOf(i + k));
  proposals += (await api.cases.import({ cases: batch })).proposals;
}
const importSeconds = (performance.now() - t0) / 1000;
const importRate = IMPORT_CASES / importSeconds;

// --- at the window: accept + decide, one call each
async function windowRun(n: number, concurrency: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const r = rowOf(i);
      const { case: c } = await api.cases.accept({
        matterId: r.matterId,
        staffId: r.staffId,
        applicantName: r.applicantName,
        applicantPhone: '13800000000',
        on: r.receivedOn,
      });
      await api.cases.decide({ id: c.id, on: r.decidedOn, decision: 'approved' });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return n / ((performance.now() - start) / 1000);
}
const windowSequential = await windowRun(WINDOW_CASES, 1);
const windowConcurrent = await windowRun(WINDOW_CASES, 8);

// --- bare SQL baseline on the same file
const sqlite = handle.sqlite!;
const insertCase = sqlite.prepare(
  `insert into cases (center_id, unit_id, window_id, staff_id, matter_id, type, stage, received_on, accepted_on,
     promised_days, deadline, overdue_days, applicant_name, acceptance_code, supplement_count,
     is_one_time_notification_failed, is_joint_department_late)
   values (?, ?, ?, ?, ?, 'promised', 'accepted', ?, ?, 3, ?, 0, ?, ?, 0, 0, 0)`,
);
const insertEvent = sqlite.prepare(
  'insert into case_events (case_id, center_id, kind, day, payload, user_id, at) values (?, ?, ?, ?, ?, ?, ?)',
);
const bumpOpen = sqlite.prepare(
  `insert into case_daily (center_id, unit_id, window_id, day, month, cases, completed, on_time, overdue, overdue_days,
     handling_days, promised_days, immediate, immediate_same_day) values (?, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, 0, 0, 0)
   on conflict (window_id, day) do update set cases = cases + 1`,
);
const complete = sqlite.prepare(
  `update cases set decided_on = ?, handling_days = ?, overdue_days = ?, stage = 'decided', decision = 'approved',
     version = ? where id = ?`,
);
const bumpDone = sqlite.prepare(
  `update case_daily set completed = completed + 1, on_time = on_time + ?, overdue = overdue + ?,
     overdue_days = overdue_days + ?, handling_days = handling_days + ?, promised_days = promised_days + 3
   where window_id = ? and day = ?`,
);
const baselineBatch = sqlite.transaction((from: number, to: number) => {
  const at = new Date().toISOString();
  for (let i = from; i < to; i++) {
    const r = rowOf(i);
    const windowId = f.windowIds[i % 2]!;
    const deadline = cal.addWorkingDays(r.receivedOn, 3);
    const id = Number(
      insertCase.run(
        f.centerId,
        f.unitId,
        windowId,
        r.staffId,
        r.matterId,
        r.receivedOn,
        r.receivedOn,
        deadline,
        r.applicantName,
        `B${i}`,
      ).lastInsertRowid,
    );
    insertEvent.run(id, f.centerId, 'accept', r.receivedOn, '{}', supervisor.id, at);
    bumpOpen.run(f.centerId, f.unitId, windowId, r.receivedOn, r.receivedOn.slice(0, 7));
    const overdue = cal.overdueWorkingDays(deadline, r.decidedOn);
    complete.run(r.decidedOn, cal.workingDaysBetween(r.receivedOn, r.decidedOn), overdue, at, id);
    insertEvent.run(id, f.centerId, 'decide', r.decidedOn, '{}', supervisor.id, at);
    bumpDone.run(
      overdue === 0 ? 1 : 0,
      overdue > 0 ? 1 : 0,
      overdue,
      cal.workingDaysBetween(r.receivedOn, r.decidedOn),
      windowId,
      r.receivedOn,
    );
  }
});
t0 = performance.now();
for (let i = 0; i < IMPORT_CASES; i += 1000) baselineBatch(i, Math.min(i + 1000, IMPORT_CASES));
const baselineRate = IMPORT_CASES / ((performance.now() - t0) / 1000);

await handle.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`cases bench (SQLite file, WAL, synchronous=NORMAL; Node ${process.version})`);
console.log(
  `  import through the API : ${fmt(importRate)} cases/s accepted + decided (${fmt(IMPORT_CASES)} cases in ${importSeconds.toFixed(2)} s, ${fmt(proposals)} proposals)`,
);
console.log(
  `  bare SQL baseline      : ${fmt(baselineRate)} cases/s (same rows, prepared statements, 1,000 a transaction)`,
);
console.log(`  ratio API / baseline   : ${(importRate / baselineRate).toFixed(2)}`);
console.log(
  `  window, one by one     : ${fmt(windowSequential)} cases/s accept + decide (scrypt per receipt)`,
);
console.log(`  window, 8 at a time    : ${fmt(windowConcurrent)} cases/s`);
const isOk = importRate >= 1000;
console.log(
  isOk ? '  OK: ≥ 1,000 cases/s through the API' : '  BELOW TARGET: < 1,000 cases/s through the API',
);
process.exitCode = isOk ? 0 : 1;
