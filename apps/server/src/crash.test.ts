import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword, setPasswordCost } from '@chuangkou/api';
import {
  createTestDatabase,
  type DbRoot,
  insertPolicyVersion,
  insertUser,
  migrateToLatest,
  openDatabase,
  seedFixture,
  TEST_DIALECTS,
  type TTestDatabase,
} from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The crash test (issue 15 (c)): the real server process on a database of its own (a SQLite file, or a
 * PostgreSQL database of the run's), writes sent to it concurrently (conduct records, accepted cases),
 * the process killed with SIGKILL in the middle of them, several times over. After each kill the SQLite
 * file passes `PRAGMA integrity_check`, and on both dialects every write whose 200 answer reached the
 * client is in the database after the restart. Bounded: a fixed number of runs, each killed after a
 * fixed number of acknowledged writes (or a few seconds, whichever comes first).
 */
const RUNS = 5;
const TODAY = '2026-11-26';
const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(here, '..');
const repoRoot = path.resolve(serverDir, '../..');
/** The server and the workspace packages it runs on. */
const PACKAGE_DIRS = [
  'apps/server',
  'packages/api',
  'packages/db',
  'packages/bulletin',
  'packages/rules',
].map((dir) => path.join(repoRoot, dir));

/**
 * Bundles src/index.ts once (esbuild, as the command line is bundled): tsx compiles every start anew,
 * 12–21 s a start on a loaded machine, against about a second for the bundle. The workspace's own
 * TypeScript is bundled; the packages from the registry stay outside and are found through NODE_PATH.
 */
async function bundleServer(outDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const external = new Set<string>();
  for (const dir of PACKAGE_DIRS) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (!name.startsWith('@chuangkou/')) external.add(name).add(`${name}/*`);
    }
  }
  const outfile = path.join(outDir, 'server.cjs');
  await build({
    entryPoints: [path.join(serverDir, 'src/index.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: [...external],
    define: { 'import.meta.url': '__serverModuleUrl' },
    banner: { js: "const __serverModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'silent',
  });
  return outfile;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** how long each start took, for the report */
const startupMs: number[] = [];

interface TRunning {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
}

/** Starts `src/index.ts` as its own node process; resolves once it listens. */
async function startServer(bundle: string, dataDir: string, databaseUrl?: string): Promise<TRunning> {
  const port = await freePort();
  const child = spawn(process.execPath, [bundle], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_PATH: PACKAGE_DIRS.map((dir) => path.join(dir, 'node_modules')).join(path.delimiter),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DEMO: 'off',
      TODAY,
      WEB_DIST: path.join(dataDir, 'no-dashboard'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = Date.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        startupMs.push(Date.now() - started);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    );
  });
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

async function post(base: string, procedure: string, input: unknown, cookie?: string): Promise<Response> {
  return fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(input),
  });
}

async function login(base: string, username: string): Promise<string> {
  const res = await post(base, 'auth.login', { username, password: 'crash-test-pw' });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe.each(TEST_DIALECTS)('the server on %s killed with SIGKILL during writes', (dialect) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-crash-'));
  let staffIds: number[] = [];
  let running: TRunning | null = null;
  let bundle = '';
  /** the run's PostgreSQL database (the server connects to it; the test reads it after the kills) */
  let pgDatabase: TTestDatabase | undefined;
  const start = () => startServer(bundle, dataDir, pgDatabase?.databaseUrl);

  beforeAll(async () => {
    setPasswordCost(2 ** 12);
    startupMs.length = 0;
    bundle = await bundleServer(mkdtempSync(path.join(tmpdir(), 'ck-crash-bundle-')));
    if (dialect === 'postgres') pgDatabase = await createTestDatabase('postgres');
    const handle = pgDatabase ?? openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    const f = await seedFixture(handle.db);
    for (const p of Object.values(DEFAULT_POLICIES)) {
      await insertPolicyVersion(handle.db, {
        centerId: f.centerId,
        code: p.code,
        effectiveFrom: '2000-01-01',
        body: p,
        createdBy: null,
      });
    }
    const passwordHash = await hashPassword('crash-test-pw');
    await insertUser(handle.db, {
      centerId: f.centerId,
      username: 'crash.sup',
      passwordHash,
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    await insertUser(handle.db, {
      centerId: f.centerId,
      username: 'crash.clerk',
      passwordHash,
      role: 'staff',
      staffId: f.staff[1]!.id,
      displayName: '李四',
    });
    staffIds = f.staff.map((s) => s.id);
    if (!pgDatabase) await handle.close();
  });
  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await pgDatabase?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (bundle) rmSync(path.dirname(bundle), { recursive: true, force: true });
  });

  it('keeps every acknowledged write across kills, and an intact SQLite file', async () => {
    const acknowledged = { records: [] as number[], cases: [] as number[] };
    let sent = 0;
    let matterId = 0;
    const integrity: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      running = await start();
      const { base } = running;
      const supervisor = await login(base, 'crash.sup');
      const clerk = await login(base, 'crash.clerk');
      if (run === 0) {
        const res = await post(
          base,
          'cases.matters.create',
          {
            unitId: 1,
            name: '不动产转移登记',
            type: 'promised',
            promisedDays: 3,
            legalBasis: '《不动产登记暂行条例》第十七条',
            materials: ['不动产登记申请书'],
            procedure: '受理—审核—登簿—发证',
            fees: '80元/件',
            feeBasis: '发改价格规〔2016〕2559号',
            inquiryPhone: '0571-88000001',
            complaintPhone: '12345',
          },
          supervisor,
        );
        expect(res.status).toBe(200);
        matterId = ((await res.json()) as { result: { data: { id: number } } }).result.data.id;
      }
      // eight writers at once, until the kill: each keeps only what was answered 200
      const killAfter = 30 + run * 15;
      let acknowledgedThisRun = 0;
      let isKilled = false;
      const kill = () => {
        if (isKilled) return;
        isKilled = true;
        running!.child.kill('SIGKILL');
      };
      const writer = async (w: number) => {
        for (let i = 0; !isKilled; i++) {
          sent += 1;
          const isRecord = (w + i) % 2 === 0;
          try {
            const res = isRecord
              ? await post(
                  base,
                  'records.create',
                  { staffId: staffIds[i % staffIds.length], item: 'C4', date: '2026-11-02' },
                  supervisor,
                )
              : await post(
                  base,
                  'cases.accept',
                  { matterId, on: TODAY, applicantName: '王小明', applicantPhone: '13800000000' },
                  clerk,
                );
            if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
            const data = ((await res.json()) as { result: { data: { id?: number; case?: { id: number } } } })
              .result.data;
            // records.create answers the record, cases.accept the case and its receipt
            const id = isRecord ? data.id : data.case?.id;
            if (typeof id !== 'number') throw new Error(`no id in the answer: ${JSON.stringify(data)}`);
            (isRecord ? acknowledged.records : acknowledged.cases).push(id);
            acknowledgedThisRun += 1;
            if (acknowledgedThisRun >= killAfter) kill();
          } catch (e) {
            // a connection cut by the kill is not acknowledged; anything else is a failure
            if (!isKilled) throw e;
          }
        }
      };
      const timer = setTimeout(kill, 20_000);
      await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
      clearTimeout(timer);
      await running.exited;
      expect(running.child.signalCode).toBe('SIGKILL');
      // the SQLite file as the killed process left it (its WAL not checkpointed)
      if (dialect === 'sqlite') {
        const handle = openDatabase({ dataDir });
        integrity.push(String(handle.sqlite!.pragma('integrity_check', { simple: true })));
        await handle.close();
      }
    }

    // the last restart: everything acknowledged is there, read through the server's own answers too
    running = await start();
    const health = await fetch(`${running.base}/api/health`);
    expect(health.status).toBe(200);
    running.child.kill('SIGTERM');
    await running.exited;
    const handle = pgDatabase ?? openDatabase({ dataDir });
    const db: DbRoot = handle.db;
    const records = new Set((await db.selectFrom('conduct_records').select('id').execute()).map((r) => r.id));
    const cases = new Set((await db.selectFrom('cases').select('id').execute()).map((r) => r.id));
    if (dialect === 'sqlite') {
      integrity.push(String(handle.sqlite!.pragma('integrity_check', { simple: true })));
      await handle.close();
    }
    const lost = [
      ...acknowledged.records.filter((id) => !records.has(id)).map((id) => `record ${id}`),
      ...acknowledged.cases.filter((id) => !cases.has(id)).map((id) => `case ${id}`),
    ];
    const total = acknowledged.records.length + acknowledged.cases.length;
    console.info(
      `crash on ${dialect}: ${RUNS} kill -9 runs, ${sent} writes sent, ${total} acknowledged (${acknowledged.records.length} records, ${acknowledged.cases.length} cases), ${lost.length} lost; starts took ${startupMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
    );
    expect(integrity).toEqual(dialect === 'sqlite' ? Array(RUNS + 1).fill('ok') : []);
    expect(total).toBeGreaterThanOrEqual(RUNS * 30);
    expect(lost).toEqual([]);
  }, 300_000);
});
