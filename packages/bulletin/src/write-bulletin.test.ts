import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessQuarter,
  POLICY_A,
  POLICY_B,
  parseScenarioDocument,
  reserveStandingText,
} from '@chuangkou/rules';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import WORKED from '../../../examples/worked-example.json' with { type: 'json' };
import { BulletinError } from './bulletin.errors.ts';
import type { TBulletin, TResultsBulletin, TResultsRow } from './bulletin.types.ts';
import { toResultsRows } from './from-assessment.ts';
import { patrolClauses } from './patrol-clauses.ts';
import { findRow, merges, readBack, rowTexts, text } from './testing/read-back.ts';
import {
  largeResults,
  SAMPLE_CENTER,
  sampleAwards,
  sampleBehaviours,
  sampleCadres,
  sampleCenter,
  sampleFines,
  samplePatrol,
  sampleResults,
  sampleYearEnd,
} from './testing/sample-bulletins.ts';
import { bulletinFileName, renderBulletin, writeBulletinFile } from './write-bulletin.ts';

const folder = mkdtempSync(join(tmpdir(), 'bulletin-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const center = sampleCenter();

async function render(bulletin: TBulletin): Promise<ExcelJS.Workbook> {
  return readBack(await renderBulletin(bulletin));
}

function firstSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** Every sheet of every bulletin prints the same way: these are the print settings. */
function expectOfficialPrint(
  sheet: ExcelJS.Worksheet,
  orientation: 'portrait' | 'landscape',
  headerRow: number,
) {
  const setup = sheet.pageSetup;
  expect(setup.paperSize).toBe(9);
  expect(setup.orientation).toBe(orientation);
  expect(setup.fitToPage).toBe(true);
  expect(setup.fitToWidth).toBe(1);
  expect(setup.fitToHeight).toBe(0);
  expect(setup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  expect(setup.margins).toMatchObject({ left: 0.79, right: 0.79, top: 0.87, bottom: 0.87 });
  expect(sheet.headerFooter.oddFooter).toContain('&P');
  expect(sheet.headerFooter.oddFooter).toContain('&N');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  const lastColumn = sheet.getRow(headerRow).cellCount;
  expect(merges(sheet)).toContain(`A1:${sheet.getColumn(lastColumn).letter}1`);
  expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', bold: true, size: 18 });
  const header = sheet.getRow(headerRow).getCell(1);
  expect(header.font).toMatchObject({ name: '宋体', bold: true });
  expect(header.border?.top?.style).toBe('thin');
  expect(header.border?.bottom?.style).toBe('thin');
}

describe('results bulletin (季度考核结果公示)', () => {
  const bulletin = sampleResults(center);

  it('prints title, period, notice period, objection phone and publication date', async () => {
    const sheet = firstSheet(await render(bulletin));
    expect(sheet.name).toBe('考核结果公示');
    expect(text(sheet, 'A1')).toBe(`${SAMPLE_CENTER}2026年第三季度窗口工作人员考核结果公示`);
    expect(text(sheet, 'A2')).toContain('公示期为2026年10月9日至2026年10月15日');
    expect(text(sheet, 'A2')).toContain('0791-83761234');
    expect(sheet.getCell('A2').font).toMatchObject({ name: '仿宋' });
    expect(text(sheet, 'A3')).toBe('公示期：2026年10月9日至2026年10月15日');
    expect(findRow(sheet, 1, '2026年10月9日')).toBeGreaterThan(4 + bulletin.rows.length);
    expect(findRow(sheet, 1, SAMPLE_CENTER)).toBeGreaterThan(4 + bulletin.rows.length);
  });

  it('has the print settings of an official A4 landscape sheet', async () => {
    expectOfficialPrint(firstSheet(await render(bulletin)), 'landscape', 4);
  });

  it('prints every row in the engine order with the three categories from the policy', async () => {
    const sheet = firstSheet(await render(bulletin));
    expect(rowTexts(sheet, 4)).toEqual([
      '名次',
      '姓名',
      '窗口',
      '所在单位',
      '文明服务、思想品德\n（30分）',
      '业务技能\n（40分）',
      '劳动纪律\n（30分）',
      '加分',
      '总分',
      '考核等次',
      '备注',
    ]);
    bulletin.rows.forEach((row, i) => {
      const cells = sheet.getRow(5 + i);
      expect(cells.getCell(2).value).toBe(row.name);
      expect(cells.getCell(5).value).toBe(row.categories.civility);
      expect(cells.getCell(6).value).toBe(row.categories.skills);
      expect(cells.getCell(7).value).toBe(row.categories.discipline);
      expect(cells.getCell(9).value).toBe(row.total);
    });
    const data = sheet.getRow(5).getCell(2);
    expect(data.font).toMatchObject({ name: '宋体', size: 11 });
    expect(data.border?.left?.style).toBe('thin');
  });

  it('marks incompetent rows in grey bold and ties as 并列', async () => {
    const sheet = firstSheet(await render(bulletin));
    const incompetent = bulletin.rows.findIndex((row) => row.grade === 'incompetent');
    expect(incompetent).toBeGreaterThan(-1);
    const marked = sheet.getRow(5 + incompetent);
    expect(marked.getCell(10).value).toBe('不称职');
    expect(marked.getCell(10).font?.bold).toBe(true);
    expect(marked.getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    expect(marked.getCell(11).value).toContain('批评教育');
    const plain = sheet.getRow(5 + bulletin.rows.findIndex((row) => row.grade === 'competent'));
    expect((plain.getCell(1).fill as { pattern?: string } | undefined)?.pattern ?? 'none').not.toBe('solid');

    const tied = bulletin.rows.findIndex((row, i) =>
      bulletin.rows.some((o, j) => j !== i && o.rank === row.rank),
    );
    expect(tied).toBeGreaterThan(-1);
    expect(text(sheet, `A${5 + tied}`)).toBe(`${bulletin.rows[tied]!.rank}（并列）`);
    const alone = bulletin.rows.findIndex(
      (row, i) => !bulletin.rows.some((o, j) => j !== i && o.rank === row.rank),
    );
    expect(sheet.getCell(`A${5 + alone}`).value).toBe(bulletin.rows[alone]!.rank);
  });

  it('merges the title and text lines only, never a data row', async () => {
    const sheet = firstSheet(await render(bulletin));
    const dataRows = merges(sheet).filter((range) => {
      const row = Number(/\d+/.exec(range)![0]);
      return row > 4 && row <= 4 + bulletin.rows.length;
    });
    expect(dataRows).toEqual([]);
  });

  it('sizes columns from the text, a CJK character counting 2', async () => {
    const sheet = firstSheet(await render(bulletin));
    const longestWindow = Math.max(...bulletin.rows.map((row) => row.window.length));
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(longestWindow * 2);
    expect(sheet.getColumn(8).width).toBeLessThan(sheet.getColumn(3).width!);
  });

  it('marks a draft as 征求意见稿 in its title', async () => {
    const sheet = firstSheet(await render({ ...bulletin, status: 'draft' }));
    expect(text(sheet, 'A1')).toMatch(/（征求意见稿）$/);
  });

  it('prints the worked example as the engine computed it', async () => {
    const { policy, scenario } = parseScenarioDocument(WORKED);
    const assessment = assessQuarter(policy, scenario);
    const rows = toResultsRows(assessment.results, {
      s1: { name: '张三', window: '不动产登记1号窗口', unit: '不动产登记中心' },
      s2: { name: '李四', window: '不动产登记1号窗口', unit: '不动产登记中心' },
    });
    const sheet = firstSheet(await render({ ...bulletin, rows }));
    expect(rowTexts(sheet, 5)).toEqual([
      '1',
      '李四',
      '不动产登记1号窗口',
      '不动产登记中心',
      '30',
      '38',
      '30',
      '2',
      '100',
      '优秀',
      '无互评数据',
    ]);
    expect(rowTexts(sheet, 6)).toEqual([
      '2',
      '张三',
      '不动产登记1号窗口',
      '不动产登记中心',
      '22',
      '32',
      '30',
      '12',
      '96',
      '称职',
      '一票否决',
    ]);
  });

  it('names a staff id missing from the directory', () => {
    const result = assessQuarter(POLICY_A, {
      period: { year: 2026, quarter: 3 },
      staff: [{ id: 's9' }],
    }).results;
    expect(() => toResultsRows(result, {})).toThrow(/s9/);
  });
});

describe('behaviours bulletin (不规范行为通报)', () => {
  const bulletin = sampleBehaviours(center);

  it('lists every behaviour by window, then person, then date, with the policy text and the points', async () => {
    const sheet = firstSheet(await render(bulletin));
    expectOfficialPrint(sheet, 'landscape', 3);
    expect(text(sheet, 'A1')).toBe(`${SAMPLE_CENTER}2026年第三季度窗口工作人员不规范行为通报`);
    expect(rowTexts(sheet, 3)).toEqual([
      '序号',
      '窗口',
      '姓名',
      '所在单位',
      '日期',
      '条款',
      '不规范行为',
      '次数',
      '扣分',
      '备注',
    ]);
    const rows = bulletin.rows.length;
    const keys = Array.from({ length: rows }, (_, i) => rowTexts(sheet, 4 + i));
    expect(keys.map((k) => k[0])).toEqual(Array.from({ length: rows }, (_, i) => String(i + 1)));
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    for (let i = 1; i < rows; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(collator.compare(a[1]!, b[1]!) || collator.compare(a[2]!, b[2]!)).toBeLessThanOrEqual(0);
    }
    const late = keys.find((k) => k[5] === 'C4')!;
    expect(late[6]).toBe(POLICY_A.items.find((item) => item.code === 'C4')!.text);
    expect(Number(late[8])).toBe(Number(late[7]));
  });

  it('keeps a note that looks like a formula as text: a leading apostrophe, the cell a string', async () => {
    const row = bulletin.rows[0]!;
    const sheet = firstSheet(
      await render({ ...bulletin, rows: [{ ...row, note: '=HYPERLINK("http://evil.example","详情")' }] }),
    );
    const cell = sheet.getRow(4).getCell(10);
    expect(cell.value).toBe('\'=HYPERLINK("http://evil.example","详情")');
    expect(cell.formula).toBeUndefined();
  });

  it('orders windows by the number in their name (2号 before 10号)', async () => {
    const row = bulletin.rows[0]!;
    const rows = [
      { ...row, window: '不动产登记10号窗口' },
      { ...row, window: '不动产登记2号窗口' },
    ];
    const sheet = firstSheet(await render({ ...bulletin, rows }));
    expect([text(sheet, 'B4'), text(sheet, 'B5')]).toEqual(['不动产登记2号窗口', '不动产登记10号窗口']);
  });

  it('prints a fines column instead of points under a fines policy', async () => {
    const row = { ...bulletin.rows[0]!, points: undefined, fine: 10, item: 'F8' };
    const sheet = firstSheet(await render({ ...bulletin, rows: [row] }));
    expect(rowTexts(sheet, 3)).toContain('罚款（元）');
    expect(rowTexts(sheet, 3)).not.toContain('扣分');
  });

  it('says so when the period had no behaviour', async () => {
    const sheet = firstSheet(await render({ ...bulletin, rows: [] }));
    expect(text(sheet, 'A4')).toBe('本期无不规范行为');
  });
});

describe('fines bulletin (月度处罚汇总)', () => {
  const bulletin = sampleFines(center);

  it('totals the clause lines and ends with the three signature lines', async () => {
    const sheet = firstSheet(await render(bulletin));
    expectOfficialPrint(sheet, 'landscape', 4);
    expect(text(sheet, 'A1')).toBe(`${SAMPLE_CENTER}2026年10月绩效考核处罚汇总表`);
    const total = findRow(sheet, 1, '合计');
    const lines = bulletin.staff.reduce((sum, person) => sum + person.lines.length, 0);
    const subtotals = bulletin.staff.filter((person) => person.lines.length > 1).length;
    expect(subtotals).toBeGreaterThan(0);
    expect(total).toBe(5 + lines + subtotals);
    expect(sheet.getRow(total).getCell(9).value).toBe(bulletin.staff.reduce((sum, p) => sum + p.total, 0));
    const several = bulletin.staff.find((person) => person.lines.length > 1)!;
    const subtotal = findRow(sheet, 6, `${several.name} 小计`);
    expect(sheet.getRow(subtotal).getCell(9).value).toBe(several.total);
    // one row of three boxes: each signer's opinion, signature and date, in the sign-off's order
    const boxes = findRow(
      sheet,
      1,
      '审管科意见：\n\n\n审管科（签字）：＿＿＿＿＿＿\n日期：　　　年　　月　　日',
    );
    expect(boxes).toBeGreaterThan(total);
    const texts = [...new Set(rowTexts(sheet, boxes))];
    expect(texts.map((t) => t.slice(0, t.indexOf('意见')))).toEqual(['审管科', '分管领导', '主要领导']);
    expect(texts.every((t) => t.includes('（签字）：＿＿＿＿＿＿'))).toBe(true);
  });

  it('lists the forfeited bonuses and the people reported to their unit', async () => {
    const sheet = firstSheet(await render(bulletin));
    const forfeiter = bulletin.staff.find((person) => person.forfeitsMonthlyBonus)!;
    const forfeitRow = findRow(sheet, 10, '扣除当月绩效奖');
    expect(forfeitRow).toBeGreaterThan(0);
    expect(text(sheet, `B${forfeitRow}`)).toBe(forfeiter.name);
    const reported = bulletin.staff.find((person) => person.staff === bulletin.reportToUnit[0]!.staff)!;
    const reportRow = findRow(sheet, 10, '主管单位');
    expect(text(sheet, `B${reportRow}`)).toBe(reported.name);
    expect(text(sheet, `F${reportRow}`)).toBe('违反窗口工作人员行为规范');
    expect(findRow(sheet, 10, '向主管单位通报')).toBeGreaterThan(4);
  });

  it('refuses an item without a text', async () => {
    const staff = [{ ...bulletin.staff[0]!, lines: [{ item: 'F99', count: 1, amount: 10 }] }];
    await expect(renderBulletin({ ...bulletin, staff, reportToUnit: [] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('patrol bulletin (巡查值班记录表)', () => {
  it('prints the seed form blank: ten clauses, empty morning and afternoon columns', async () => {
    const sheet = firstSheet(await render(samplePatrol(false, center)));
    expectOfficialPrint(sheet, 'portrait', 4);
    expect(text(sheet, 'A1')).toBe('新建区行管委日常巡查值班记录表');
    expect(text(sheet, 'A2')).toBe('巡查日期：　　　　年　　月　　日');
    expect(rowTexts(sheet, 4)).toEqual(['序号', '处罚条款', '上午巡查情况', '下午巡查情况']);
    for (let no = 1; no <= 10; no++) {
      expect(text(sheet, `A${4 + no}`)).toBe(String(no));
      expect(text(sheet, `C${4 + no}`)).toBe('');
      expect(sheet.getRow(4 + no).height).toBeGreaterThanOrEqual(54);
    }
    expect(text(sheet, 'B6')).toContain('旷工一次处罚30元');
    expect(text(sheet, 'B6')).toContain('未挂胸牌');
  });

  it('fills a recorded patrol, 无 where nothing was found', async () => {
    const bulletin = samplePatrol(true, center);
    const sheet = firstSheet(await render(bulletin));
    expect(text(sheet, 'A2')).toBe('巡查日期：2026年10月13日');
    expect(text(sheet, 'A3')).toContain('熊卫东');
    expect(text(sheet, 'C5')).toBe(bulletin.patrol!.findings[1]!.morning);
    expect(text(sheet, 'D5')).toBe('无');
    expect(text(sheet, 'D10')).toContain('零食');
  });

  it('groups policy B items into the seed rows', () => {
    const clauses = patrolClauses(POLICY_B.items);
    expect(clauses.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(clauses[6]!.text).toContain('出现有效投诉');
  });
});

describe('awards bulletin (红旗窗口)', () => {
  it('announces the monthly red-flag windows with the bonus per person', async () => {
    const bulletin = sampleAwards('monthly', center);
    const sheet = firstSheet(await render(bulletin));
    expectOfficialPrint(sheet, 'portrait', 4);
    expect(text(sheet, 'A1')).toBe('关于授予2026年9月“红旗窗口”称号的通报');
    expect(text(sheet, 'B5')).toBe(bulletin.rows[0]!.window);
    expect(text(sheet, 'F5')).toBe('0');
    expect(text(sheet, 'G5')).toBe('+2');
  });

  it('announces the annual award with +5', async () => {
    const sheet = firstSheet(await render(sampleAwards('annual', center)));
    expect(text(sheet, 'A1')).toBe('关于授予2026年度“红旗窗口”称号的通报');
    expect(text(sheet, 'G5')).toBe('+5');
  });

  it('prints no bonus where the policy links none to the award', async () => {
    const bulletin = sampleAwards('monthly', center);
    const sheet = firstSheet(
      await render({ ...bulletin, rows: bulletin.rows.map((row) => ({ ...row, bonusPerPerson: null })) }),
    );
    expect(text(sheet, 'G5')).toBe('—');
  });

  it('refuses a monthly award without a month', async () => {
    await expect(
      renderBulletin({ ...sampleAwards('monthly', center), period: { year: 2026 } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'period.month',
    });
  });
});

describe('yearend bulletin (年终总评) and the cadre proposal (后备干部推荐名单), two documents', () => {
  const bulletin = sampleYearEnd(center);
  const cadres = sampleCadres(center);

  it('prints the year alone: the notice board never gets the cadre proposal', async () => {
    const workbook = await render(bulletin);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['年终总评']);
    const year = firstSheet(workbook);
    expectOfficialPrint(year, 'landscape', 3);
    const first = bulletin.rows[0]!;
    expect(rowTexts(year, 4).slice(1, 9)).toEqual([
      first.name,
      first.window,
      first.unit,
      ...[1, 2, 3, 4].map((q) => String(first.quarterTotals[q as 1] ?? '—')),
      String(first.mean),
    ]);
    expect(year.getCell('I4').numFmt).toBe('0.00');
    const ungraded = bulletin.rows.findIndex((row) => row.grade === null);
    expect(text(year, `J${4 + ungraded}`)).toBe('不评定');
    expect(text(year, `K${4 + ungraded}`)).toContain('考核不足两个季度');
  });

  it('prints the cadre proposal as its own internal file, for the leaders to confirm', async () => {
    const workbook = await render(cadres);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['后备干部推荐名单']);
    const sheet = firstSheet(workbook);
    expectOfficialPrint(sheet, 'portrait', 3);
    expect(text(sheet, 'A1')).toContain('（内部材料，不予公示）');
    expect(cadres.candidates.length).toBeGreaterThan(0);
    expect(text(sheet, 'B4')).toBe(cadres.candidates[0]!.name);
    expect(text(sheet, 'G4')).toContain('季度考核优秀');
    expect(findRow(sheet, 1, '主要领导（签字）：＿＿＿＿＿＿＿＿')).toBeGreaterThan(4);
    expect(bulletinFileName(cadres)).toBe('2026年后备干部推荐名单.xlsx');
  });

  it('考核细则 二(四) 推荐列入后备干部人才库: prints each candidate’s place in the pool (人才库状态)', async () => {
    const sheet = firstSheet(await render(cadres));
    expect(text(sheet, 'H3')).toBe('人才库状态');
    expect(text(sheet, 'H4')).toBe('已入库（2026-03-02起）');
    expect(text(sheet, 'H5')).toBe('已移出（2026-09-15）');
    expect(reserveStandingText({ status: 'notYet', date: null })).toBe('未入库');
    expect(text(sheet, 'I3')).toBe('领导确认');
    expect(bulletinFileName(bulletin)).toBe('2026年年终总评.xlsx');
  });
});

describe('writeBulletinFile', () => {
  it('writes the file and leaves no temporary file behind', async () => {
    const path = join(folder, 'results.xlsx');
    const written = await writeBulletinFile(sampleResults(center), path);
    expect(written.bytes).toBeGreaterThan(1000);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const sheet = firstSheet(await readBack(path));
    expect(text(sheet, 'B5')).toBe(sampleResults(center).rows[0]!.name);
  });

  it('refuses a period without results, creating nothing', async () => {
    const path = join(folder, 'empty.xlsx');
    const error = await writeBulletinFile({ ...sampleResults(center), rows: [] }, path).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BulletinError);
    expect(error).toMatchObject({
      code: 'EMPTY_PERIOD',
      message: '2026年第三季度没有已公布或草稿的考核结果',
    });
    expect(readdirSync(folder)).not.toContain('empty.xlsx');
  });

  it('refuses an unknown kind, naming it', async () => {
    const bogus = { ...sampleResults(center), kind: 'minutes' } as unknown as TBulletin;
    await expect(writeBulletinFile(bogus, join(folder, 'x.xlsx'))).rejects.toMatchObject({
      code: 'UNKNOWN_KIND',
      message: expect.stringContaining('minutes'),
    });
  });

  it('refuses an unwritable path and keeps an existing file intact', async () => {
    const blocker = join(folder, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(writeBulletinFile(sampleResults(center), join(blocker, 'out.xlsx'))).rejects.toMatchObject({
      code: 'UNWRITABLE_PATH',
    });
    await expect(writeBulletinFile(sampleResults(center), folder)).rejects.toMatchObject({
      code: 'UNWRITABLE_PATH',
    });
    const existing = join(folder, 'existing.xlsx');
    writeFileSync(existing, 'old');
    await expect(writeBulletinFile({ ...sampleResults(center), rows: [] }, existing)).rejects.toBeInstanceOf(
      BulletinError,
    );
    expect(readFileSync(existing, 'utf8')).toBe('old');
  });

  it('names files after the period and kind', () => {
    expect(bulletinFileName(sampleResults(center))).toBe('2026年第三季度考核结果公示.xlsx');
    expect(bulletinFileName(sampleFines(center))).toBe('2026年10月月度处罚汇总.xlsx');
    expect(bulletinFileName(samplePatrol(false, center))).toBe('巡查值班记录表（空白）.xlsx');
  });
});

describe('streaming a large bulletin', () => {
  it('keeps styles on every row of 3,000 and merges only the text lines', async () => {
    const bulletin: TResultsBulletin = largeResults(3000);
    const sheet = firstSheet(await render(bulletin));
    const last = 4 + bulletin.rows.length;
    const row: TResultsRow = bulletin.rows[bulletin.rows.length - 1]!;
    expect(text(sheet, `B${last}`)).toBe(row.name);
    expect(sheet.getCell(`B${last}`).font).toMatchObject({ name: '宋体' });
    expect(sheet.getCell(`B${last}`).border?.bottom?.style).toBe('thin');
    expect(merges(sheet).length).toBeLessThanOrEqual(7);
  });
});

describe('writeBulletinFile failing midway', () => {
  it('removes the temporary file and leaves no output when writing throws after the file was opened', async () => {
    const bulletin = sampleResults(center);
    // Not a string: validation passes (the value is only carried), the writer chokes on it.
    const rows = bulletin.rows.map((row, i) =>
      i === 5 ? { ...row, window: 10n as unknown as string } : row,
    );
    const path = join(folder, 'midway.xlsx');
    await expect(writeBulletinFile({ ...bulletin, rows }, path)).rejects.toThrow();
    expect(readdirSync(folder).filter((f) => f.includes('midway'))).toEqual([]);
  });
});
