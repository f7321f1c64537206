import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countAudit,
  insertMatter,
  insertUser,
  migrateToLatest,
  openDatabase,
  seedFixture,
  type TFixture,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCases } from './cases.ts';

const TODAY = '2026-11-26';
const dataDir = mkdtempSync(join(tmpdir(), 'cli-cases-data-'));
const workDir = mkdtempSync(join(tmpdir(), 'cli-cases-work-'));
const env = { DATA_DIR: dataDir, INIT_CWD: workDir, TODAY };

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
    return { code: await runCases(argv, env), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function auditCount(): Promise<number> {
  const h = openDatabase({ dataDir });
  try {
    return await countAudit(h.db);
  } finally {
    await h.close();
  }
}

describe('runCases', () => {
  let f: TFixture;
  let matterId: number;
  beforeAll(async () => {
    const h = openDatabase({ dataDir });
    await migrateToLatest(h.db);
    f = await seedFixture(h.db);
    await insertUser(h.db, {
      centerId: f.centerId,
      username: 'shenguanke',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    const m = await insertMatter(h.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '不动产转移登记',
      type: 'promised',
      promisedDays: 3,
    });
    matterId = m.id;
    await h.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('imports a file of cases and lists the open ones that are late', async () => {
    const staffId = f.staff[0]!.id;
    writeFileSync(
      join(workDir, 'day.json'),
      JSON.stringify({
        cases: [
          {
            matterId,
            staffId,
            applicantName: '甲',
            receivedOn: '2026-11-02',
            decidedOn: '2026-11-10',
            // notified the day of the decision (规程 四、2): nothing left open on this one
            notifiedOn: '2026-11-10',
          },
          { matterId, staffId, applicantName: '乙', receivedOn: '2026-11-16', acceptanceCode: 'SRC-1' },
          { matterId, staffId, applicantName: '丙', receivedOn: '2026-11-24', acceptanceCode: 'SRC-2' },
        ],
      }),
    );
    const imported = await run(['import', 'day.json']);
    expect(imported).toEqual({
      code: 0,
      out: '已导入 3 件，其中办结 1 件，生成超期扣分/罚款建议 2 条（待审管科确认）\n',
      err: '',
    });
    const overdue = await run(['overdue']);
    expect(overdue.code).toBe(0);
    // SRC-1: due Thursday 19 Nov, 5 working days late on 26 Nov; SRC-2: due Friday 27 Nov, 1 day left
    expect(overdue.out.trim().split('\n')).toEqual([
      [
        '红',
        '已超期',
        'SRC-1',
        '不动产转移登记',
        '不动产登记1号窗口',
        '张三',
        '2026-11-19',
        '超期 5 个工作日',
      ].join('\t'),
      [
        '黄',
        '即将到期',
        'SRC-2',
        '不动产转移登记',
        '不动产登记1号窗口',
        '张三',
        '2026-11-27',
        '剩余 1 个工作日',
      ].join('\t'),
    ]);
    expect((await run(['overdue', '--today', '2026-11-17'])).out).toBe('');
  });

  it('refuses a bad file with one line naming the row, and writes nothing', async () => {
    const before = await auditCount();
    writeFileSync(
      join(workDir, 'bad.json'),
      JSON.stringify([
        { matterId, staffId: f.staff[0]!.id, applicantName: '甲', receivedOn: '2026-11-02' },
        { matterId, staffId: f.staff[0]!.id, applicantName: '乙', receivedOn: '2026-02-30' },
      ]),
    );
    const bad = await run(['import', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^bad\.json：cases\[1\]\.receivedOn：.+\n$/);
    writeFileSync(
      join(workDir, 'late.json'),
      JSON.stringify([
        { matterId, staffId: f.staff[0]!.id, applicantName: '甲', receivedOn: '2026-11-02' },
        {
          matterId,
          staffId: f.staff[0]!.id,
          applicantName: '乙',
          receivedOn: '2026-11-05',
          decidedOn: '2026-11-04',
        },
      ]),
    );
    const refused = await run(['import', 'late.json']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('cases[1]');
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect((await run(['import', 'missing.json'])).err).toContain('无法读取');
    expect((await run(['frobnicate'])).code).toBe(1);
    expect(await auditCount()).toBe(before);
  });
});
