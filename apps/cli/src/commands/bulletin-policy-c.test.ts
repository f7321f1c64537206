import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, insertRecord, migrateToLatest, openDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBulletin } from './bulletin.ts';

const TODAY = '2026-11-26';
const dataDir = mkdtempSync(join(tmpdir(), 'cli-policy-c-data-'));
const outDir = mkdtempSync(join(tmpdir(), 'cli-policy-c-out-'));
const env = { DATA_DIR: dataDir, INIT_CWD: outDir, TODAY };

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

/** The person of the demo with a valid complaint of a counted cause in 2026 (规范化服务通知 一(一)). */
let laddered: { id: number; name: string };

describe('bulletin complaintLadder and uniform (规范化服务通知)', () => {
  beforeAll(async () => {
    const handle = openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    await generateDemo(handle.db, { today: TODAY, caseFraction: 0.01 });
    const row = await handle.db
      .selectFrom('complaints as c')
      .innerJoin('staff as s', 's.id', 'c.staff_id')
      .select(['s.id', 's.name', 's.center_id'])
      .where('c.is_valid', '=', 1)
      .where('c.cause', 'in', ['responsibility', 'procrastination'])
      .where('c.date', '>=', '2026-01-01')
      .executeTakeFirstOrThrow();
    laddered = { id: row.id, name: row.name };
    // 三(二)1: three times out of uniform in October
    for (const date of ['2026-10-09', '2026-10-14', '2026-10-27']) {
      await insertRecord(handle.db, {
        centerId: row.center_id,
        scheme: 'fine',
        staffId: row.id,
        windowId: null,
        item: 'U1',
        qty: 1,
        level: null,
        aggravated: false,
        date,
        note: '未着工作服',
        source: 'manual',
        sourceId: null,
        recordedBy: null,
      });
    }
    await handle.close();
  }, 180_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('规范化服务通知 一(一): writes the decision for a person named by id', async () => {
    const { code, out, err } = await run([
      'complaintLadder',
      '--staff',
      String(laddered.id),
      '--year',
      '2026',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toBe(join(outDir, `2026年${laddered.name}投诉处理决定.xlsx`));
    expect(statSync(out.trim()).size).toBeGreaterThan(5000);
  });

  it('规范化服务通知 三(二)1: writes the month’s uniform confiscation notice', async () => {
    const { code, out, err } = await run(['uniform', '--year', '2026', '--month', '10']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim()).toBe(join(outDir, '2026年10月没收工作服通知.xlsx'));
  });

  it('refuses the ladder without --staff, an unknown person, and a month with nobody to name, in one line', async () => {
    expect(await run(['complaintLadder', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: 'complaintLadder 须给出 --staff（工作人员姓名或编号）\n',
    });
    expect(await run(['complaintLadder', '--staff', '无此人', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: '--staff 没有名为或编号为“无此人”的工作人员\n',
    });
    expect(await run(['uniform', '--year', '2026', '--month', '9', '--out', 'none.xlsx'])).toMatchObject({
      code: 1,
      err: '2026年9月没有需没收工作服的人员\n',
    });
    expect(readdirSync(outDir)).not.toContain('none.xlsx');
  });
});
