import { describe, expect, it } from 'vitest';
import type { TBallotBulletin, TUnitLettersBulletin } from '../bulletin.types.ts';
import { PAGE_FOOTER, PAGE_FOOTER_OF_SEVERAL, pageFooter } from '../print-style.ts';
import { readBack } from '../testing/read-back.ts';
import { sampleResults } from '../testing/sample-bulletins.ts';
import { renderBulletin } from '../write-bulletin.ts';

const CENTER = '测试市政务服务中心';

const letters: TUnitLettersBulletin = {
  kind: 'unitletters',
  center: CENTER,
  period: { year: 2026, month: 9 },
  policyTitles: ['考核细则', '处罚办法'],
  publishedOn: '2026-10-08',
  letters: ['不动产登记中心', '税务局', '公安局'].map((unit, i) => ({
    unit,
    entries: [
      {
        name: `人员${i}`,
        window: `${unit}1号窗口`,
        cause: 'report' as const,
        fact: '9月3次',
        clause: '《处罚办法》一、8',
        seedText: '……发现一次处罚10元，一月内出现三次以上，向科室、窗口的主管单位通报',
      },
    ],
    interpretations: [],
  })),
};

const ballot: TBallotBulletin = {
  kind: 'ballot',
  center: CENTER,
  period: { year: 2026, quarter: 4 },
  policyTitle: '考核细则',
  clause: { clause: '考核细则 一(三)7', text: '窗口工作人员互评：实行好中差三档互评' },
  groups: [
    { window: '不动产登记1号窗口', unit: '不动产登记中心', members: ['张三', '李四'] },
    { window: '税务1号窗口', unit: '税务局', members: ['钱七', '孙八'] },
  ],
};

describe('pageFooter: every document numbers its own pages', () => {
  it('考核细则 二(二) 向所在单位领导通报: each unit’s letter starts at 第1页 and prints no workbook-wide 共M页', async () => {
    const workbook = await readBack(await renderBulletin(letters));
    expect(workbook.worksheets).toHaveLength(3);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.firstPageNumber).toBe(1);
      expect(sheet.headerFooter.oddFooter).toBe(PAGE_FOOTER_OF_SEVERAL);
      expect(sheet.headerFooter.oddFooter).toContain('第 &P 页');
      expect(sheet.headerFooter.oddFooter).not.toContain('&N');
    }
  });

  it('考核细则 一(三)7 好中差三档互评: each group’s ballot numbers its own pages', async () => {
    const workbook = await readBack(await renderBulletin(ballot));
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.firstPageNumber).toBe(1);
      expect(sheet.headerFooter.oddFooter).not.toContain('&N');
    }
  });

  it('考核细则 二(二) 对当期考核结果在公示栏上公布: a workbook of one document keeps 第N页 共M页', async () => {
    const workbook = await readBack(await renderBulletin(sampleResults()));
    expect(workbook.worksheets).toHaveLength(1);
    expect(workbook.worksheets[0]!.headerFooter.oddFooter).toBe(PAGE_FOOTER);
    expect(pageFooter(1)).toContain('共 &N 页');
    expect(pageFooter(2)).not.toContain('&N');
  });
});
