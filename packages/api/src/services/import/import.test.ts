import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findCasesByCodes,
  insertMatter,
  listAssignmentsOf,
  listAudit,
  listMatters,
  listStaff,
  listWindows,
  TEST_DIALECTS,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../../testing/api-test-setup.ts';
import { mapHeader } from './import-columns.ts';
import { CsvRowParser, FileRefusal, MAX_IMPORT_BYTES, openImportTable } from './import-file.ts';
import { RATING_COLUMNS } from './ratings.import.ts';
import { ImportRowErrors, importTemplate, runImport, type TImportKind } from './run-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'api-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The bad rows of an import as `第N行 列名: 说明`, or the thrown refusal's message. */
async function refusalOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportRowErrors) return e.errors.map((r) => `第${r.line}行 ${r.column}: ${r.message}`);
    if (e instanceof FileRefusal) return [e.message];
    throw e;
  }
  throw new Error('not refused');
}

describe('CsvRowParser', () => {
  const text =
    '受理编号,申请人,说明\r\n"A1","王,小明","他说""好""\n第二行"\r\n\r\n  B2 ,李四,\n,,\nC3,"",末行';
  const whole = [
    ['受理编号', '申请人', '说明'],
    ['A1', '王,小明', '他说"好"\n第二行'],
    ['B2', '李四', ''],
    ['C3', '', '末行'],
  ];
  it('reads quoted fields, doubled quotes, CRLF and blank lines, skipping empty rows', () => {
    const p = new CsvRowParser();
    expect([...p.push(text), ...p.end()]).toEqual(whole);
  });
  it('reads the same rows whatever the pieces the stream cuts the text into', () => {
    for (let cut = 0; cut <= text.length; cut++) {
      for (const size of [1, 2, 3, 7]) {
        const p = new CsvRowParser();
        const rows = [...p.push(text.slice(0, cut))];
        for (let i = cut; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
        rows.push(...p.end());
        expect(rows, `cut at ${cut}, pieces of ${size}`).toEqual(whole);
      }
    }
  });
});

describe('mapHeader', () => {
  it('reads 受理编码, as the national 好差评 export writes it, as the 受理编号 column', () => {
    const at = mapHeader(['评价阶段', '受理编码', '工号', '评价等级', '评价时间'], RATING_COLUMNS, 'r.csv');
    expect(at.get('code')).toBe(1);
  });
});

describe.each(TEST_DIALECTS)('runImport on %s', (dialect) => {
  let s: TApiSetup;
  const run = async (kind: TImportKind, path: string, isDryRun = false, today = TODAY) =>
    runImport(s.t.db, s.users.admin, today, kind, await openImportTable(path, path.slice(dir.length + 1)), {
      isDryRun,
    });
  const imports = async () =>
    (await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'import' })).map((a) => ({
      action: a.action,
      after: a.after,
    }));
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  describe('matters', () => {
    const HEADER = '事项编码,事项名称,办件类型,承诺时限（工作日）,受理单位,牵头部门,联办部门';
    it('writes a template whose example row imports cleanly into the center', async () => {
      const path = put(
        `matters-template-${dialect}.xlsx`,
        await importTemplate(s.t.db, s.f.centerId, TODAY, 'matters'),
      );
      const r = await run('matters', path, true);
      expect(r.counts).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0 });
      expect(r.summary).toContain('试运行');
      expect((await listMatters(s.t.db, { centerId: s.f.centerId })).map((m) => m.code)).not.toContain(
        '11330100MB0000000X4000111001000',
      );
    });

    it('names every bad row and writes nothing; fixed, it commits once; again, nothing changes', async () => {
      const before = await listMatters(s.t.db, { centerId: s.f.centerId, includeRevoked: true });
      const bad = put(
        `matters-bad-${dialect}.csv`,
        `${HEADER}\n` +
          'M001,公共场所卫生许可,承诺件,5,不动产登记中心,,\n' +
          'M002,个体工商户登记,当场件,1,不动产登记中心,,\n' +
          'M003,失业登记,即办件,3,不动产登记中心,,\n' +
          'M004,建设工程联合验收,联办件,20,不动产登记中心,住建局,\n' +
          'M001,医师执业注册,承诺件,十,没有的单位,,\n',
      );
      expect(await refusalOf(run('matters', bad))).toEqual([
        '第3行 办件类型: 办件类型须为 即办件、承诺件、联办件、上报件，收到「当场件」',
        '第4行 承诺时限（工作日）: 即办件须当场或当天办结（时限为0）',
        '第5行 联办部门: 联办件须列明联办部门',
        '第6行 事项编码: 事项编码 M001 在文件中重复（第2行）',
        '第6行 承诺时限（工作日）: 承诺时限须为整数（工作日），收到「十」',
        '第6行 受理单位: 没有名为「没有的单位」的单位（请先导入名册）',
      ]);
      expect(await listMatters(s.t.db, { centerId: s.f.centerId, includeRevoked: true })).toEqual(before);

      const good = put(
        `matters-good-${dialect}.csv`,
        `${HEADER}\n` +
          'M001,公共场所卫生许可,承诺件,5,不动产登记中心,,\n' +
          'M002,个体工商户登记,上报件,1,不动产登记中心,,\n' +
          'M003,失业登记,即办件,0,不动产登记中心,,\n' +
          'M004,建设工程联合验收,联办件,20,不动产登记中心,住建局,消防救援支队、人防办\n',
      );
      expect((await run('matters', good)).counts).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0 });
      const after = await listMatters(s.t.db, { centerId: s.f.centerId });
      const joint = after.find((m) => m.code === 'M004')!;
      expect([joint.type, joint.promisedDays, joint.leadDepartment, joint.relatedDepartments]).toEqual([
        'joint',
        20,
        '住建局',
        ['消防救援支队', '人防办'],
      ]);
      expect(after.find((m) => m.code === 'M002')?.type).toBe('escalated');

      expect((await run('matters', good)).counts).toEqual({ rows: 4, created: 0, updated: 0, unchanged: 4 });
      expect(await listMatters(s.t.db, { centerId: s.f.centerId })).toEqual(after);
      expect((await imports()).filter((a) => a.action === 'matters')).toEqual([
        {
          action: 'matters',
          after: {
            file: `matters-good-${dialect}.csv`,
            rows: 4,
            created: 0,
            updated: 0,
            unchanged: 4,
            summary: '4 行：新增事项 0 项、修改 0 项，已存在未变 4 项',
          },
        },
        {
          action: 'matters',
          after: {
            file: `matters-good-${dialect}.csv`,
            rows: 4,
            created: 4,
            updated: 0,
            unchanged: 0,
            summary: '4 行：新增事项 4 项、修改 0 项，已存在未变 0 项',
          },
        },
      ]);
    });

    it('edits a matter whose code is known and gives a code to a matter of the same name entered by hand', async () => {
      const byHand = await insertMatter(s.t.db, {
        centerId: s.f.centerId,
        unitId: s.f.unitId,
        name: '户籍迁移',
        type: 'promised',
        promisedDays: 2,
      });
      const path = put(
        `matters-edit-${dialect}.csv`,
        `${HEADER}\nM001,公共场所卫生许可,承诺件,3,不动产登记中心,,\nH900,户籍迁移,承诺件,2,不动产登记中心,,\n`,
      );
      const r = await run('matters', path);
      expect(r.counts).toEqual({ rows: 2, created: 0, updated: 2, unchanged: 0 });
      const after = await listMatters(s.t.db, { centerId: s.f.centerId });
      expect(after.find((m) => m.code === 'M001')?.promisedDays).toBe(3);
      expect(after.find((m) => m.id === byHand.id)?.code).toBe('H900');
    });
  });

  describe('roster', () => {
    const HEADER = '单位,窗口编号,窗口名称,工号,姓名,岗位,AB角,窗口负责人';
    const people = async () =>
      (await listStaff(s.t.db, { centerId: s.f.centerId, includeInactive: true }))
        .filter((p) => p.staffNo?.startsWith('R'))
        .map((p) => ({ id: p.id, staffNo: p.staffNo, name: p.name, windowId: p.windowId, ab: p.abRole }));

    it('matches people by 工号, never by name: a renamed person is edited, two of one name stay two', async () => {
      const first = put(
        `roster-1-${dialect}.csv`,
        `${HEADER}\n` +
          '人社局,RS01,人社1号窗口,R001,张伟,前台,A,是\n' +
          '人社局,RS01,人社1号窗口,R002,张伟,前台,B,否\n' +
          '人社局,RS02,人社2号窗口,R003,李娜,后台,,否\n',
      );
      expect((await run('roster', first, false, '2026-11-02')).counts).toEqual({
        rows: 3,
        units: 1,
        windows: 2,
        staff: 3,
        updated: 0,
        unchanged: 0,
      });
      const before = await people();
      expect(before.map((p) => [p.staffNo, p.name])).toEqual([
        ['R001', '张伟'],
        ['R002', '张伟'],
        ['R003', '李娜'],
      ]);
      const r1 = await run('roster', first);
      expect(r1.counts).toMatchObject({ staff: 0, updated: 0, unchanged: 3 });
      expect(await people()).toEqual(before);

      // 李娜 changed her name; the second 张伟 moved to window RS02 and became its B角; the rows come in
      // another order, so that nothing could be matched by position either
      const second = put(
        `roster-2-${dialect}.csv`,
        `${HEADER}\n` +
          '人社局,RS02,人社2号窗口,R003,李娜娜,后台,,否\n' +
          '人社局,RS02,人社2号窗口,R002,张伟,前台,B,否\n' +
          '人社局,RS01,人社1号窗口,R001,张伟,前台,A,是\n',
      );
      const r2 = await run('roster', second);
      expect(r2.counts).toEqual({ rows: 3, units: 0, windows: 0, staff: 0, updated: 2, unchanged: 1 });
      expect(r2.summary).toContain('按工号修改 2 人');
      const after = await people();
      const [p1, p2, p3] = before;
      expect(after).toEqual([p1, { ...p2, windowId: p3!.windowId }, { ...p3, name: '李娜娜' }]);
      // the move is dated: the first window ends the day before the import, nothing earlier rewritten
      expect(
        (await listAssignmentsOf(s.t.db, p2!.id)).map((a) => [a.windowId, a.from, a.to, a.reason]),
      ).toEqual([
        [p1!.windowId, '2026-11-02', '2026-11-25', null],
        [p3!.windowId, TODAY, null, '名册导入'],
      ]);
      const edits = await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'staff' });
      expect(edits.find((a) => a.entityId === String(p3!.id))).toMatchObject({
        action: 'update',
        before: { name: '李娜' },
        after: { name: '李娜娜' },
      });
      expect((await run('roster', second)).counts).toMatchObject({ updated: 0, unchanged: 3 });
      expect(await people()).toEqual(after);
    });

    it('refuses a row without 工号 naming the column, a 工号 twice in the file, and a file without the column', async () => {
      const before = await people();
      const bad = put(
        `roster-bad-${dialect}.csv`,
        `${HEADER}\n` +
          '人社局,RS01,人社1号窗口,R001,张伟,前台,A,是\n' +
          '人社局,RS01,人社1号窗口,,王芳,前台,A,否\n' +
          '人社局,RS01,人社1号窗口,R001,赵磊,后台,,否\n' +
          '人社局,RS01,人社1号窗口,R 9,钱进,后台,,否\n',
      );
      expect(await refusalOf(run('roster', bad, true))).toEqual([
        '第3行 工号: 必填',
        '第4行 工号: 工号 R001 在文件中重复（第2行）',
        '第5行 工号: 工号须为字母、数字、-或_（至多32位），收到「R 9」',
      ]);
      const noColumn = put(
        `roster-nocol-${dialect}.csv`,
        '单位,窗口编号,窗口名称,姓名,岗位,AB角,窗口负责人\n人社局,RS01,人社1号窗口,王芳,前台,A,否\n',
      );
      expect(await refusalOf(run('roster', noColumn))).toEqual([
        `roster-nocol-${dialect}.csv：表头不符，缺少列 工号（请下载该类模板）`,
      ]);
      expect(await people()).toEqual(before);
    });

    it('refuses a new 工号 beside a person of the same name in that window who has no 工号 yet', async () => {
      const w = (await listWindows(s.t.db, s.f.centerId)).find((x) => x.id === s.f.windowIds[0]);
      const person = s.f.staff.find((p) => p.windowId === w!.id && p.staffNo === null);
      const path = put(
        `roster-unnumbered-${dialect}.csv`,
        `${HEADER}\n不动产登记中心,${w!.code},${w!.name},R900,${person!.name},前台,,否\n`,
      );
      expect(await refusalOf(run('roster', path, true))).toEqual([
        `第2行 工号: 窗口 ${w!.code} 已有未登记工号的 ${person!.name}：请先在「人员」页为其登记工号，以免重复录入同一人`,
      ]);
    });
  });

  describe('cases', () => {
    const HEADER = '受理编码,事项名称,受理人,申请人,收件日期,办结日期,办理结果,不予许可理由';
    const decisions = async (codes: string[]) =>
      [...(await findCasesByCodes(s.t.db, s.f.centerId, codes)).values()]
        .map((c) => [c.acceptanceCode, c.decision, c.returnReasons])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    beforeAll(async () => {
      await insertMatter(s.t.db, {
        centerId: s.f.centerId,
        unitId: s.f.unitId,
        name: '个体工商户设立登记',
        type: 'promised',
        promisedDays: 5,
      });
    });

    it('refuses a refusal without its reasons or citing missing materials, and reasons on an approval, naming 不予许可理由', async () => {
      const bad = put(
        `cases-reasons-bad-${dialect}.csv`,
        `${HEADER}\n` +
          'RJ-0001,个体工商户设立登记,王五,甲,2026-11-16,2026-11-18,不予许可,不符合法定条件\n' +
          'RJ-0002,个体工商户设立登记,王五,乙,2026-11-16,2026-11-18,不予许可,\n' +
          'RJ-0003,个体工商户设立登记,王五,丙,2026-11-16,2026-11-18,不予批准,申请材料不齐全\n' +
          'RJ-0004,个体工商户设立登记,王五,丁,2026-11-16,2026-11-18,予以批准,不符合法定条件\n',
      );
      expect(await refusalOf(run('cases', bad, true))).toEqual([
        '第3行 不予许可理由: 不予批准须书面说明理由',
        '第4行 不予许可理由: 不得以申请材料不全为由不予批准（「申请材料不齐全」），材料不全应在受理时出具补办件通知单',
        '第5行 不予许可理由: 仅办理结果为不予许可（不予批准）的办件填写理由',
      ]);
      expect(await refusalOf(run('cases', bad))).toHaveLength(3);
      expect(await decisions(['RJ-0001', 'RJ-0002', 'RJ-0003', 'RJ-0004'])).toEqual([]);
    });

    it('imports a refusal with its reasons (；or ;) and an approval without; again, nothing changes', async () => {
      const good = put(
        `cases-reasons-good-${dialect}.csv`,
        `${HEADER}\n` +
          'RG-0001,个体工商户设立登记,王五,甲,2026-11-16,2026-11-18,不予许可,不符合法定条件；经营场所不符合规划用途; 名称与他人重复\n' +
          'RG-0002,个体工商户设立登记,王五,乙,2026-11-16,2026-11-18,予以批准,\n',
      );
      expect((await run('cases', good)).counts).toMatchObject({ rows: 2, imported: 2, decided: 2 });
      const after = await decisions(['RG-0001', 'RG-0002']);
      expect(after).toEqual([
        ['RG-0001', 'refused', ['不符合法定条件', '经营场所不符合规划用途', '名称与他人重复']],
        ['RG-0002', 'approved', []],
      ]);
      expect((await run('cases', good)).counts).toMatchObject({ imported: 0, skipped: 2 });
      expect(await decisions(['RG-0001', 'RG-0002'])).toEqual(after);
    });

    it('imports an older file without the column; a refusal in it is named by the missing column', async () => {
      const header = '受理编号,事项名称,受理人,申请人,收件日期,办结日期,办理结果';
      const old = put(
        `cases-old-${dialect}.csv`,
        `${header}\nRO-0001,个体工商户设立登记,王五,甲,2026-11-16,2026-11-18,予以批准\n`,
      );
      expect((await run('cases', old)).counts).toMatchObject({ rows: 1, imported: 1 });
      expect(await decisions(['RO-0001'])).toEqual([['RO-0001', 'approved', []]]);
      const refused = put(
        `cases-old-refused-${dialect}.csv`,
        `${header}\nRO-0002,个体工商户设立登记,王五,乙,2026-11-16,2026-11-18,不予许可\n`,
      );
      expect(await refusalOf(run('cases', refused))).toEqual(['第2行 不予许可理由: 不予批准须书面说明理由']);
    });
  });

  describe('a file refused whole, in one line, writing nothing', () => {
    const cases: [string, () => string, string][] = [
      ['an empty file', () => put('empty.csv', ''), 'empty.csv：文件为空'],
      [
        'a header without rows',
        () => put('header.csv', '事项编码,事项名称,办件类型,承诺时限（工作日）,受理单位\n'),
        'header.csv：只有表头，没有数据行',
      ],
      [
        'a file of another kind (wrong header)',
        () => put('cases.csv', '受理编号,事项名称,受理人\nA1,不动产转移登记,李四\n'),
        'cases.csv：表头不符，缺少列 事项编码、办件类型、承诺时限（工作日）、受理单位（请下载该类模板）',
      ],
      [
        'a binary file',
        () => put('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
        'photo.csv：不是文本表格（二进制文件），请导入 CSV 或 XLSX',
      ],
      [
        'text in neither UTF-8 nor GB18030',
        () =>
          put(
            'latin.csv',
            Buffer.concat([Buffer.from('事项编码,事项名称\n'), Buffer.from([0xff, 0x80, 0x41])]),
          ),
        'latin.csv：无法识别的文字编码（须为 UTF-8 或 GB18030/GBK 的 CSV，或 XLSX）',
      ],
      [
        'a zip that is no workbook',
        () => put('fake.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])),
        'fake.xlsx：不是有效的 XLSX 文件',
      ],
      [
        'a file over 200 MB',
        () => {
          const path = join(dir, 'huge.csv');
          const fd = openSync(path, 'w');
          ftruncateSync(fd, MAX_IMPORT_BYTES + 1); // sparse: no disk used
          closeSync(fd);
          return path;
        },
        'huge.csv：文件过大（200 MB，上限 200 MB），请按月拆分后导入',
      ],
    ];
    it.each(cases)('%s', async (_what, make, message) => {
      const before = await imports();
      const lines = await refusalOf(run('matters', make()));
      expect(lines).toEqual([message]);
      expect(lines[0]).not.toContain('\n');
      expect(await imports()).toEqual(before);
    });

    it('refuses a file whose encoding turns bad after the first megabyte, writing nothing', async () => {
      const good = '事项编码,事项名称,办件类型,承诺时限（工作日）,受理单位\n';
      const row = 'X1,某事项,承诺件,5,不动产登记中心\n';
      const text = good + row.repeat(Math.ceil((1.5 * 1024 * 1024) / Buffer.byteLength(row)));
      const path = put('late-bad.csv', Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe, 0x0a])]));
      const before = await imports();
      expect(await refusalOf(run('matters', path))).toEqual([
        'late-bad.csv：文字编码有误（须为 UTF-8 或 GB18030/GBK 的 CSV，或 XLSX）',
      ]);
      expect(await imports()).toEqual(before);
    });
  });
});
