/**
 * `pnpm bench` (apps/server): the analytics procedures through HTTP against the bare SQL of the same
 * question on the same SQLite database, in the same run, at 1 and 10 million cases.
 *
 * The bare SQL of a question is the statements its procedure sends, replayed on the raw driver (see
 * `bareSqlOf`). Both sides are warmed up first and then timed run by run, alternating.
 *
 * The server runs twice per size: as its own process (as in production) and inside the bench process
 * (both sides then run at one process's speed; see `serverInProcess`). BENCH_SERVER=process,same.
 *
 * BENCH_SIZES=1000000,10000000 (default) · BENCH_RUNS=200 · BENCH_WARMUP_MS=1500 · BENCH_DIR=/tmp/ck-bench
 * (databases are kept there and reused when their size matches, since generating 10 M cases takes minutes).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCaller, createContextInner, hashPassword } from '@chuangkou/api';
import {
  type DB,
  findUser,
  generateDemo,
  insertUser,
  migrateToLatest,
  openDatabase,
  type TDatabase,
  type TUser,
} from '@chuangkou/db';
import type SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createServer } from '../src/server.ts';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** warm-up per question before timing: a server in service has run its code paths many times (JIT) */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const DIR = process.env.BENCH_DIR ?? '/tmp/ck-bench';
const TODAY = '2026-11-26';
/** cases at scale 1 (two years of the demo center) */
const CASES_AT_SCALE_1 = 743_375;

interface TQuestion {
  name: string;
  procedure: string;
  input: Record<string, unknown>;
  /** compare with bare SQL (false: the rules engine runs in JS, there is no SQL of the same question) */
  hasBare: boolean;
}

const QUESTIONS: TQuestion[] = [
  {
    name: 'window efficiency, a quarter',
    procedure: 'windowEfficiency',
    input: { year: 2026, quarter: 3 },
    hasBare: true,
  },
  {
    name: 'complaint rate, a month',
    procedure: 'complaintRate',
    input: { year: 2026, month: 10 },
    hasBare: true,
  },
  {
    name: 'trends, a year by month (and the year before)',
    procedure: 'trends',
    input: { year: 2026 },
    hasBare: true,
  },
  { name: 'red-flag awards, a year', procedure: 'awards', input: { year: 2026 }, hasBare: true },
  { name: 'peer tiers, a quarter', procedure: 'peerTiers', input: { year: 2026, quarter: 3 }, hasBare: true },
  {
    name: 'grades, a quarter (rules engine, live draft)',
    procedure: 'grades',
    input: { year: 2026, quarter: 3 },
    hasBare: false,
  },
];

type TBare = () => void;

/**
 * The bare SQL of a question: the very statements the procedure sends (caught from Kysely's query log
 * while calling it in this process, caches warm), prepared once on the raw better-sqlite3 handle and replayed
 * with the same parameters. So the ratio is what the API adds (tRPC, HTTP, JSON, Kysely, the shaping
 * in JS) to the database's own work, and not a comparison with differently written SQL.
 */
async function bareSqlOf(sqlite: SQLite.Database, user: TUser, q: TQuestion): Promise<TBare> {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  const caller = createCaller(createContextInner({ db: logged, user, today: () => TODAY }));
  const ask = () =>
    (caller.analytics as Record<string, (input: unknown) => Promise<unknown>>)[q.procedure]!(q.input);
  // the second call's statements: a server in service has its caches warm (a policy version's body
  // is read once, then only which version is in force)
  await ask();
  statements.length = 0;
  await ask();
  const prepared = statements.map((s) => ({ stmt: sqlite.prepare(s.sql), parameters: s.parameters }));
  return () => {
    for (const { stmt, parameters } of prepared) stmt.all(...(parameters as unknown[]));
  };
}

const SCAN_SQL =
  "select window_id, count(*), sum(case when decided_on is not null and overdue_days = 0 then 1 else 0 end), sum(overdue_days) from cases where center_id = ? and received_on between '2026-07-01' and '2026-09-30' group by window_id";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function warmUp(...fns: (() => unknown | Promise<unknown>)[]): Promise<void> {
  const until = performance.now() + WARMUP_MS;
  for (let i = 0; i < 20 || performance.now() < until; i++) for (const fn of fns) await fn();
}

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  await warmUp(fn);
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
 * shared machine (timing one after the other let a busy minute fall on one side only). Alternating in
 * blocks of 20 instead gave the same ratios (measured), so the simpler order stays.
 */
async function timePair(
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  runs: number,
): Promise<[number[], number[]]> {
  await warmUp(a, b);
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

/** A running server: its base URL and how to stop it. */
interface TRunning {
  base: string;
  stop(): Promise<void>;
}

/** The server as its own process, as in production (`pnpm start`), on the same database file. */
async function serverProcess(size: number): Promise<TRunning> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
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
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * The same server in this process, on its own connection to the database file, still reached over
 * HTTP on a socket. On this shared machine two processes can run the same code at speeds 50 % apart
 * (measured: 3.7 and 5.4 ms for one procedure in two runs of one script), so a ratio between two
 * processes is partly a ratio of their luck; in one process both sides share it.
 */
async function serverInProcess(size: number): Promise<TRunning> {
  const own = openDatabase({ dataDir: path.join(DIR, String(size)) });
  const server = createServer({
    db: own.db,
    webDist: path.join(DIR, 'no-dashboard'),
    maxBodyBytes: 1_000_000,
    maxBatchSize: 50,
    isSecure: false,
    today: () => TODAY,
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await own.close();
    },
  };
}

const PLACEMENTS = (process.env.BENCH_SERVER ?? 'process,same').split(',') as ('process' | 'same')[];

for (const size of SIZES) {
  const handle = await prepare(size);
  const sqlite = handle.sqlite!;
  const cases = (sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
  const benchUser = await findUser(
    handle.db,
    (sqlite.prepare('select id from users where username = ?').get('bench') as { id: number }).id,
  );
  const center = benchUser!.centerId;
  for (const placement of PLACEMENTS) {
    const running = placement === 'process' ? await serverProcess(size) : await serverInProcess(size);
    const { base } = running;
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const where = placement === 'process' ? 'server in its own process' : 'server in the bench process';
    console.log(
      `\n## ${cases.toLocaleString()} cases, ${where} (SQLite, ${RUNS} runs each after warm-up, ms)`,
    );
    console.log(
      '| question | HTTP p50 | HTTP p95 | bare SQL p50 | bare SQL p95 | ratio p50 | added by the API, p50 |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
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
    const f = (x: number) => x.toFixed(2);
    for (const q of QUESTIONS) {
      const url = `${base}/trpc/analytics.${q.procedure}?input=${encodeURIComponent(JSON.stringify(q.input))}`;
      const bareSql = q.hasBare ? await bareSqlOf(sqlite, benchUser!, q) : null;
      const [httpTimes, bare] = bareSql
        ? await timePair(() => get(url), bareSql, RUNS)
        : [await time(() => get(url), RUNS), null];
      console.log(
        `| ${q.name} | ${f(percentile(httpTimes, 50))} | ${f(percentile(httpTimes, 95))} | ${bare ? f(percentile(bare, 50)) : '–'} | ${bare ? f(percentile(bare, 95)) : '–'} | ${bare ? (percentile(httpTimes, 50) / percentile(bare, 50)).toFixed(2) : '–'} | ${bare ? f(percentile(httpTimes, 50) - percentile(bare, 50)) : '–'} |`,
      );
    }
    // the floor under every row: one HTTP round trip on the same connection that does nothing
    const floor = await time(() => get(`${base}/api/health`), RUNS);
    console.log(
      `\nthe HTTP floor (GET /api/health on the same kept-alive connection): p50 ${f(percentile(floor, 50))} ms, p95 ${f(percentile(floor, 95))} ms`,
    );
    agent.destroy();
    await running.stop();
  }
  const scan = await time(() => sqlite.prepare(SCAN_SQL).all(center), 3);
  console.log(
    `\nfor reference, the same quarter's window efficiency as a scan of the cases table (no rollup): p50 ${percentile(scan, 50).toFixed(0)} ms`,
  );
  await handle.close();
}
