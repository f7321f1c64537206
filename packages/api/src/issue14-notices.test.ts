import { bulletinSheets, type TUnitLettersBulletin } from '@chuangkou/bulletin';
import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerBulletinOf } from './services/bulletin.service.ts';
import { setupApi, type TApiSetup, TODAY } from './testing/api-test-setup.ts';

/** Issue 14 items 13, 14 and 16 from the database (TODAY is 2026-11-26). */
describe.each(TEST_DIALECTS)('the notices of issue 14 on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const sup = s.as('supervisor');
    const [zhang, li, wang, zhao] = s.f.staff;
    const [w1, w2] = s.f.windowIds;
    await sup.awards.grant({
      windowId: w1!,
      kind: 'redFlagMonthly',
      year: 2026,
      month: 3,
      date: '2026-04-02',
    });
    await sup.awards.grant({
      windowId: w2!,
      kind: 'redFlagMonthly',
      year: 2026,
      month: 10,
      date: '2026-11-02',
    });
    await sup.awards.grant({ windowId: w1!, kind: 'yellowCard', year: 2026, month: 10, date: '2026-10-20' });
    // 处罚办法 一、8: 赵六 three times in September; 考核细则 一(一)5: 王五 once (通报批评)
    for (const date of ['2026-09-03', '2026-09-10', '2026-09-17'])
      await sup.records.create({ staffId: zhao!.id, item: 'F8', date });
    await sup.records.create({ staffId: wang!.id, item: 'A5', date: '2026-09-08' });
    // 考核细则 二(一): 李四 不称职 in Q2 and Q3 → returned to his unit
    for (const date of ['2026-05-12', '2026-08-11']) {
      await sup.records.create({ staffId: li!.id, item: 'A1', date, qty: 6 });
      await sup.records.create({ staffId: li!.id, item: 'B4', date, qty: 14 });
    }
    // 张三 moves to window 2 on 2026-10-20: in Q4 he served more days on window 2
    await s
      .as('admin')
      .org.assignStaff({ staffId: zhang!.id, windowId: w2!, from: '2026-10-20', reason: '调岗' });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('考核细则 一(四)6: a running year without its annual flag prints the monthly flags so far', async () => {
    const bulletin = await s.as('staff').bulletins.awards({ year: 2026 });
    expect(bulletin.annualPending?.reason).toBe(
      '2026年尚未结束（2026-12-31），年度“红旗窗口”须待年度结束后评选',
    );
    expect(bulletin.rows.map((r) => [r.month, r.window, r.bonusPerPerson])).toEqual([
      [3, '不动产登记1号窗口', 2],
      [10, '不动产登记2号窗口', 2],
    ]);
    const [sheet] = bulletinSheets(bulletin);
    expect(sheet!.title).toContain('非年度“红旗窗口”评选结果');
  });

  it('考核细则 一(二)8: the yellow-card notice names the window’s people on the date and −2 each', async () => {
    const bulletin = await s.as('staff').bulletins.yellowcard({ year: 2026, month: 10 });
    expect(bulletin.clause).toEqual({
      clause: expect.stringContaining('一(二)8'),
      text: '窗口受黄牌警告，每人扣2分',
    });
    expect(bulletin.rows.map((r) => [r.window, r.staff, r.pointsPerPerson])).toEqual([
      // 张三 moved to window 2 that very day: the card reaches who served the window on its date
      ['不动产登记1号窗口', ['李四'], -2],
    ]);
    await expect(s.as('staff').bulletins.yellowcard({ year: 2099 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('考核细则 二(二) and 二(一): one letter to the unit, with the report, the criticism and the return', async () => {
    const bulletin = (await s.as('supervisor').bulletins.unitletters({
      year: 2026,
      month: 9,
    })) as TUnitLettersBulletin;
    expect(bulletin.letters.map((l) => l.unit)).toEqual(['不动产登记中心']);
    const entries = bulletin.letters[0]!.entries.map((e) => [e.name, e.cause, e.clause]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['赵六', 'report', expect.stringContaining('一、8')],
        ['王五', 'circulatedCriticism', expect.stringContaining('一(一)5')],
        ['李四', 'returnToUnit', expect.stringContaining('二(一)')],
      ]),
    );
    expect(entries).toHaveLength(3);
    const report = bulletin.letters[0]!.entries.find((e) => e.cause === 'report')!;
    expect(report.fact).toBe('9月3次');
    expect(report.seedText).toContain('一月内出现三次以上');
    // 三次以上 includes three: the center's reading, printed apart
    expect(bulletin.letters[0]!.interpretations.join()).toContain('含三次');
    // the administrator and the staff do not get the letters (as fines.monthly)
    await expect(s.as('staff').bulletins.unitletters({ year: 2026, month: 9 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('处罚办法 三次以上 counts three: two in a month are not reported', async () => {
    const bulletin = await centerBulletinOf(
      s.t.db,
      s.f.centerId,
      { kind: 'unitletters', year: 2026, month: 8 },
      TODAY,
    );
    expect(bulletin.kind === 'unitletters' && bulletin.letters).toEqual([]);
  });

  it('考核细则 一(三)7: the ballot groups people by the window of most days in the quarter', async () => {
    const q3 = await s.as('staff').bulletins.ballot({ year: 2026, quarter: 3 });
    expect(q3.groups.map((g) => [g.window, [...g.members].sort()])).toEqual([
      ['不动产登记1号窗口', ['张三', '李四'].sort()],
      ['不动产登记2号窗口', ['王五', '赵六'].sort()],
    ]);
    // Q4: 张三 served 19 days on window 1 and the rest on window 2
    const q4 = await s.as('staff').bulletins.ballot({ year: 2026, quarter: 4 });
    expect(q4.groups.find((g) => g.window === '不动产登记2号窗口')!.members).toContain('张三');
    expect(q4.groups.find((g) => g.window === '不动产登记1号窗口')!.members).toEqual(['李四']);
    await expect(s.as('staff').org.colleagues({ year: 2099, quarter: 1 })).rejects.toMatchObject({
      message: `quarter：所选期间尚未开始（今天是 ${TODAY}）`,
    });
  });
});
