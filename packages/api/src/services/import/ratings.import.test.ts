import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendCaseEvents,
  insertCases,
  insertMatter,
  listAudit,
  listCaseServiceRatings,
  listFollowUps,
  TEST_DIALECTS,
  type TNewCase,
  type TUser,
  updateStaff,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../../testing/api-test-setup.ts';
import { centerCalendar } from '../calendar.service.ts';
import { satisfactionByWindowMonth } from '../cases/service-ratings.service.ts';
import { openImportTable } from './import-file.ts';
import { ImportRowErrors, importTemplate, runImport } from './run-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'api-import-ratings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '评价阶段,受理编号,工号,评价等级,评价时间,评价渠道,评价内容';

describe.each(TEST_DIALECTS)('importing 好差评 ratings on %s', (dialect) => {
  let s: TApiSetup;
  const ids: Record<string, number> = {};
  const put = (name: string, text: string | Uint8Array) => {
    const path = join(dir, `${dialect}-${name}`);
    writeFileSync(path, text);
    return path;
  };
  const run = async (path: string, isDryRun = false, user: TUser = s.users.admin) =>
    runImport(s.t.db, user, TODAY, 'ratings', await openImportTable(path, path.slice(dir.length + 1)), {
      isDryRun,
    });
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof ImportRowErrors) return e.errors.map((r) => `第${r.line}行 ${r.column}: ${r.message}`);
      throw e;
    }
    throw new Error('not refused');
  };
  const ratingsOf = async (code: string) =>
    (await listCaseServiceRatings(s.t.db, ids[code]!)).map((r) => ({
      stage: r.stage,
      level: r.level,
      staffId: r.staffId,
      day: r.day,
      ratedAt: r.ratedAt,
      channel: r.channel,
      comment: r.comment,
      isAfterReset: r.isAfterReset,
    }));

  beforeAll(async () => {
    s = await setupApi(dialect);
    const f = s.f;
    await updateStaff(s.t.db, f.staff[0]!.id, { staffNo: 'BDC001' });
    await updateStaff(s.t.db, f.staff[1]!.id, { staffNo: 'BDC002' });
    const matter = await insertMatter(s.t.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '不动产转移登记',
      type: 'promised',
      promisedDays: 3,
    });
    const newCase = (code: string, on: string, patch: Partial<TNewCase> = {}): TNewCase => ({
      centerId: f.centerId,
      unitId: f.unitId,
      windowId: f.windowIds[0],
      staffId: f.staff[0]!.id,
      matterId: matter.id,
      type: 'promised',
      stage: 'accepted',
      acceptanceCode: code,
      receivedOn: on,
      acceptedOn: on,
      promisedDays: 3,
      deadline: '2026-11-30',
      acceptedByUser: null,
      ...patch,
    });
    const decided = {
      stage: 'decided',
      decision: 'approved',
      decidedOn: '2026-11-04',
      handlingDays: 2,
    } as const;
    const [r1, r2, r3] = await insertCases(s.t.db, [
      newCase('R001', '2026-11-02', decided),
      newCase('R002', '2026-11-03'),
      newCase('R003', '2026-11-02', { ...decided, decidedOn: '2026-11-05' }),
    ]);
    Object.assign(ids, { R001: r1, R002: r2, R003: r3 });
    // the administrator copied R001 in from the platform (an imported step is not handling the case);
    // the query password of R003 was reset at a window on 2026-11-06
    await appendCaseEvents(s.t.db, [
      {
        caseId: r1!,
        centerId: f.centerId,
        kind: 'accept',
        day: '2026-11-02',
        payload: { imported: true },
        userId: s.users.admin.id,
      },
      {
        caseId: r3!,
        centerId: f.centerId,
        kind: 'resetQueryPassword',
        day: '2026-11-06',
        payload: { reason: '申请人遗失受理通知单' },
        userId: s.users.head.id,
      },
    ]);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('writes a template whose example row imports cleanly into the center', async () => {
    const path = put('template.xlsx', await importTemplate(s.t.db, s.f.centerId, TODAY, 'ratings'));
    const r = await run(path, true);
    expect(r.counts).toEqual({ rows: 1, imported: 1, skipped: 0, afterReset: 0, followUps: 0 });
    expect(r.summary).toBe('1 行：新增评价 1 条，已存在未变 0 条（试运行，未写入）');
    for (const code of ['R001', 'R002', 'R003']) expect(await ratingsOf(code)).toEqual([]);
  });

  it('names every bad row (case, 工号, level, time, stage, a repeat, a handler importing) and writes nothing', async () => {
    // the administrator took a step of R002
    await appendCaseEvents(s.t.db, [
      {
        caseId: ids.R002!,
        centerId: s.f.centerId,
        kind: 'accept',
        day: '2026-11-03',
        payload: {},
        userId: s.users.admin.id,
      },
    ]);
    const bad = put(
      'bad.csv',
      `${HEADER}\n` +
        '受理,R001,BDC001,5,2026-11-02 09:00:00,窗口评价器,\n' +
        '办结,R002,BDC001,4,2026-11-05 10:00,,\n' +
        '受理,R999,BDC001,5,2026-11-03,,\n' +
        '受理,R003,XX9,5,2026-11-03,,\n' +
        '受理,R002,BDC001,6,2026-11-03,,\n' +
        '办结,R001,BDC002,1,2026-11-01 10:00:00,,\n' +
        '待定,R001,BDC001,5,2026-11-03,,\n' +
        '受理,R001,BDC001,5,2026-11-31,,\n' +
        '受理,R001,BDC001,4,2026-11-02,,\n' +
        '办结,R003,BDC001,5,2026-11-27,,\n',
    );
    expect(await refusal(run(bad))).toEqual([
      '第3行 受理编号: 经办本办件的人员不能导入本办件的评价',
      '第3行 评价阶段: 办件尚未办结，不能有办结评价',
      '第4行 受理编号: 本中心没有受理编号为 R999 的办件',
      '第5行 工号: 本中心没有工号为 XX9 的工作人员',
      '第6行 评价等级: 评价等级须为 1–5 的整数（5 = 非常满意，1 = 非常不满意），收到「6」',
      '第7行 评价时间: 评价时间早于办件受理日期 2026-11-02',
      '第8行 评价阶段: 评价阶段须为 受理 或 办结，收到「待定」',
      '第9行 受理编号: 受理编号 R001 的受理评价在文件中重复',
      '第9行 评价时间: 时间无效：2026-11-31（格式 YYYY-MM-DD HH:MM:SS）',
      '第10行 受理编号: 受理编号 R001 的受理评价在文件中重复',
      '第11行 评价时间: 评价时间晚于今天（2026-11-26）',
    ]);
    for (const code of ['R001', 'R002', 'R003']) expect(await ratingsOf(code)).toEqual([]);
    expect(await listFollowUps(s.t.db, { centerId: s.f.centerId })).toEqual([]);
  });

  it('stores the national levels the product’s way round, marks a rating after a reset, follows up a poor one; again, nothing changes', async () => {
    const good = put(
      'good.csv',
      `${HEADER}\n` +
        '受理,R001,BDC001,5,2026-11-02 09:00:00,窗口评价器,办事快\n' +
        '办结,R001,BDC002,1,2026-11-04 16:00,短信,等太久\n' +
        '办结,R003,BDC001,4,2026-11-06,网站,\n' +
        '受理,R003,BDC001,3,2026-11-05,,\n',
    );
    const r = await run(good);
    expect(r.counts).toEqual({ rows: 4, imported: 4, skipped: 0, afterReset: 1, followUps: 1 });
    expect(r.summary).toBe(
      '4 行：新增评价 4 条（重置查询密码后作出、待核实 1 条，差评回访 1 条），已存在未变 0 条',
    );
    const [p0, p1] = [s.f.staff[0]!.id, s.f.staff[1]!.id];
    const after = {
      R001: [
        {
          stage: 'accepted',
          level: 1,
          staffId: p0,
          day: '2026-11-02',
          ratedAt: '2026-11-02 09:00:00',
          channel: '窗口评价器',
          comment: '办事快',
          isAfterReset: false,
        },
        {
          stage: 'decided',
          level: 5,
          staffId: p1,
          day: '2026-11-04',
          ratedAt: '2026-11-04 16:00:00',
          channel: '短信',
          comment: '等太久',
          isAfterReset: false,
        },
      ],
      R003: [
        {
          stage: 'accepted',
          level: 3,
          staffId: p0,
          day: '2026-11-05',
          ratedAt: '2026-11-05',
          channel: null,
          comment: null,
          isAfterReset: false,
        },
        {
          stage: 'decided',
          level: 2,
          staffId: p0,
          day: '2026-11-06',
          ratedAt: '2026-11-06',
          channel: '网站',
          comment: null,
          isAfterReset: true,
        },
      ],
    };
    expect(await ratingsOf('R001')).toEqual(after.R001);
    expect(await ratingsOf('R003')).toEqual(after.R003);
    const followUps = await listFollowUps(s.t.db, { centerId: s.f.centerId });
    const calendar = await centerCalendar(s.t.db, s.f.centerId);
    expect(followUps.map((x) => [x.caseId, x.level, x.openedOn, x.dueOn])).toEqual([
      [ids.R001, 5, '2026-11-04', calendar.addWorkingDays('2026-11-04', 15)],
    ]);
    // the rating given after the reset waits for a supervisor's check before it counts
    const rates = await satisfactionByWindowMonth(s.t.db, s.users.admin, { year: 2026 });
    expect(rates.map((x) => [x.month, x.total, x.satisfied])).toEqual([['2026-11', 3, 2]]);

    // the case drawer shows both ratings; the satisfaction rate counts a stage's alone when asked
    const drawer = await s.as('supervisor').cases.get({ id: ids.R001! });
    expect(drawer.serviceRatings.map((x) => [x.stage, x.level])).toEqual([
      ['accepted', 1],
      ['decided', 5],
    ]);
    expect(drawer.serviceRating?.stage).toBe('decided');
    const byStage = async (stage: 'accepted' | 'decided') =>
      (await s.as('supervisor').cases.serviceRatings.satisfaction({ year: 2026, stage })).map((x) => [
        x.total,
        x.satisfied,
      ]);
    expect(await byStage('accepted')).toEqual([[2, 2]]);
    expect(await byStage('decided')).toEqual([[1, 0]]);
    await s.as('supervisor').cases.serviceRatings.checkAfterReset({
      caseId: ids.R003!,
      stage: 'decided',
      note: '电话回访申请人核实',
    });
    expect(await byStage('decided')).toEqual([[2, 1]]);
    await s
      .as('supervisor')
      .cases.serviceRatings.checkAfterReset({
        caseId: ids.R003!,
        stage: 'decided',
        note: '电话回访申请人核实',
      })
      .then(
        () => expect.unreachable(),
        (e: Error) => expect(e.message).toBe('该评价已核实'),
      );

    const again = await run(good);
    expect(again.counts).toEqual({ rows: 4, imported: 0, skipped: 4, afterReset: 0, followUps: 0 });
    expect(await ratingsOf('R001')).toEqual(after.R001);
    expect(await ratingsOf('R003')).toEqual(after.R003);
    expect(await listFollowUps(s.t.db, { centerId: s.f.centerId })).toEqual(followUps);

    const changed = put('changed.csv', `${HEADER}\n受理,R001,BDC001,1,2026-11-02 09:00:00,,\n`);
    expect(await refusal(run(changed))).toEqual([
      '第2行 评价等级: 该办件已有受理评价（等级不同），评价不能修改',
    ]);
    const audits = await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'import' });
    expect(audits.filter((a) => a.action === 'ratings').map((a) => a.after)).toEqual([
      {
        file: `${dialect}-good.csv`,
        rows: 4,
        imported: 0,
        skipped: 4,
        afterReset: 0,
        followUps: 0,
        summary: '4 行：新增评价 0 条，已存在未变 4 条',
      },
      {
        file: `${dialect}-good.csv`,
        rows: 4,
        imported: 4,
        skipped: 0,
        afterReset: 1,
        followUps: 1,
        summary: '4 行：新增评价 4 条（重置查询密码后作出、待核实 1 条，差评回访 1 条），已存在未变 0 条',
      },
    ]);
  });
});
