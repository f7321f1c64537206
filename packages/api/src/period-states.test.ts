import { bulletinSheets } from '@chuangkou/bulletin';
import { countAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerBulletinOf } from './services/bulletin.service.ts';
import { setupApi, type TApiSetup, TODAY } from './testing/api-test-setup.ts';

/** domain.md "Time": periods are future, running, ended or published; a period before the center began is refused by name. */
describe.each(TEST_DIALECTS)('period states on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const sup = s.as('supervisor');
    const [zhang, li] = s.f.staff;
    // the center's first data: its people, assigned from 2020-01-01 (the fixture)
    await sup.records.create({ staffId: li!.id, item: 'A1', date: '2025-07-01' });
    // 李四 is weak in Q1–Q3 2026, and strong in the running Q4
    for (const date of ['2026-02-10', '2026-05-12', '2026-08-11'])
      await sup.records.create({ staffId: li!.id, item: 'B5', date, qty: 5 });
    await sup.records.create({ staffId: zhang!.id, item: 'D2', date: '2026-10-09', level: 'province' });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('refuses to publish 2000 Q1 (before the center began) by name, writing nothing', async () => {
    const audits = await countAudit(s.t.db);
    const refusal = {
      code: 'BAD_REQUEST',
      message: 'quarter：2000年第1季度早于本中心开始考核的日期（2020-01-01），没有考核数据',
    };
    await expect(s.as('leader').assessment.publish({ year: 2000, quarter: 1 })).rejects.toMatchObject(
      refusal,
    );
    await expect(s.as('leader').assessment.quarter({ year: 2000, quarter: 1 })).rejects.toMatchObject(
      refusal,
    );
    expect(await countAudit(s.t.db)).toBe(audits);
  });

  it('the download and the command line refuse 2019 Q1 and the 2019 year-end with the same message', async () => {
    const quarter = 'quarter：2019年第1季度早于本中心开始考核的日期（2020-01-01），没有考核数据';
    await expect(s.as('leader').bulletins.results({ year: 2019, quarter: 1 })).rejects.toMatchObject({
      message: quarter,
    });
    await expect(
      centerBulletinOf(s.t.db, s.f.centerId, { kind: 'results', year: 2019, quarter: 1 }, TODAY),
    ).rejects.toMatchObject({ message: quarter });
    const year = 'year：2019年早于本中心开始考核的日期（2020-01-01），没有考核数据';
    await expect(s.as('leader').bulletins.yearend({ year: 2019 })).rejects.toMatchObject({ message: year });
    await expect(
      centerBulletinOf(s.t.db, s.f.centerId, { kind: 'yearend', year: 2019 }, TODAY),
    ).rejects.toMatchObject({ message: year });
    await expect(s.as('leader').assessment.cadreCandidates({ year: 2019 })).rejects.toMatchObject({
      message: year,
    });
  });

  it('the center may say when it began: a period before that is refused with the date it set', async () => {
    await s.as('admin').org.setBeganOn({ beganOn: '2026-01-01' });
    await expect(s.as('leader').assessment.quarter({ year: 2025, quarter: 4 })).rejects.toMatchObject({
      message: 'quarter：2025年第4季度早于本中心开始考核的日期（2026-01-01），没有考核数据',
    });
    await s.as('admin').org.setBeganOn({ beganOn: null });
    expect((await s.as('leader').assessment.quarter({ year: 2025, quarter: 4 })).results).toHaveLength(4);
  });

  it('a running quarter is a draft for comment: 征求意见稿, no notice period, and not published', async () => {
    const view = await s.as('leader').assessment.quarter({ year: 2026, quarter: 4 });
    expect(view).toMatchObject({ status: 'draft', state: 'running' });
    await expect(s.as('leader').assessment.publish({ year: 2026, quarter: 4 })).rejects.toMatchObject({
      message: 'quarter：2026年第4季度尚未结束（2026-12-31），不能公示',
    });
    const bulletin = await centerBulletinOf(
      s.t.db,
      s.f.centerId,
      { kind: 'results', year: 2026, quarter: 4 },
      TODAY,
    );
    const [sheet] = bulletinSheets(bulletin);
    expect(sheet!.title).toContain('征求意见稿');
    const text = JSON.stringify(sheet!.preamble);
    expect(text).toContain('尚未结束');
    expect(text).not.toContain('公示期');
    expect(text).not.toContain('异议');
  });

  it('a running year’s 年终总评 is provisional: the ended quarters only, and no cadre list', async () => {
    const li = s.f.staff[1]!.id;
    const year = await s.as('leader').assessment.yearEnd({ year: 2026 });
    expect(year.isProvisional).toBe(true);
    const row = year.results.find((r) => r.staffId === li)!;
    // 85 in each ended quarter; the running Q4 (100 so far) is not averaged in
    expect(row.quarterTotals).toEqual({ 1: 85, 2: 85, 3: 85 });
    expect(row.mean).toBe(85);
    await expect(s.as('leader').assessment.cadreCandidates({ year: 2026 })).rejects.toMatchObject({
      message: 'year：2026年尚未结束（2026-12-31），不能推荐后备干部',
    });
    const bulletin = await centerBulletinOf(s.t.db, s.f.centerId, { kind: 'yearend', year: 2026 }, TODAY);
    const sheets = bulletinSheets(bulletin);
    expect(sheets.map((x) => x.name)).toEqual(['年终总评']);
    expect(sheets[0]!.title).toContain('征求意见稿');
    expect(JSON.stringify(sheets[0]!.preamble)).toContain('第一季度、第二季度、第三季度');
  });
});
