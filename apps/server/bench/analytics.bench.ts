/**
 * `pnpm bench` (apps/server): the analytics procedures through HTTP against the bare SQL of the same
 * question on the same SQLite database, in the same run, at 1 and 10 million cases.
 *
 * BENCH_SIZES=1000000,10000000 (default) · BENCH_RUNS=40 · BENCH_DIR=/tmp/ck-bench (databases are kept
 * there and reused when their size matches, since generating 10 M cases takes minutes).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@chuangkou/api';
import { generateDemo, insertUser, migrateToLatest, openDatabase, type TDatabase } from '@chuangkou/db';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DIR = process.env.BENCH_DIR ?? '/tmp/ck-bench';
const TODAY = '2026-11-26';
/** cases at scale 1 (two years of the demo center) */
const CASES_AT_SCALE_1 = 743_375;

interface TQuestion {
  name: string;
  procedure: string;
  input: Record<string, unknown>;
  /** the same question in bare SQL on the raw driver: the statements the procedure needs */
  sql: ((db: NonNullable<TDatabase['sqlite']>, centerId: number) => unknown) | null;
}

const sum = (cols: string[]) => cols.map((c) => `sum(${c}) as ${c}`).join(', ');
const COUNTERS = [
  'cases',
  'completed',
  'on_time',
  'overdue',
  'overdue_days',
  'handling_days',
  'promised_days',
  'immediate',
  'immediate_same_day',
];

const QUESTIONS: TQuestion[] = [
  {
    name: 'window efficiency, a quarter',
    procedure: 'analytics.windowEfficiency',
    input: { year: 2026, quarter: 3 },
    sql: (db, c) => {
      const total = db.prepare(
        `select ${sum(COUNTERS)} from case_daily where center_id = ? and day between ? and ?`,
      );
      for (const [from, to] of [
        ['2026-07-01', '2026-09-30'],
        ['2026-04-01', '2026-06-30'],
        ['2025-07-01', '2025-09-30'],
      ])
        total.get(c, from, to);
      db.prepare(
        `select window_id, ${sum(COUNTERS)} from case_daily where center_id = ? and day between ? and ? group by window_id`,
      ).all(c, '2026-07-01', '2026-09-30');
      db.prepare('select id, name, unit_id from windows where center_id = ?').all(c);
      return db.prepare('select id, name from units where center_id = ?').all(c);
    },
  },
  {
    name: 'complaint rate, a month',
    procedure: 'analytics.complaintRate',
    input: { year: 2026, month: 10 },
    sql: (db, c) => {
      const cases = db.prepare(
        'select sum(cases) from case_daily where center_id = ? and day between ? and ?',
      );
      const complaints = db.prepare(
        'select count(*) from complaints where center_id = ? and is_valid = 1 and date between ? and ?',
      );
      for (const [from, to] of [
        ['2026-10-01', '2026-10-31'],
        ['2026-09-01', '2026-09-30'],
        ['2025-10-01', '2025-10-31'],
      ]) {
        cases.get(c, from, to);
        complaints.get(c, from, to);
      }
      const [from, to] = ['2026-10-01', '2026-10-31'];
      db.prepare(
        'select window_id, sum(cases) from case_daily where center_id = ? and day between ? and ? group by window_id',
      ).all(c, from, to);
      db.prepare(
        'select window_id, count(*) from complaints where center_id = ? and is_valid = 1 and date between ? and ? group by window_id',
      ).all(c, from, to);
      db.prepare(
        'select channel, count(*) from complaints where center_id = ? and is_valid = 1 and date between ? and ? group by channel',
      ).all(c, from, to);
      db.prepare(
        'select month, sum(cases) from case_daily where center_id = ? and day between ? and ? group by month',
      ).all(c, from, to);
      db.prepare(
        'select substr(date,1,7), count(*) from complaints where center_id = ? and is_valid = 1 and date between ? and ? group by 1',
      ).all(c, from, to);
      return db.prepare('select id, name, unit_id from windows where center_id = ?').all(c);
    },
  },
  {
    name: 'trends, a year by month (and the year before)',
    procedure: 'analytics.trends',
    input: { year: 2026 },
    sql: (db, c) => {
      for (const y of [2026, 2025]) {
        db.prepare(
          `select month, ${sum(COUNTERS)} from case_daily where center_id = ? and day between ? and ? group by month`,
        ).all(c, `${y}-01-01`, `${y}-12-31`);
        db.prepare(
          'select substr(date,1,7), count(*) from complaints where center_id = ? and is_valid = 1 and date between ? and ? group by 1',
        ).all(c, `${y}-01-01`, `${y}-12-31`);
      }
      return null;
    },
  },
  {
    name: 'red-flag awards, a year',
    procedure: 'analytics.awards',
    input: { year: 2026 },
    sql: (db, c) => {
      for (const y of [2026, 2025, 2025])
        db.prepare("select * from window_awards where center_id = ? and status = 'active' and year = ?").all(
          c,
          y,
        );
      return db.prepare('select id, name, unit_id from windows where center_id = ?').all(c);
    },
  },
  {
    name: 'peer tiers, a quarter',
    procedure: 'analytics.peerTiers',
    input: { year: 2026, quarter: 3 },
    sql: (db, c) => {
      const q = db.prepare(
        "select r.ratee_id, s.unit_id, s.window_id, count(*), sum(case when r.tier = 'good' then 1 else 0 end) from peer_ratings r join staff s on s.id = r.ratee_id where r.center_id = ? and r.year = ? and r.quarter = ? group by r.ratee_id, s.unit_id, s.window_id",
      );
      for (const [y, qq] of [
        [2026, 3],
        [2026, 2],
        [2025, 3],
        [2026, 3],
      ])
        q.all(c, y, qq);
      db.prepare(
        "select body from policies where center_id = ? and code = 'A' order by effective_from desc limit 1",
      ).get(c);
      db.prepare('select id, name from staff where center_id = ?').all(c);
      return db.prepare('select id, name from units where center_id = ?').all(c);
    },
  },
  {
    name: 'grades, a quarter (rules engine, live draft)',
    procedure: 'analytics.grades',
    input: { year: 2026, quarter: 3 },
    sql: null,
  },
];

const SCAN_SQL =
  "select window_id, count(*), sum(case when completed_at is not null and overdue_days = 0 then 1 else 0 end), sum(overdue_days) from cases where center_id = ? and accepted_at between '2026-07-01' and '2026-09-30' group by window_id";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Times two ways of answering one question run by run, alternating, so both see the same load of a
 * shared machine (timing one after the other let a busy minute fall on one side only).
 */
async function timePair(
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  runs: number,
): Promise<[number[], number[]]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const outA: number[] = [];
  const outB: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await a();
    const t1 = performance.now();
    await b();
    outA.push(t1 - t0);
    outB.push(performance.now() - t1);
  }
  return [outA, outB];
}

/** A port nobody listens on now (the machine is shared: a fixed or random one may be taken). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function prepare(size: number): Promise<TDatabase> {
  const dir = path.join(DIR, String(size));
  mkdirSync(dir, { recursive: true });
  const isNew = !existsSync(path.join(dir, 'chuangkou.sqlite'));
  const handle = openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  if (isNew) {
    const t0 = Date.now();
    const summary = await generateDemo(handle.db, {
      today: TODAY,
      scale: size / CASES_AT_SCALE_1,
      log: (l) => process.stderr.write(`  ${l}\r`),
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
    console.log(
      `generated ${summary.cases.toLocaleString()} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  return handle;
}

for (const size of SIZES) {
  const handle = await prepare(size);
  const sqlite = handle.sqlite!;
  const cases = (sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
  // the server runs as its own process, as in production (`pnpm start`), on the same database file
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(DIR, String(size)),
      DEMO: 'off',
      TODAY,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const center = (
    sqlite.prepare('select center_id as c from users where username = ?').get('bench') as { c: number }
  ).c;

  console.log(`\n## ${cases.toLocaleString()} cases (SQLite, ${RUNS} runs each, ms)`);
  console.log('| question | HTTP p50 | HTTP p95 | bare SQL p50 | bare SQL p95 | ratio p50 |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  // the fair client: one kept-alive connection, as a browser keeps one (fetch without keep-alive
  // pays a new TCP connection, ~1 ms, on every request)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (url: string) =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent, headers: { cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode} ${body}`));
            else resolve(JSON.parse(body));
          });
        })
        .on('error', reject);
    });
  for (const q of QUESTIONS) {
    const url = `${base}/trpc/${q.procedure}?input=${encodeURIComponent(JSON.stringify(q.input))}`;
    const bareSql = q.sql;
    const [httpTimes, bare] = bareSql
      ? await timePair(
          () => get(url),
          () => bareSql(sqlite, center),
          RUNS,
        )
      : [await time(() => get(url), RUNS), null];
    const f = (x: number) => x.toFixed(2);
    console.log(
      `| ${q.name} | ${f(percentile(httpTimes, 50))} | ${f(percentile(httpTimes, 95))} | ${bare ? f(percentile(bare, 50)) : '–'} | ${bare ? f(percentile(bare, 95)) : '–'} | ${bare ? (percentile(httpTimes, 50) / percentile(bare, 50)).toFixed(2) : '–'} |`,
    );
  }
  const scan = await time(() => sqlite.prepare(SCAN_SQL).all(center), 3);
  console.log(
    `\nfor reference, the same quarter's window efficiency as a scan of the cases table (no rollup): p50 ${percentile(scan, 50).toFixed(0)} ms`,
  );
  agent.destroy();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await handle.close();
}
