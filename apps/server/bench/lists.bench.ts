/**
 * `pnpm --filter @chuangkou/server exec tsx bench/lists.bench.ts`: issue 15's "no request may stall the
 * server", at BENCH_LIST_CASES cases (10 M by default), SQLite, the server in the bench process.
 *
 * 1. Every list page through the API (HTTP GET on the server, a session cookie, as the dashboard asks)
 *    beside the bare SQL of the same call: the statements the procedure sends, captured from the same
 *    call and replayed on the raw driver (prepared before timing), page by page, alternating. 40 pages
 *    of 200 walked with the cursor, newest first; p50 of each and the ratio.
 * 2. The event-loop delay (perf_hooks.monitorEventLoopDelay, in the server's process) while hostile
 *    clients (BENCH_LIST_HOSTILE child processes, 4 by default) send back to back the worst request
 *    they can: one batch of 20 unfiltered `cases.list` pages of 200 as 审管科. Beside it, the baseline:
 *    the same loop running back to back the bare SQL the same batch sends (and an idle loop). p99 each.
 *
 * The database: BENCH_LIST_DIR/<cases>/chuangkou.sqlite, kept and reused. Built once from a demo
 * database (BENCH_LIST_SOURCE: the shared analytics bench database /tmp/ck-bench/10000000 when it is
 * there, else any demo database) by copying it and multiplying its rows in SQL up to the sizes below,
 * then migrated (the page indexes) and analysed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCaller, createContextInner, hashPassword } from '@chuangkou/api';
import {
  type DB,
  findUserForLogin,
  insertUser,
  migrateToLatest,
  openDatabase,
  type TUser,
} from '@chuangkou/db';
import type SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createServer } from '../src/server.ts';

const CASES = Number(process.env.BENCH_LIST_CASES ?? 10_000_000);
const RECORDS = Number(process.env.BENCH_LIST_RECORDS ?? 1_000_000);
const COMPLAINTS = Number(process.env.BENCH_LIST_COMPLAINTS ?? 200_000);
const AUDIT = Number(process.env.BENCH_LIST_AUDIT ?? 2_000_000);
const SOURCE =
  process.env.BENCH_LIST_SOURCE ??
  (existsSync('/tmp/ck-bench/10000000/chuangkou.sqlite')
    ? '/tmp/ck-bench/10000000/chuangkou.sqlite'
    : '/tmp/ck-bench-i15a/base/chuangkou.sqlite');
const DIR = process.env.BENCH_LIST_DIR ?? '/tmp/ck-bench-lists';
const PAGES = Number(process.env.BENCH_LIST_PAGES ?? 40);
const PAGE = 200;
const HOSTILE = Number(process.env.BENCH_LIST_HOSTILE ?? 4);
const LOOP_MS = Number(process.env.BENCH_LIST_LOOP_MS ?? 20_000);
const TODAY = '2026-11-26';
const PASSWORD = 'bench-password';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Grows `table` to `target` rows by copying its rows (`expr` per column, `n.i` the copy's number). */
function grow(
  sqlite: SQLite.Database,
  table: string,
  target: number,
  expr: (column: string) => string,
): void {
  const have = (sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  if (have === 0 || have >= target) return;
  const columns = (sqlite.prepare('select name from pragma_table_info(?)').all(table) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id');
  const t0 = performance.now();
  // doubling: each round copies every row there is (or what is missing to the target)
  for (let i = 1, n = have; n < target; i++) {
    const rows = Math.min(n, target - n);
    const maxId = (sqlite.prepare(`select max(id) m from ${table}`).get() as { m: number }).m;
    sqlite
      .prepare(
        `insert into ${table} (${columns.join(', ')})
         select ${columns.map((c) => expr(c).replaceAll('n.i', String(i))).join(', ')}
         from ${table} where id <= ? order by id limit ?`,
      )
      .run(maxId, rows);
    n += rows;
    log(`  ${table}: ${n.toLocaleString()} rows`);
  }
  log(`  ${table}: ${target.toLocaleString()} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function prepare(): Promise<{ handle: ReturnType<typeof openDatabase>; centerId: number }> {
  const dir = path.join(DIR, String(CASES));
  const file = path.join(dir, 'chuangkou.sqlite');
  const ready = path.join(dir, 'ready');
  if (!existsSync(ready)) {
    mkdirSync(dir, { recursive: true });
    log(`copying ${SOURCE}`);
    // the file and its write-ahead log (replayed on open)
    // (a build stopped half-way goes on from where it was: `grow` counts what is there)
    if (!existsSync(file)) {
      copyFileSync(SOURCE, file);
      if (existsSync(`${SOURCE}-wal`)) copyFileSync(`${SOURCE}-wal`, `${file}-wal`);
    }
    const grown = openDatabase({ dataDir: dir });
    const sqlite = grown.sqlite!;
    sqlite.pragma('synchronous = OFF');
    // the cases: copies a day older per copy, with their own acceptance codes
    grow(sqlite, 'cases', CASES, (c) =>
      c === 'acceptance_code'
        ? `case when acceptance_code is null then null else 'C' || n.i || '-' || acceptance_code end`
        : c === 'query_password_hash'
          ? 'null'
          : c,
    );
    // records and complaints: copies spread over the two years before their date
    const older = (c: string) => `date(${c}, '-' || ((n.i * 7 + id) % 700) || ' days')`;
    grow(sqlite, 'conduct_records', RECORDS, (c) =>
      c === 'date' ? older('date') : c === 'complaint_id' ? 'null' : c,
    );
    grow(sqlite, 'complaints', COMPLAINTS, (c) =>
      c === 'date' ? older('date') : c === 'record_id' ? 'null' : c,
    );
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await grown.close();
    const handle = openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    const s = handle.sqlite!;
    const centerId = (s.prepare('select id from centers order by id limit 1').get() as { id: number }).id;
    const staff = s
      .prepare('select id, window_id from staff where center_id = ? order by id')
      .all(centerId) as {
      id: number;
      window_id: number;
    }[];
    const head = staff.find((x) => x.window_id === staff[0]!.window_id)!;
    const hash = await hashPassword(PASSWORD);
    for (const [username, role, staffId] of [
      ['bench_supervisor', 'supervisor', null],
      ['bench_leader', 'leader', null],
      ['bench_head', 'head', head.id],
      ['bench_staff', 'staff', staff[1]!.id],
    ] as const)
      if (!(await findUserForLogin(handle.db, username)))
        await insertUser(handle.db, {
          centerId,
          username,
          passwordHash: hash,
          role,
          staffId,
          displayName: username,
        });
    // the audit log: every write is in it; one entry per record and case change at this size
    const haveAudit = (s.prepare('select count(*) n from audit_log').get() as { n: number }).n;
    if (haveAudit < AUDIT) {
      const t0 = performance.now();
      s.prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
         insert into audit_log (center_id, user_id, at, entity, entity_id, action, before, after)
         select ?, null, strftime('%Y-%m-%dT%H:%M:%fZ', '2024-11-01', '+' || (i * 30) || ' seconds'),
                case i % 3 when 0 then 'record' when 1 then 'case' else 'complaint' end, cast(i % 50000 as text),
                case i % 2 when 0 then 'create' else 'update' end, null, '{"bench":true}'
         from n`,
      ).run(AUDIT - haveAudit, centerId);
      log(`  audit_log: ${AUDIT.toLocaleString()} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    s.pragma('wal_checkpoint(TRUNCATE)');
    log('  analyze');
    // statistics from a sample of each index: a full analyze of 10 M rows takes minutes
    s.pragma('analysis_limit = 1000');
    s.exec('analyze');
    writeFileSync(ready, new Date().toISOString());
    await handle.close();
  }
  const handle = openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  const centerId = (
    handle.sqlite!.prepare('select id from centers order by id limit 1').get() as { id: number }
  ).id;
  return { handle, centerId };
}

const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const { handle } = await prepare();
const { db } = handle;
const sqlite = handle.sqlite!;
const counts = Object.fromEntries(
  ['cases', 'conduct_records', 'complaints', 'audit_log'].map((t) => [
    t,
    (sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n,
  ]),
);
console.log(
  `# Lists at ${counts.cases!.toLocaleString()} cases (${counts.conduct_records!.toLocaleString()} records, ${counts.complaints!.toLocaleString()} complaints, ${counts.audit_log!.toLocaleString()} audit entries), SQLite`,
);

const server = createServer({
  db,
  webDist: path.join(DIR, 'no-web'),
  maxBodyBytes: 1_000_000,
  maxBatchSize: 20,
  isSecure: false,
  today: () => TODAY,
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function login(username: string): Promise<{ cookie: string; user: TUser }> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    user: (await findUserForLogin(db, username))!.user,
  };
}

function get(url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { agent, headers: { cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      })
      .on('error', reject);
  });
}

/** The statements a call sends (the procedure, its scope checks, the repository), on the raw driver. */
async function bareOf(user: TUser, call: (c: ReturnType<typeof createCaller>) => Promise<unknown>) {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  await call(createCaller(createContextInner({ db: logged, user, today: () => TODAY })));
  const prepared = statements.map((s) => ({ stmt: sqlite.prepare(s.sql), parameters: s.parameters }));
  return () => {
    for (const { stmt, parameters } of prepared)
      if (stmt.reader) stmt.all(...(parameters as unknown[]));
      else stmt.run(...(parameters as unknown[]));
  };
}

interface TList {
  name: string;
  who: string;
  path: string;
  input: (cursor: Record<string, unknown> | undefined) => Record<string, unknown>;
  cursorOf: (row: { id: number; date?: string }) => Record<string, unknown>;
}
const byId = (row: { id: number }) => ({ beforeId: row.id });
const byDate = (row: { id: number; date?: string }) => ({ before: { date: row.date, id: row.id } });
const LISTS: TList[] = [
  {
    name: 'cases.list',
    who: 'bench_supervisor',
    path: 'cases.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byId,
  },
  {
    name: 'cases.list',
    who: 'bench_head',
    path: 'cases.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byId,
  },
  {
    name: 'cases.list',
    who: 'bench_staff',
    path: 'cases.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byId,
  },
  {
    name: 'records.list',
    who: 'bench_supervisor',
    path: 'records.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byDate,
  },
  {
    name: 'records.list',
    who: 'bench_head',
    path: 'records.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byDate,
  },
  {
    name: 'records.list',
    who: 'bench_staff',
    path: 'records.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byDate,
  },
  {
    name: 'complaints.list',
    who: 'bench_supervisor',
    path: 'complaints.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byDate,
  },
  {
    name: 'complaints.list',
    who: 'bench_staff',
    path: 'complaints.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byDate,
  },
  {
    name: 'audit.list',
    who: 'bench_leader',
    path: 'audit.list',
    input: (c) => ({ limit: PAGE, ...c }),
    cursorOf: byId,
  },
  {
    name: 'audit.list {entity: record}',
    who: 'bench_leader',
    path: 'audit.list',
    input: (c) => ({ entity: 'record', limit: PAGE, ...c }),
    cursorOf: byId,
  },
];

const sessions = new Map<string, { cookie: string; user: TUser }>();
for (const who of new Set(LISTS.map((l) => l.who))) sessions.set(who, await login(who));

console.log(`\n## Every list page (${PAGES} pages of ${PAGE}, newest first, walked with the cursor; ms)`);
console.log('| list | as | API p50 | API p95 | bare SQL p50 | bare SQL p95 | ratio p50 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const list of LISTS) {
  const { cookie, user } = sessions.get(list.who)!;
  const call = (c: ReturnType<typeof createCaller>, input: Record<string, unknown>) =>
    (c as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[
      list.path.split('.')[0]!
    ]![list.path.split('.')[1]!]!(input);
  const viaApi: number[] = [];
  const viaSql: number[] = [];
  let cursor: Record<string, unknown> | undefined;
  for (let i = -3; i < PAGES; i++) {
    const input = list.input(cursor);
    const bare = await bareOf(user, (c) => call(c, input));
    const url = `/trpc/${list.path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const t0 = performance.now();
    const res = await get(url, cookie);
    const t1 = performance.now();
    bare();
    const t2 = performance.now();
    if (res.status !== 200) throw new Error(`${list.name}: ${res.status} ${res.body.slice(0, 300)}`);
    const rows = JSON.parse(res.body).result.data as { id: number; date?: string }[];
    if (i >= 0) {
      viaApi.push(t1 - t0);
      viaSql.push(t2 - t1);
    }
    // the first pages warm up (JIT), then start again from the newest
    if (i < 0) continue;
    if (rows.length < PAGE) break;
    cursor = list.cursorOf(rows[rows.length - 1]!);
  }
  const [a, b] = [p(viaApi, 0.5), p(viaSql, 0.5)];
  console.log(
    `| ${list.name} | ${list.who.replace('bench_', '')} | ${a.toFixed(1)} | ${p(viaApi, 0.95).toFixed(1)} | ${b.toFixed(1)} | ${p(viaSql, 0.95).toFixed(1)} | ${(a / b).toFixed(1)}× |`,
  );
}

// the worst request: a batch of 20 unfiltered pages of 200 of the largest list, as 审管科
const worstPaths = Array.from({ length: 20 }, () => 'cases.list');
const worstInput = Object.fromEntries(worstPaths.map((_, i) => [i, { limit: PAGE }]));
const worstUrl = `/trpc/${worstPaths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(worstInput))}`;
const sup = sessions.get('bench_supervisor')!;
const probe = await get(worstUrl, sup.cookie);
const answers = JSON.parse(probe.body) as {
  result?: { data: unknown[] };
  error?: { data?: { httpStatus?: number } };
}[];
const served = answers.filter((a) => a.result).length;
const servedRows = answers.reduce((n, a) => n + (a.result?.data.length ?? 0), 0);
console.log(
  `\nThe worst request (20 × cases.list {limit: 200} as 审管科, ${(worstUrl.length / 1024).toFixed(1)} kB URL): HTTP ${probe.status}, ${served} calls served (${servedRows} rows, ${(probe.body.length / 1024).toFixed(0)} kB), ${answers.length - served} refused 413.`,
);

/** The loop delay (ms) while `during` runs for LOOP_MS. */
async function loopDelay(
  during: (until: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await during(performance.now() + LOOP_MS);
  h.disable();
  return { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

// baseline: the same batch's bare SQL back to back on this loop (what a request cannot do faster)
const worstBare = await (async () => {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  const caller = createCaller(createContextInner({ db: logged, user: sup.user, today: () => TODAY }));
  await Promise.allSettled(worstPaths.map(() => caller.cases.list({ limit: PAGE })));
  const prepared = statements.map((s) => ({ stmt: sqlite.prepare(s.sql), parameters: s.parameters }));
  return () => {
    for (const { stmt, parameters } of prepared) stmt.all(...(parameters as unknown[]));
  };
})();
const idle = await loopDelay((until) => new Promise((r) => setTimeout(r, until - performance.now())));
const bareLoop = await loopDelay(async (until) => {
  while (performance.now() < until) {
    worstBare();
    await new Promise((r) => setImmediate(r));
  }
});
// the hostile clients: child processes, each sending the worst request back to back
const hostileScript = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let n = 0, bytes = 0; const statuses = {};
const until = Date.now() + Number(process.argv[3]);
(function again() {
  // exit once the line is written: stdout to a pipe is asynchronous, and an exit before it can cut it
  if (Date.now() > until) { process.stdout.write(JSON.stringify({ n, bytes, statuses }) + '\\n', () => process.exit(0)); return; }
  http.get(process.argv[1] + process.argv[2], { agent, headers: { cookie: process.argv[4] } }, (res) => {
    statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
    res.on('data', (c) => { bytes += c.length; });
    res.on('end', () => { n++; again(); });
  }).on('error', (e) => { console.error(e.message); process.exit(1); });
})();`;
const healthTimes: number[] = [];
const hostileLoop = await loopDelay(async (until) => {
  const children = Array.from({ length: HOSTILE }, () =>
    spawn(process.execPath, ['-e', hostileScript, base, worstUrl, String(LOOP_MS), sup.cookie], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map(
    (c) =>
      new Promise<string>((resolve) => {
        let out = '';
        c.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
        });
        c.on('exit', () => resolve(out));
      }),
  );
  // a fair client meanwhile: the health check, one at a time
  const fair = new http.Agent({ keepAlive: true, maxSockets: 1 });
  while (performance.now() < until) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${base}/api/health`, { agent: fair }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        })
        .on('error', reject),
    );
    healthTimes.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  const results = (await Promise.all(outputs)).map(
    (o) => JSON.parse(o) as { n: number; statuses: Record<string, number> },
  );
  const total = results.reduce((n, r) => n + r.n, 0);
  console.log(
    `Hostile clients: ${HOSTILE} processes sent ${total} worst requests in ${(LOOP_MS / 1000).toFixed(0)} s (statuses ${JSON.stringify(results.map((r) => r.statuses))}).`,
  );
});
console.log(
  `\n## Event-loop delay of the server's process (monitorEventLoopDelay, ${(LOOP_MS / 1000).toFixed(0)} s each; ms)`,
);
console.log('| while | p50 | p99 | max | p99 ratio to bare SQL |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, d] of [
  ['idle', idle],
  ['the worst batch’s bare SQL, back to back (baseline)', bareLoop],
  [`${HOSTILE} hostile clients sending the worst batch back to back, through the API`, hostileLoop],
] as const)
  console.log(
    `| ${name} | ${d.p50.toFixed(1)} | ${d.p99.toFixed(1)} | ${d.max.toFixed(1)} | ${(d.p99 / bareLoop.p99).toFixed(1)}× |`,
  );
console.log(
  `Meanwhile /api/health from a fair client: p50 ${p(healthTimes, 0.5).toFixed(1)} ms, p99 ${p(healthTimes, 0.99).toFixed(1)} ms (${healthTimes.length} requests).`,
);
server.close();
agent.destroy();
await handle.close();
process.exit(0);
