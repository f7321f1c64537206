import { describe, expect, it } from 'vitest';
import type {
  TAwardsBulletin,
  TBallotBulletin,
  TUnitLettersBulletin,
  TYellowCardBulletin,
} from '../bulletin.types.ts';
import type { TLine, TSheetSpec } from '../sheet-writer.ts';
import { bulletinFileName, bulletinSheets, renderBulletin } from '../write-bulletin.ts';

const CENTER = '测试市政务服务中心';
const lines = (spec: TSheetSpec) =>
  [spec.title, ...[...spec.preamble, ...spec.after].map((l) => JSON.stringify(l as TLine))].join('\n');
const cells = (spec: TSheetSpec) => spec.table.rows.map((r) => r.cells.join('|'));

describe('考核细则 一(四)6 年度“红旗窗口” not yet given: the year’s monthly flags so far', () => {
  const bulletin: TAwardsBulletin = {
    kind: 'awards',
    center: CENTER,
    scope: 'annual',
    period: { year: 2026 },
    policyTitle: '考核细则',
    publishedOn: '2026-12-02',
    annualPending: {
      asOf: '2026-12-02',
      reason: '2026年尚未结束（2026-12-31），年度“红旗窗口”须待年度结束后评选',
    },
    rows: [
      {
        window: '不动产登记1号窗口',
        unit: '不动产登记中心',
        staff: ['张三', '李四'],
        reason: '',
        validComplaints: 0,
        bonusPerPerson: 2,
        month: 3,
      },
      {
        window: '税务2号窗口',
        unit: '税务局',
        staff: ['王五'],
        reason: '',
        validComplaints: 1,
        bonusPerPerson: 2,
        month: 10,
      },
    ],
  };

  it('prints the monthly flags with their months, marked as not the annual award, with why', () => {
    const [sheet] = bulletinSheets(bulletin);
    expect(sheet!.title).toContain('非年度“红旗窗口”评选结果');
    expect(sheet!.title).not.toMatch(/^关于授予/);
    expect(lines(sheet!)).toContain('须待年度结束后评选');
    expect(cells(sheet!)).toEqual([
      '1|3月|不动产登记1号窗口|不动产登记中心|张三、李四|0|+2',
      '2|10月|税务2号窗口|税务局|王五|1|+2',
    ]);
    expect(bulletinFileName(bulletin)).toBe('2026年度月度红旗窗口汇总.xlsx');
  });

  it('still refuses a year with neither annual nor monthly flags, naming why', () => {
    expect(() => bulletinSheets({ ...bulletin, rows: [] })).toThrow(/2026年尚无月度红旗窗口/);
  });
});

describe('考核细则 一(二)8 黄牌警告通报', () => {
  const bulletin: TYellowCardBulletin = {
    kind: 'yellowcard',
    center: CENTER,
    period: { year: 2026, month: 10 },
    policyTitle: '考核细则',
    clause: { clause: '考核细则 一(二)8', text: '窗口受黄牌警告，每人扣2分' },
    publishedOn: '2026-10-20',
    rows: [
      {
        window: '不动产登记1号窗口',
        unit: '不动产登记中心',
        date: '2026-10-20',
        staff: ['张三', '李四'],
        reason: '逾期件多',
        pointsPerPerson: -2,
      },
    ],
  };

  it('names each window, its people on the date and the deduction, citing the clause in its words', async () => {
    const [sheet] = bulletinSheets(bulletin);
    expect(sheet!.title).toBe('关于给予2026年10月有关窗口“黄牌警告”的通报');
    expect(lines(sheet!)).toContain('一(二)8“窗口受黄牌警告，每人扣2分”');
    expect(cells(sheet!)).toEqual([
      '1|不动产登记1号窗口|不动产登记中心|2026年10月20日|张三、李四|逾期件多|-2',
    ]);
    expect((await renderBulletin(bulletin)).length).toBeGreaterThan(1000);
  });

  it('refuses a month without a yellow card', () => {
    expect(() => bulletinSheets({ ...bulletin, rows: [] })).toThrow('2026年10月没有窗口受黄牌警告');
  });
});

describe('考核细则 二(二) 向所在单位领导通报: one letter per unit', () => {
  const bulletin: TUnitLettersBulletin = {
    kind: 'unitletters',
    center: CENTER,
    period: { year: 2026, month: 9 },
    policyTitles: ['考核细则', '处罚办法'],
    publishedOn: '2026-10-08',
    letters: [
      {
        unit: '不动产登记中心',
        entries: [
          {
            name: '赵六',
            window: '不动产登记2号窗口',
            cause: 'report',
            fact: '9月3次',
            clause: '《处罚办法》一、8',
            seedText: '……发现一次处罚10元，一月内出现三次以上，向科室、窗口的主管单位通报',
          },
        ],
        interpretations: ['“三次以上”含三次：一个月内同一条款第三次起即通报所在单位。'],
      },
      {
        unit: '税务局',
        entries: [
          {
            name: '王五',
            window: '税务1号窗口',
            cause: 'returnToUnit',
            fact: '2026年第2季度、第3季度连续“不称职”',
            clause: '《考核细则》二(一)',
            seedText: '对季度考核为“不称职”的人员给予批评教育，连续二次考核为“不称职”的人员将退回所在单位。',
          },
        ],
        interpretations: [],
      },
    ],
  };

  it('writes one letter to each unit’s leaders, the seed words in the row, the center’s reading apart', () => {
    const sheets = bulletinSheets(bulletin);
    expect(sheets.map((s) => s.name)).toEqual(['不动产登记中心', '税务局']);
    const [first, second] = sheets;
    expect(JSON.stringify(first!.preamble[0])).toContain('不动产登记中心领导：');
    expect(cells(first!)[0]).toContain('《处罚办法》一、8：“……发现一次处罚10元，一月内出现三次以上');
    // the reading is printed under its own heading, never in the clause's cell
    expect(lines(first!)).toContain('本中心执行口径（中心自定，非《考核细则》《处罚办法》原文）');
    expect(cells(first!).join()).not.toContain('含三次');
    // 退回所在单位 (考核细则 二(一)): said in the title and the letter, the row marked
    expect(second!.title).toContain('退回所在单位');
    expect(second!.table.rows[0]!.isMarked).toBe(true);
    expect(lines(second!)).not.toContain('本中心执行口径');
    // a letter without a fine's report does not cite the fines document
    expect(JSON.stringify(second!.preamble[1])).not.toContain('处罚办法');
  });

  it('refuses a month with nobody to report', () => {
    expect(() => bulletinSheets({ ...bulletin, letters: [] })).toThrow('2026年9月没有需要通报所在单位的人员');
  });
});

describe('考核细则 一(三)7 好中差三档互评: the paper ballot', () => {
  const bulletin: TBallotBulletin = {
    kind: 'ballot',
    center: CENTER,
    period: { year: 2026, quarter: 4 },
    policyTitle: '考核细则',
    clause: { clause: '考核细则 一(三)7', text: '窗口工作人员互评：实行好中差三档互评' },
    groups: [
      { window: '不动产登记1号窗口', unit: '不动产登记中心', members: ['张三', '李四', '孙八'] },
      { window: '税务1号窗口', unit: '税务局', members: ['钱七'] },
    ],
  };

  it('gives each group of two or more a sheet with 好 / 中 / 差 for each colleague', () => {
    const sheets = bulletinSheets(bulletin);
    expect(sheets.map((s) => s.name)).toEqual(['不动产登记1号窗口']);
    expect(sheets[0]!.columns.map((c) => c.header).slice(1, 5)).toEqual(['被评人', '好', '中', '差']);
    expect(cells(sheets[0]!)).toEqual(['1|张三|□|□|□|', '2|李四|□|□|□|', '3|孙八|□|□|□|']);
    expect(lines(sheets[0]!)).toContain('评议人（签字）');
    expect(bulletinFileName(bulletin)).toBe('2026年第四季度季度互评表.xlsx');
  });
});
