/**
 * `pnpm bench` (apps/cli): `import cases FILE` of a CSV platform export on SQLite, against bare
 * prepared inserts of the same rows in the same run.
 *
 * - import: the command as a person runs it, in a process of its own so that its peak resident memory
 *   is its own (read and decode the file as a stream, check every row, look up the matter and the
 *   person by name, skip codes already stored, each row's deadline, overdue days, events and proposals
 *   from the rules, the case_daily rollup and one audit entry, all in one transaction);
 * - baseline: the same rows written with one prepared better-sqlite3 INSERT into cases (the same
 *   schema and indexes), one transaction, no rules, no events, no rollup: the floor of writing these
 *   rows at all.
 *
 * Both wall-clock time and the CPU time each used are given: on a busy machine both wait for a core,
 * and the CPU time is the part of the work that is their own.
 *
 * BENCH_IMPORT_ROWS: one size or several separated by commas (default 20000), e.g. 100000,400000,1500000
 * to see whether memory stays flat as the file grows. The CSV is written piece by piece, so the bench
 * holds no row list of its own either. BENCH_DEBUG=1 prints the import process's stderr.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const TODAY = '2026-11-26';

if (process.env.BENCH_IMPORT_CHILD) {
  // the import's own process: run the command, then print its time and its peak resident memory
  const [dataDir, csv] = process.env.BENCH_IMPORT_CHILD.split('\n') as [string, string];
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((s: string) => {
    out += s;
    return true;
  }) as typeof process.stdout.write;
  const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await runImport(['cases', csv], { DATA_DIR: dataDir, TODAY });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write = write;
  write(
    `${JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, summary: out.trim(), rssBeforeMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  process.exit(0);
}

const cal = chinaWorkCalendar();
const days: string[] = [];
for (let d = '2026-01-05'; d <= '2026-10-23'; d = cal.addWorkingDays(d, 1)) days.push(d);

/** Row i of every size: the same generator for the file and for the baseline. */
function rowAt(i: number, names: readonly string[]) {
  const received = days[i % days.length]!;
  return {
    code: `B${String(i).padStart(8, '0')}`,
    staff: names[i % names.length]!,
    received,
    decided: cal.addWorkingDays(received, i % 5 === 0 ? 5 : 2),
  };
}

async function prepare(dir: string, name: string) {
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

async function run(rows: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-import-bench-'));
  try {
    const a = await prepare(dir, 'import');
    const names = [a.f.staff[0]!.name, a.f.staff[1]!.name];
    const csv = path.join(dir, 'cases.csv');
    const fd = openSync(csv, 'w');
    writeSync(fd, '受理编号,事项名称,受理人,申请人,收件日期,办结日期,办理结果\n');
    for (let i = 0; i < rows; i += 10_000) {
      let piece = '';
      for (let j = i; j < Math.min(rows, i + 10_000); j++) {
        const r = rowAt(j, names);
        piece += `${r.code},不动产转移登记,${r.staff},申请人${r.code},${r.received},${r.decided},予以批准\n`;
      }
      writeSync(fd, piece);
    }
    closeSync(fd);

    const child = spawnSync(process.execPath, [...(process.env.BENCH_CHILD_FLAGS ? process.env.BENCH_CHILD_FLAGS.split(" ") : []), ...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_IMPORT_CHILD: `${a.dataDir}\n${csv}` },
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    if (process.env.BENCH_DEBUG) process.stderr.write(child.stderr);
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`import failed: ${child.stderr}${line}`);
    const imp = JSON.parse(line) as {
      code: number;
      ms: number;
      cpuMs: number;
      summary: string;
      rssBeforeMb: number;
      peakRssMb: number;
    };
    if (imp.code !== 0) throw new Error(`import failed: ${imp.summary}`);

    // baseline: bare prepared inserts of the same rows in a database of the same schema
    const b = await prepare(dir, 'bare');
    const sqlite = new Database(path.join(b.dataDir, 'chuangkou.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // the page cache of the app's own connection (packages/db openDatabase)
    sqlite.pragma('cache_size = -65536');
    const insert = sqlite.prepare(
      `insert into cases (center_id, unit_id, window_id, staff_id, matter_id, type, stage, acceptance_code, applicant_name,
       received_on, accepted_on, promised_days, deadline, decision, decided_on, handling_days, overdue_days)
       values (?, ?, ?, ?, ?, 'promised', 'decided', ?, ?, ?, ?, 3, ?, 'approved', ?, ?, ?)`,
    );
    const bareNames = [b.f.staff[0]!, b.f.staff[1]!];
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    sqlite.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const r = rowAt(i, names);
        const deadline = cal.addWorkingDays(r.received, 3);
        insert.run(
          b.f.centerId,
          b.f.unitId,
          b.f.windowIds[0],
          bareNames[i % 2]!.id,
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
    const bareCpu = process.cpuUsage(cpu1);
    const bareCpuMs = (bareCpu.user + bareCpu.system) / 1000;
    sqlite.close();

    const rate = (ms: number) => Math.round((rows / ms) * 1000);
    return {
      rows,
      csvBytes: statSync(csv).size,
      import: {
        ms: Math.round(imp.ms),
        rowsPerSecond: rate(imp.ms),
        cpuMs: Math.round(imp.cpuMs),
        rowsPerCpuSecond: rate(imp.cpuMs),
        summary: imp.summary,
      },
      bare: {
        ms: Math.round(bareMs),
        rowsPerSecond: rate(bareMs),
        cpuMs: Math.round(bareCpuMs),
        rowsPerCpuSecond: rate(bareCpuMs),
      },
      ratio: Number((rate(imp.ms) / rate(bareMs)).toFixed(3)),
      // on a busy machine the processes wait for a core: CPU time is what each run itself used
      cpuRatio: Number((rate(imp.cpuMs) / rate(bareCpuMs)).toFixed(3)),
      importProcessRssMb: { atStart: imp.rssBeforeMb, peak: imp.peakRssMb },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = (process.env.BENCH_IMPORT_ROWS ?? '20000').split(',').map(Number);
for (const rows of sizes) console.log(JSON.stringify(await run(rows)));
