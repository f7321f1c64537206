import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { insertUser, migrateToLatest, openDatabase, seedFixture } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WORKED from '../../../examples/worked-example.json' with { type: 'json' };
import { isFresh, readManifest } from '../scripts/cli-bundle.mjs';

const BIN = resolve(import.meta.dirname, '../bin/chuangkou.mjs');
const DIST = resolve(import.meta.dirname, '../dist');
const dir = mkdtempSync(join(tmpdir(), 'chuangkou-bin-'));

/** `node apps/cli/bin/chuangkou.mjs …` from `cwd`, without pnpm (and without pnpm's INIT_CWD). */
function bin(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  delete env.INIT_CWD;
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: opts.cwd ?? dir, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bin (bundle)', () => {
  it('assesses a scenario given relative to the directory it runs in', async () => {
    writeFileSync(join(dir, 'worked.json'), JSON.stringify(WORKED));
    const r = await bin(['assess', 'worked.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { staff: string }) => x.staff)).toStrictEqual(['s2', 's1']);
  });

  it('prints the usage of the commands loaded on demand', async () => {
    const bulletin = await bin(['bulletin', '--help']);
    expect(bulletin.code).toBe(0);
    expect(bulletin.stdout).toContain('巡查值班记录表');
    const cases = await bin(['cases', '--help']);
    expect(cases.code).toBe(0);
    expect(cases.stdout).toContain('cases import FILE');
  });

  it('refuses an unknown command with one line and exit 1', async () => {
    const r = await bin(['nothing']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown command "nothing"');
  });

  it('is current after a run: built from the workspace sources, every one unchanged since', async () => {
    await bin(['--help']);
    const manifest = readManifest();
    expect(manifest).not.toBeNull();
    const files = manifest!.inputs.map(([file]) => file);
    expect(files).toContain('apps/cli/src/main.ts');
    expect(files).toContain('packages/rules/src/index.ts');
    expect(files).toContain('pnpm-lock.yaml');
    expect(files.filter((f) => f.includes('node_modules/'))).toStrictEqual([]);
    expect(isFresh(manifest)).toBe(true);
  });

  it('keeps V8’s code cache beside the bundle and reuses it', async () => {
    await bin(['--help']);
    const cache = join(DIST, `${readManifest()!.entry}.cache`);
    const stored = statSync(cache);
    expect(stored.size).toBeGreaterThan(10_000);
    const r = await bin(['--help']);
    expect(r.code).toBe(0);
    // an accepted cache is not written again
    expect(statSync(cache).mtimeMs).toBe(stored.mtimeMs);
  });
});

describe('the bin with a database', () => {
  const dataDir = join(dir, 'data');
  beforeAll(async () => {
    mkdirSync(dataDir);
    const h = openDatabase({ dataDir });
    await migrateToLatest(h.db);
    const f = await seedFixture(h.db);
    await insertUser(h.db, {
      centerId: f.centerId,
      username: 'supervisor',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    await insertUser(h.db, {
      centerId: f.centerId,
      username: 'admin',
      passwordHash: 'x',
      role: 'admin',
      staffId: null,
      displayName: '管理员',
    });
    await h.close();
  });

  it('writes a bulletin (SQLite driver and exceljs from the bundle)', async () => {
    const out = join(dir, 'patrol.xlsx');
    const r = await bin(['bulletin', 'patrol', '--out', out], {
      env: { DATA_DIR: dataDir, TODAY: '2026-11-26' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    expect(statSync(out).size).toBeGreaterThan(3000);
  });

  it('refuses a flag that does not apply with exactly one line on stderr and nothing on stdout', async () => {
    for (const args of [
      ['bulletin', 'fines', '--quarter', '3'],
      ['bulletin', 'results', '--month', '10'],
      ['bulletin', 'behaviours', '--quarter', '3', '--month', '10'],
      ['bulletin', 'results', '--year'],
    ]) {
      const r = await bin(args, { env: { DATA_DIR: dataDir, TODAY: '2026-11-26' } });
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(r.stderr).toMatch(/^[^\n]+\n$/);
    }
  });

  it('lists the open cases’ alerts (api from the bundle)', async () => {
    const r = await bin(['cases', 'overdue', '--today', '2026-11-26'], { env: { DATA_DIR: dataDir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('0 条预警\n');
  });

  it('imports an XLSX file: the template it wrote, dry run then commit (exceljs reading from the bundle)', async () => {
    const env = { DATA_DIR: dataDir, TODAY: '2026-11-26' };
    const template = await bin(['import', 'matters', '--template', 'matters.xlsx'], { env });
    expect(template.stderr).toBe('');
    expect(template.code).toBe(0);
    const dry = await bin(['import', 'matters', 'matters.xlsx', '--dry-run'], { env });
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toBe('1 行：新增事项 1 项、修改 0 项，已存在未变 0 项（试运行，未写入）\n');
    expect(dry.code).toBe(0);
    const commit = await bin(['import', 'matters', 'matters.xlsx'], { env });
    expect(commit.stdout).toBe('1 行：新增事项 1 项、修改 0 项，已存在未变 0 项\n');
    expect(commit.code).toBe(0);
    const again = await bin(['import', 'matters', 'matters.xlsx'], { env });
    expect(again.stdout).toBe('1 行：新增事项 0 项、修改 0 项，已存在未变 1 项\n');
  });
});

describe('isFresh', () => {
  const root = join(dir, 'fresh');
  const dist = join(root, 'dist');
  beforeAll(() => {
    mkdirSync(join(dist, 'build-1'), { recursive: true });
    writeFileSync(join(dist, 'build-1', 'main.mjs'), '');
    writeFileSync(join(root, 'a.ts'), 'export const a = 1;');
  });
  const manifestOf = (file = 'a.ts') => {
    const s = statSync(join(root, file));
    return { entry: 'build-1/main.mjs', inputs: [[file, s.mtimeMs, s.size] as [string, number, number]] };
  };

  it('holds while every input has its size and mtime', () => {
    expect(isFresh(manifestOf(), root, dist)).toBe(true);
  });
  it('fails when an input changed, vanished, or the build is gone', () => {
    const before = manifestOf();
    writeFileSync(join(root, 'a.ts'), 'export const a = 22;');
    expect(isFresh(before, root, dist)).toBe(false);
    expect(isFresh({ ...manifestOf(), inputs: [['gone.ts', 0, 0]] }, root, dist)).toBe(false);
    expect(isFresh({ ...manifestOf(), entry: 'build-2/main.mjs' }, root, dist)).toBe(false);
    expect(isFresh(null, root, dist)).toBe(false);
  });
});
