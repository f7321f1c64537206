import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES } from '@chuangkou/api';
import {
  countAudit,
  insertMatter,
  insertUser,
  listAudit,
  migrateToLatest,
  openDatabase,
  seedFixture,
} from '@chuangkou/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport } from './import.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cli-import-data-'));
const workDir = mkdtempSync(join(tmpdir(), 'cli-import-work-'));
const env = { DATA_DIR: dataDir, INIT_CWD: workDir, TODAY: '2027-01-08' };
let centerId = 0;

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
    return { code: await runImport(argv, env), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function inDb<T>(f: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const h = openDatabase({ dataDir });
  try {
    return await f(h.db);
  } finally {
    await h.close();
  }
}

const HEADER = '受理编号,事项名称,受理人,申请人,收件日期,办结日期,办理结果';
const file = (name: string, text: string | Buffer) => {
  writeFileSync(join(workDir, name), text);
  return name;
};

describe('import', () => {
  let person = '';
  beforeAll(async () => {
    await inDb(async (db) => {
      await migrateToLatest(db);
      const f = await seedFixture(db);
      centerId = f.centerId;
      person = f.staff[0]!.name;
      for (const role of ['admin', 'supervisor'] as const) {
        await insertUser(db, {
          centerId,
          username: role,
          passwordHash: 'x',
          role,
          staffId: null,
          displayName: role,
        });
      }
      await insertMatter(db, {
        centerId,
        unitId: f.unitId,
        name: '个体工商户变更登记',
        type: 'promised',
        promisedDays: 1,
      });
    });
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('cases: a dry run names every bad row as 第N行 列名: 说明 and writes nothing; fixed, it commits; again, nothing changes', async () => {
    const bad = file(
      'bad.csv',
      `${HEADER}\nSRC-0001,个体工商户变更登记,${person},甲,2026-12-31,2027-01-04,予以批准\nSRC-0002,没有的事项,${person},乙,2026-12-32,,\n`,
    );
    const auditBefore = await inDb(countAudit);
    const dry = await run(['cases', bad, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out.trim().split('\n')).toStrictEqual([
      '第3行 事项名称: 事项目录中没有「没有的事项」',
      '第3行 收件日期: 日期无效：2026-12-32（格式 YYYY-MM-DD）',
    ]);
    expect(await inDb(countAudit)).toBe(auditBefore);

    const good = file(
      'good.csv',
      `${HEADER}\nSRC-0001,个体工商户变更登记,${person},甲,2026-12-31,2027-01-04,予以批准\nSRC-0002,个体工商户变更登记,${person},乙,2026-12-30,,\n`,
    );
    const tryIt = await run(['cases', good, '--dry-run']);
    expect(tryIt).toMatchObject({ code: 0 });
    expect(tryIt.out).toContain('新增 2 件');
    expect(tryIt.out).toContain('试运行，未写入');
    expect(await inDb((db) => db.selectFrom('cases').select('id').execute())).toStrictEqual([]);

    const commit = await run(['cases', good]);
    expect(commit.code).toBe(0);
    const rows = await inDb((db) =>
      db
        .selectFrom('cases')
        .select(['acceptance_code', 'deadline', 'is_deadline_provisional'])
        .orderBy('acceptance_code')
        .execute(),
    );
    expect(rows.map((r) => [r.acceptance_code, r.deadline, Number(r.is_deadline_provisional)])).toStrictEqual(
      [
        ['SRC-0001', '2027-01-01', 1],
        ['SRC-0002', '2026-12-31', 0],
      ],
    );
    const again = await run(['cases', good]);
    expect(again.out).toContain('新增 0 件');
    expect(again.out).toContain('已存在未变 2 件');
    const entries = await inDb((db) => listAudit(db, { centerId, entity: 'import' }));
    expect(entries.map((e) => [e.action, (e.after as { imported: number }).imported])).toStrictEqual([
      ['cases', 0],
      ['cases', 2],
    ]);
  });

  it('ratings: a dry run names the bad rows, exit 1; fixed, it commits the national levels the product’s way round; again, nothing changes', async () => {
    await inDb((db) =>
      db.updateTable('staff').set({ staff_no: 'GX0001' }).where('name', '=', person).execute(),
    );
    const header = '评价阶段,受理编号,工号,评价等级,评价时间,评价渠道,评价内容';
    const bad = file(
      'bad-ratings.csv',
      `${header}\n受理,SRC-0001,GX0001,5,2026-12-31 09:30:00,窗口评价器,\n办结,SRC-0002,GX0001,5,2027-01-05 10:00,,\n受理,SRC-0002,GX0001,0,2027-01-05,,\n`,
    );
    const dry = await run(['ratings', bad, '--dry-run']);
    expect([dry.code, dry.out.trim().split('\n')]).toStrictEqual([
      1,
      [
        '第3行 评价阶段: 办件尚未办结，不能有办结评价',
        '第4行 评价等级: 评价等级须为 1–5 的整数（5 = 非常满意，1 = 非常不满意），收到「0」',
      ],
    ]);
    const stored = () =>
      inDb((db) =>
        db
          .selectFrom('service_ratings')
          .innerJoin('cases', 'cases.id', 'service_ratings.case_id')
          .select(['cases.acceptance_code', 'service_ratings.stage', 'service_ratings.level'])
          .orderBy('service_ratings.id')
          .execute(),
      );
    expect(await stored()).toStrictEqual([]);

    const good = file(
      'ratings.csv',
      `${header}\n受理,SRC-0001,GX0001,5,2026-12-31 09:30:00,窗口评价器,办事快\n办结,SRC-0001,GX0001,2,2027-01-05 10:00,短信,等得久\n`,
    );
    const commit = await run(['ratings', good]);
    expect([commit.code, commit.out]).toStrictEqual([
      0,
      '2 行：新增评价 2 条（差评回访 1 条），已存在未变 0 条\n',
    ]);
    const after = await stored();
    expect(after.map((r) => [r.acceptance_code, r.stage, Number(r.level)])).toStrictEqual([
      ['SRC-0001', 'accepted', 1],
      ['SRC-0001', 'decided', 4],
    ]);
    const again = await run(['ratings', good]);
    expect([again.code, again.out]).toStrictEqual([0, '2 行：新增评价 0 条，已存在未变 2 条\n']);
    expect(await stored()).toStrictEqual(after);

    expect((await run(['ratings', '--template', 'ratings-template.xlsx'])).code).toBe(0);
    const template = await run(['ratings', 'ratings-template.xlsx', '--dry-run']);
    expect([template.code, template.out]).toStrictEqual([
      0,
      '1 行：新增评价 1 条，已存在未变 0 条（试运行，未写入）\n',
    ]);
  });

  it('calendar: a GB18030 CSV of 2027 moves the 暂定 deadline past 元旦; imported again, nothing changes', async () => {
    const text = '日期,类型,节日名称\n2027-01-01,放假,元旦\n';
    // 日期,类型,节日名称 / 放假 / 元旦 in GB18030
    const gb = Buffer.concat([
      Buffer.from([0xc8, 0xd5, 0xc6, 0xda]),
      Buffer.from(','),
      Buffer.from([0xc0, 0xe0, 0xd0, 0xcd]),
      Buffer.from(','),
      Buffer.from([0xbd, 0xda, 0xc8, 0xd5, 0xc3, 0xfb, 0xb3, 0xc6]),
      Buffer.from('\n2027-01-01,'),
      Buffer.from([0xb7, 0xc5, 0xbc, 0xd9]),
      Buffer.from(','),
      Buffer.from([0xd4, 0xaa, 0xb5, 0xa9]),
      Buffer.from('\n'),
    ]);
    expect(new TextDecoder('gb18030').decode(gb)).toBe(text);
    const r = await run(['calendar', file('2027.csv', gb)]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('2027 年（放假 1 天，调休上班 0 天，重算期限 1 件）');
    const a1 = await inDb((db) =>
      db
        .selectFrom('cases')
        .select(['deadline', 'is_deadline_provisional'])
        .where('acceptance_code', '=', 'SRC-0001')
        .executeTakeFirstOrThrow(),
    );
    expect([a1.deadline, Number(a1.is_deadline_provisional)]).toStrictEqual(['2027-01-04', 0]);
    const again = await run(['calendar', '2027.csv']);
    expect(again.out).toContain('重算期限 0 件');
    expect(await inDb((db) => db.selectFrom('calendar_years').select('id').execute())).toHaveLength(1);
  });

  it('refuses in one line a file of another kind, an empty file, a binary file, an unknown encoding and 200 MB, writing nothing', async () => {
    const casesBefore = await inDb((db) => db.selectFrom('cases').select('id').execute());
    const auditBefore = await inDb(countAudit);
    const refuse = async (name: string, content: string | Buffer, kind = 'cases') => {
      const r = await run([kind, file(name, content)]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      return r.err.trim();
    };
    expect(await refuse('calendar.csv', '日期,类型,节日名称\n2027-01-01,放假,元旦\n')).toContain(
      '表头不符，缺少列 受理编号、事项名称、受理人、申请人、收件日期',
    );
    expect(await refuse('empty.csv', '')).toContain('文件为空');
    expect(await refuse('header.csv', `${HEADER}\n`)).toContain('只有表头，没有数据行');
    expect(await refuse('bin.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]))).toContain(
      '二进制文件',
    );
    expect(await refuse('latin.csv', Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x0a]))).toContain(
      '无法识别的文字编码',
    );
    // a sparse file one byte over the limit: no disk used
    const huge = file('huge.csv', '');
    truncateSync(join(workDir, huge), MAX_IMPORT_BYTES + 1);
    const tooBig = await run(['cases', huge]);
    expect([tooBig.code, tooBig.out, tooBig.err]).toStrictEqual([
      1,
      '',
      'huge.csv：文件过大（200 MB，上限 200 MB），请按月拆分后导入\n',
    ]);
    expect(await inDb((db) => db.selectFrom('cases').select('id').execute())).toStrictEqual(casesBefore);
    expect(await inDb(countAudit)).toBe(auditBefore);
  });

  it('roster: units, windows and people added once; a bad post named by its row; again, nothing changes', async () => {
    const header = '单位,窗口编号,窗口名称,工号,姓名,岗位,AB角,窗口负责人';
    const bad = await run([
      'roster',
      file('bad-roster.csv', `${header}\n市场监管局,S01,市场监管1号窗口,SJ-01,陈一,柜台,A,是\n`),
    ]);
    expect(bad.out.trim()).toBe('第2行 岗位: 岗位须为 前台、后台、保安，收到「柜台」');
    const roster = file(
      'roster.csv',
      `${header}\n市场监管局,S01,市场监管1号窗口,SJ-01,陈一,前台,A,是\n市场监管局,S01,市场监管1号窗口,SJ-02,林二,后台,B,否\n`,
    );
    expect((await run(['roster', roster])).out).toContain('新增单位 1 个、窗口 1 个、人员 2 人');
    expect((await run(['roster', roster])).out).toContain(
      '新增单位 0 个、窗口 0 个、人员 0 人，已存在未变 2 人',
    );
    const people = await inDb((db) =>
      db
        .selectFrom('staff')
        .select(['name', 'post', 'ab_role', 'is_window_head'])
        .where('name', 'in', ['陈一', '林二'])
        .orderBy('name')
        .execute(),
    );
    expect(people.map((p) => [p.name, p.post, p.ab_role, Number(p.is_window_head)])).toStrictEqual([
      ['林二', 'back', 'B', 0],
      ['陈一', 'front', 'A', 1],
    ]);
  });

  it('roster: people are matched by 工号, never by name; a row without 工号 is refused naming the column', async () => {
    const header = '单位,窗口编号,窗口名称,工号,姓名,岗位,AB角,窗口负责人';
    const noNumber = await run([
      'roster',
      file('roster-no-number.csv', `${header}\n税务局,T01,税务1号窗口,,周七,前台,A,否\n`),
    ]);
    expect([noNumber.code, noNumber.out.trim()]).toEqual([1, '第2行 工号: 必填']);
    const oldFormat = await run([
      'roster',
      file('roster-old.csv', '单位,窗口编号,窗口名称,姓名,岗位\n税务局,T01,税务1号窗口,周七,前台\n'),
    ]);
    expect([oldFormat.code, oldFormat.err.trim()]).toEqual([
      1,
      'roster-old.csv：表头不符，缺少列 工号（请下载该类模板）',
    ]);

    // two people named 周七, one window
    const first = file(
      'roster-tax.csv',
      `${header}\n税务局,T01,税务1号窗口,SW-01,周七,前台,A,否\n税务局,T01,税务1号窗口,SW-02,周七,后台,B,否\n`,
    );
    expect((await run(['roster', first])).out).toContain('人员 2 人');
    // the second 周七 is now 周琪: edited, not entered anew; the first stays as he was
    const renamed = file(
      'roster-tax-2.csv',
      `${header}\n税务局,T01,税务1号窗口,SW-02,周琪,后台,B,否\n税务局,T01,税务1号窗口,SW-01,周七,前台,A,否\n`,
    );
    const r = await run(['roster', renamed]);
    expect([r.code, r.out.trim()]).toEqual([
      0,
      '2 行：新增单位 0 个、窗口 0 个、人员 0 人，按工号修改 1 人，已存在未变 1 人',
    ]);
    const tax = await inDb((db) =>
      db
        .selectFrom('staff')
        .select(['staff_no', 'name', 'post'])
        .where('staff_no', 'in', ['SW-01', 'SW-02'])
        .orderBy('staff_no')
        .execute(),
    );
    expect(tax).toEqual([
      { staff_no: 'SW-01', name: '周七', post: 'front' },
      { staff_no: 'SW-02', name: '周琪', post: 'back' },
    ]);
    expect(
      await inDb(
        async (db) =>
          (await db.selectFrom('staff').select('id').where('name', 'in', ['周七', '周琪']).execute()).length,
      ),
    ).toBe(2);
  });

  it('matters: the template imports cleanly in a dry run; a bad type is named by its row; once, then unchanged', async () => {
    expect((await run(['matters', '--template', 'matters-template.xlsx'])).code).toBe(0);
    const dry = await run(['matters', 'matters-template.xlsx', '--dry-run']);
    expect([dry.code, dry.out.trim()]).toEqual([
      0,
      '1 行：新增事项 1 项、修改 0 项，已存在未变 0 项（试运行，未写入）',
    ]);
    const header = '事项编码,事项名称,办件类型,承诺时限（工作日）,受理单位';
    const bad = await run([
      'matters',
      file('bad-matters.csv', `${header}\nC01,食品经营许可,当场件,7,市场监管局\n`),
    ]);
    expect([bad.code, bad.out.trim()]).toEqual([
      1,
      '第2行 办件类型: 办件类型须为 即办件、承诺件、联办件、上报件，收到「当场件」',
    ]);
    const good = file('matters.csv', `${header}\nC01,食品经营许可,承诺件,7,市场监管局\n`);
    expect((await run(['matters', good])).out).toContain('新增事项 1 项');
    expect((await run(['matters', good])).out).toContain('新增事项 0 项、修改 0 项，已存在未变 1 项');
  });

  it('writes an XLSX template whose example row imports cleanly', async () => {
    const r = await run(['cases', '--template', 'cases-template.xlsx']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(workDir, 'cases-template.xlsx'));
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toStrictEqual([
      '*受理编号',
      '*事项名称',
      '*受理人',
    ]);
    const dry = await run(['cases', 'cases-template.xlsx', '--dry-run']);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain('新增 1 件');
  });
  it('cases: a refusal imports with its 不予许可理由; without one, or citing missing materials, its row and column are named', async () => {
    const header = '受理编码,事项名称,受理人,申请人,收件日期,办结日期,办理结果,不予许可理由';
    const bad = file(
      'refused-bad.csv',
      `${header}\nREF-0001,个体工商户变更登记,${person},甲,2027-01-05,2027-01-06,不予许可,\nREF-0002,个体工商户变更登记,${person},乙,2027-01-05,2027-01-06,不予许可,材料不全\n`,
    );
    const dry = await run(['cases', bad, '--dry-run']);
    expect([dry.code, dry.out.trim().split('\n')]).toStrictEqual([
      1,
      [
        '第2行 不予许可理由: 不予批准须书面说明理由',
        '第3行 不予许可理由: 不得以申请材料不全为由不予批准（「材料不全」），材料不全应在受理时出具补办件通知单',
      ],
    ]);
    const good = file(
      'refused-good.csv',
      `${header}\nREF-0001,个体工商户变更登记,${person},甲,2027-01-05,2027-01-06,不予许可,不符合法定条件；超出经营范围\n`,
    );
    const commit = await run(['cases', good]);
    expect([commit.code, commit.out]).toStrictEqual([0, expect.stringContaining('新增 1 件')]);
    const stored = await inDb((db) =>
      db
        .selectFrom('cases')
        .select(['decision', 'return_reasons'])
        .where('acceptance_code', '=', 'REF-0001')
        .executeTakeFirstOrThrow(),
    );
    expect([stored.decision, JSON.parse(String(stored.return_reasons))]).toStrictEqual([
      'refused',
      ['不符合法定条件', '超出经营范围'],
    ]);
    await run(['cases', '--template', 'cases-template-reasons.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(workDir, 'cases-template-reasons.xlsx'));
    expect(wb.worksheets[0]!.getRow(1).values as string[]).toContain('不予许可理由');
  });
});
