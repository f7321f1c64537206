import { PassThrough } from 'node:stream';
import { monthlyFines, POLICY_B } from '@chuangkou/rules';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TBulletin, TFinesBulletin } from './bulletin.types.ts';
import { patrolClauses } from './patrol-clauses.ts';
import { writeSheet } from './sheet-writer.ts';
import { findRow, readBack, rowTexts, text } from './testing/read-back.ts';
import { SAMPLE_CENTER, sampleCenter, samplePatrol, sampleResults } from './testing/sample-bulletins.ts';
import { bulletinSheets, renderBulletin } from './write-bulletin.ts';

const center = sampleCenter();

async function sheetOf(bulletin: TBulletin): Promise<ExcelJS.Worksheet> {
  const sheet = (await readBack(await renderBulletin(bulletin))).worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** Every cell text of a sheet, row by row. */
function allTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  for (let row = 1; row <= sheet.rowCount; row++) texts.push(...rowTexts(sheet, row).filter(Boolean));
  return texts;
}

function badgeFines(): TFinesBulletin {
  const person = center.staff[0]!;
  const fines = monthlyFines(POLICY_B, {
    year: 2026,
    month: 10,
    staff: [{ id: person.id, window: person.windowId, post: 'front' }],
    records: [5, 12, 19].map((day) => ({
      staff: person.id,
      item: 'F2b',
      date: `2026-10-${String(day).padStart(2, '0')}`,
    })),
  });
  return {
    kind: 'fines',
    center: SAMPLE_CENTER,
    period: { year: 2026, month: 10 },
    policyTitle: POLICY_B.name,
    itemTexts: Object.fromEntries(POLICY_B.items.map((item) => [item.code, item.text])),
    compiledOn: '2026-11-02',
    staff: fines.staff.map((s) => ({ ...s, name: person.name, window: person.window, unit: person.unit })),
    reportToUnit: fines.reportToUnit,
  };
}

describe('处罚办法 一、2 on the fines summary', () => {
  it('reports three missing badges as F2b with the report mark, never as F2 (旷工)', async () => {
    const sheet = await sheetOf(badgeFines());
    const detail = findRow(sheet, 5, 'F2b');
    expect(detail).toBeGreaterThan(0);
    expect(rowTexts(sheet, detail)).toContain('向主管单位通报');
    const report = findRow(sheet, 5, 'F2b', detail + 1);
    expect(report).toBeGreaterThan(detail);
    expect(text(sheet, `F${report}`)).toContain('窗口前台工作人员未挂胸牌上岗');
    expect(findRow(sheet, 5, 'F2')).toBe(-1);
    const texts = allTexts(sheet);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => t.includes('缺勤缺岗'))).toEqual([]);
  });
});

describe('处罚办法 二 巡查表 prints the seed only', () => {
  it('row 4 quotes the seed; the center’s 八个不准 reading stands apart, marked 本中心细则', async () => {
    const clauses = patrolClauses(POLICY_B.items);
    expect(clauses[3]!.text).not.toContain('八个不准');
    expect(clauses[3]!.centerRules).toEqual([expect.stringContaining('八个不准')]);
    const sheet = await sheetOf(samplePatrol(false, center));
    expect(text(sheet, 'B8')).not.toContain('八个不准');
    const heading = findRow(sheet, 1, '本中心细则（中心自定的执行口径，非《处罚办法》原文）：');
    expect(heading).toBeGreaterThan(14);
    expect(text(sheet, `A${heading + 1}`)).toMatch(/^第4条：违反“八个不准”/);
  });

  it('row 2 prints the 三次以上 sentence once', () => {
    const row2 = patrolClauses(POLICY_B.items)[1]!.text;
    expect(row2.match(/三次以上/g)).toHaveLength(1);
    expect(row2).toContain('每旷工一次处罚30元');
    expect(row2).toContain('未挂胸牌上岗');
  });

  it('grows the signature line with the signers, so a long list is never cut', async () => {
    const bulletin = samplePatrol(true, center);
    const inspectors = ['审管科 郑干事', '审管科 冯干事', '审管科 陈科长', '审管科 万丽华'];
    const sheet = await sheetOf({ ...bulletin, patrol: { ...bulletin.patrol!, inspectors } });
    expect(text(sheet, 'C3')).toContain('审管科 万丽华');
    const short = await sheetOf(bulletin);
    // two inspectors already take two lines in the form's right half (the row was 24 points: cut)
    expect(short.getRow(3).height).toBeGreaterThan(24);
    expect(sheet.getRow(3).height).toBeGreaterThan(short.getRow(3).height);
  });
});

describe('continuation pages', () => {
  it('carry the title and the period in the running head of every page', async () => {
    const bulletin = sampleResults(center);
    const sheet = await sheetOf(bulletin);
    expect(sheet.headerFooter.oddHeader).toContain('2026年第三季度窗口工作人员考核结果公示');
  });
});

describe('处罚办法 二2 the month summary for sign-off', () => {
  /** Nine people with one line each, one exposed (F5): the layout that put two signatures alone on page 2. */
  function nineLines(): TFinesBulletin {
    const staff = center.staff.slice(0, 9);
    const records = staff.map((person, i) => ({
      staff: person.id,
      item: i === 0 ? 'F5' : 'F8',
      date: `2026-10-${String(5 + i).padStart(2, '0')}`,
    }));
    const fines = monthlyFines(POLICY_B, {
      year: 2026,
      month: 10,
      staff: staff.map((s) => ({ id: s.id, window: s.windowId, post: 'front' as const })),
      records,
    });
    const names = new Map(staff.map((s) => [s.id, s]));
    return {
      kind: 'fines',
      center: SAMPLE_CENTER,
      period: { year: 2026, month: 10 },
      policyTitle: POLICY_B.name,
      itemTexts: Object.fromEntries(POLICY_B.items.map((item) => [item.code, item.text])),
      compiledOn: '2026-11-02',
      staff: fines.staff.map((s) => {
        const n = names.get(s.staff)!;
        return { ...s, name: n.name, window: n.window, unit: n.unit };
      }),
      reportToUnit: fines.reportToUnit,
      barredFromAwards: fines.barredFromAwards,
    };
  }

  it('keeps sections 二, 三 and the three sign-off boxes together: a page break before them, never between', async () => {
    const [spec] = bulletinSheets(nineLines());
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: new PassThrough().resume(),
      useStyles: true,
    });
    const { pageBreaks } = writeSheet(workbook, spec!);
    await workbook.commit();
    const sheet = await sheetOf(nineLines());
    const section2 = findRow(sheet, 1, '二、扣除当月绩效奖、取消评先评优');
    const boxes = findRow(
      sheet,
      1,
      '审管科意见：\n\n\n审管科（签字）：＿＿＿＿＿＿\n日期：　　　年　　月　　日',
    );
    expect(section2).toBeGreaterThan(0);
    expect(boxes).toBeGreaterThan(section2);
    // the break (one: nine details fill the first page) falls right before section 二's blank line
    expect(pageBreaks).toEqual([section2 - 2]);
    // three merged boxes (a merged cell reads back its box's text in every column)
    expect([...new Set(rowTexts(sheet, boxes))]).toEqual([
      expect.stringMatching(/^审管科意见/),
      expect.stringMatching(/^分管领导意见/),
      expect.stringMatching(/^主要领导意见/),
    ]);
    expect(sheet.getRow(boxes).height).toBeGreaterThanOrEqual(90);
  });

  it('puts no break where everything fits on one page', async () => {
    const one = nineLines();
    const [spec] = bulletinSheets({
      ...one,
      staff: one.staff.slice(1, 3),
      reportToUnit: [],
      barredFromAwards: { staff: [] },
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: new PassThrough().resume(),
      useStyles: true,
    });
    expect(writeSheet(workbook, spec!).pageBreaks).toEqual([]);
    await workbook.commit();
  });

  it('shows dates, labels every column and prints F5’s bar on the section and window', async () => {
    const bulletin = nineLines();
    const sheet = await sheetOf(bulletin);
    const f8 = findRow(sheet, 5, 'F8');
    expect(text(sheet, `G${f8}`)).toMatch(/^10月\d+日$/);
    for (const heading of [
      '二、扣除当月绩效奖、取消评先评优',
      '三、向主管单位通报名单（一月内三次以上或经曝光属实）',
    ]) {
      const section = findRow(sheet, 1, heading);
      expect(rowTexts(sheet, section + 1).filter((t) => t === '')).toEqual([]);
    }
    const exposed = bulletin.staff.find((s) => s.forfeitItems.includes('F5'))!;
    const forfeit = findRow(sheet, 5, 'F5', findRow(sheet, 1, '二、扣除当月绩效奖、取消评先评优'));
    expect(text(sheet, `J${forfeit}`)).toBe(
      `扣除当月绩效奖；所在科室、窗口（${exposed.window}）取消当月评先评优资格`,
    );
  });
});

describe('考核细则 二(二) 不规范行为通报', () => {
  it('counts an overdue case recorded as B5 and F3 once, lists every valid complaint and cites both documents', async () => {
    const person = { name: '林俊勇', window: '市场监管3号窗口', unit: '市场监督管理局' };
    const sheet = await sheetOf({
      kind: 'behaviours',
      center: SAMPLE_CENTER,
      period: { year: 2026, quarter: 3 },
      policyTitles: [
        '房管局行政服务中心窗口工作人员考核细则',
        '新建区行政服务中心各科室各窗口绩效考核处罚办法',
      ],
      publishedOn: '2026-10-09',
      rows: [
        { ...person, date: '2026-08-11', item: 'B5', text: '超期', qty: 2, points: -6, event: 'case:17' },
        { ...person, date: '2026-08-11', item: 'F3', text: '逾期件', qty: 1, fine: 10, event: 'case:17' },
        { ...person, date: '2026-08-20', item: 'C4', text: '迟到', qty: 1, points: -1 },
      ],
      complaints: [{ ...person, date: '2026-09-19', channel: '12345热线', cause: '工作拖拉', vetoes: true }],
    });
    const opening = text(sheet, 'A2');
    expect(opening).toContain(
      '根据《房管局行政服务中心窗口工作人员考核细则》和《新建区行政服务中心各科室各窗口绩效考核处罚办法》',
    );
    expect(opening).toContain('共2人次，有效投诉1件');
    const complaint = findRow(sheet, 6, '12345热线');
    expect(rowTexts(sheet, complaint)).toEqual(expect.arrayContaining(['林俊勇', '工作拖拉', '一票否决']));
  });
});
