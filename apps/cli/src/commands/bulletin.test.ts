import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, migrateToLatest, openDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBulletin } from './bulletin.ts';

const TODAY = '2026-11-26';
const dataDir = mkdtempSync(join(tmpdir(), 'cli-bulletin-data-'));
const outDir = mkdtempSync(join(tmpdir(), 'cli-bulletin-out-'));
const env = { DATA_DIR: dataDir, INIT_CWD: outDir, TODAY };

/** Runs the command, capturing stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await runBulletin(argv, env), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('runBulletin', () => {
  beforeAll(async () => {
    const handle = openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    await generateDemo(handle.db, { today: TODAY, caseFraction: 0.01 });
    await handle.close();
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the last ended quarter by default and prints the path', async () => {
    const { code, out, err } = await run(['results']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toBe(join(outDir, '2026年第三季度考核结果公示.xlsx'));
    expect(statSync(out.trim()).size).toBeGreaterThan(5000);
  });

  it('writes every kind to the file given', async () => {
    const cases = [
      ['behaviours', '--year', '2026', '--month', '10'],
      ['fines', '--year', '2026', '--month', '10'],
      ['patrol'],
      ['awards', '--year', '2025'],
      ['yearend', '--year', '2025'],
    ];
    for (const args of cases) {
      const file = `${args[0]}.xlsx`;
      const { code, err } = await run([...args, '--out', file]);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(statSync(join(outDir, file)).size).toBeGreaterThan(5000);
    }
  });

  it('refuses a period that has not begun, or one without results, in one line, writing nothing', async () => {
    const future = await run(['results', '--year', '2027', '--quarter', '2', '--out', 'none.xlsx']);
    expect(future).toMatchObject({ code: 1, err: `quarter：2027年第2季度尚未开始（今天是 ${TODAY}）\n` });
    const empty = await run(['awards', '--year', '2026', '--month', '11', '--out', 'none.xlsx']);
    expect(empty).toMatchObject({ code: 1, err: '2026年11月没有评出红旗窗口\n' });
    expect(readdirSync(outDir)).not.toContain('none.xlsx');
  });

  it('refuses an unknown kind and a bad flag in one line', async () => {
    expect(await run(['minutes'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^未知的通报类型“minutes”.*\n$/),
    });
    expect(await run(['results', '--quarter', '5'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--quarter'),
    });
  });

  it('refuses a flag its kind does not read, naming it, instead of ignoring it', async () => {
    expect(await run(['fines', '--quarter', '3', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: 'fines 不接受 --quarter（可用：--year --month --out --center）\n',
    });
    expect(await run(['results', '--month', '10', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^results 不接受 --month（.*）\n$/),
    });
    expect(await run(['behaviours', '--quarter', '3', '--month', '10', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: 'behaviours 只接受 --quarter 或 --month 其中之一\n',
    });
    expect(await run(['patrol', '--year', '2026', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^patrol 不接受 --year/),
    });
    expect(readdirSync(outDir)).not.toContain('none.xlsx');
  });

  it('names the flag that lacks its value, not the flag after it', async () => {
    expect(await run(['results', '--year', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: '--year 缺少取值\n',
    });
    expect(await run(['results', '--year'])).toMatchObject({ code: 1, err: '--year 缺少取值\n' });
    expect(readdirSync(outDir)).not.toContain('none.xlsx');
  });

  it('refuses an unwritable path in one line', async () => {
    const { code, err } = await run(['results', '--out', '/nonexistent-folder/x.xlsx']);
    expect(code).toBe(1);
    expect(err).toMatch(/^无法写入文件 \/nonexistent-folder\/x\.xlsx：目录不存在\n$/);
  });
});
