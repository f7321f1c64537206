import { bulletinSheets } from '@chuangkou/bulletin';
import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * 规范化服务通知 三(二)1 不着工作服 (U1) is a non-standard behaviour like the others: the 不规范行为通报
 * (考核细则 二(二): 所有不规范行为在公示栏上公布) lists it, with its fine, and cites the document it comes from.
 */
describe.each(TEST_DIALECTS)('U1 in the behaviours notice on %s', (dialect) => {
  let s: TApiSetup;
  let wang: number;
  beforeAll(async () => {
    s = await setupApi(dialect);
    wang = s.f.staff[2]!.id;
    const sup = s.as('supervisor');
    for (const date of ['2026-10-09', '2026-10-13'])
      await sup.records.create({ staffId: wang, item: 'U1', date, note: '未着工作服' });
    await sup.records.create({ staffId: wang, item: 'C4', date: '2026-10-14' });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('规范化服务通知 三(二)1 凡工作时间不着工作服者，一次罚款10元: the month’s 不规范行为通报 lists each U1 with its fine and the seed’s words', async () => {
    const notice = await s.as('supervisor').bulletins.behaviours({ year: 2026, month: 10 });
    const uniform = notice.rows.filter((r) => r.item === 'U1').sort((a, b) => a.date.localeCompare(b.date));
    expect(uniform.map((r) => [r.date, r.fine, r.qty])).toEqual([
      ['2026-10-09', 10, 1],
      ['2026-10-13', 10, 1],
    ]);
    expect(uniform[0]!.text).toContain('凡工作时间不着工作服者，一次罚款10元');
    // the quarter's notice too
    const q4 = await s.as('supervisor').bulletins.behaviours({ year: 2026, quarter: 4 });
    expect(q4.rows.filter((r) => r.item === 'U1')).toHaveLength(2);
  });

  it('规范化服务通知 三(二)1: the notice cites 《房屋置业担保公司加强窗口规范化服务的通知》 beside the 考核细则 its other rows come from', async () => {
    const notice = await s.as('supervisor').bulletins.behaviours({ year: 2026, month: 10 });
    expect(notice.policyTitles).toEqual([
      '房管局行政服务中心窗口工作人员考核细则',
      '房屋置业担保公司加强窗口规范化服务的通知',
    ]);
    const [sheet] = bulletinSheets(notice);
    const opening = sheet!.preamble?.map((line) => ('text' in line ? line.text : '')).join('') ?? '';
    expect(opening).toContain(
      '《房管局行政服务中心窗口工作人员考核细则》和《房屋置业担保公司加强窗口规范化服务的通知》',
    );
    // a month without U1 does not cite it
    const september = await s.as('supervisor').bulletins.behaviours({ year: 2026, month: 9 });
    expect(september.policyTitles).not.toContain('房屋置业担保公司加强窗口规范化服务的通知');
  });
});
