import { POLICY_C } from '@chuangkou/rules';
import { describe, expect, it } from 'vitest';
import { sampleComplaintLadder, sampleUniform } from '../testing/policy-c-samples.ts';
import { findRow, readBack, rowTexts, text } from '../testing/read-back.ts';
import { bulletinFileName, renderBulletin } from '../write-bulletin.ts';

const sheetOf = async (bulletin: Parameters<typeof renderBulletin>[0]) => {
  const workbook = await readBack(await renderBulletin(bulletin));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return { workbook, sheet };
};

/** The first cell's text of every row (a text line is merged across the row from column A). */
const allRows = (sheet: Awaited<ReturnType<typeof sheetOf>>['sheet']) =>
  Array.from({ length: sheet.rowCount }, (_, i) => text(sheet, `A${i + 1}`));

describe('complaintLadder bulletin (投诉处理决定)', () => {
  it('规范化服务通知 一(一): the decision for a person lists the complaints that led to the step, the clause in the seed’s words and the step’s consequence', async () => {
    const bulletin = sampleComplaintLadder();
    const { workbook, sheet } = await sheetOf(bulletin);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['投诉处理决定']);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(text(sheet, 'A1')).toBe('关于对林俊勇同志投诉问题的处理决定');
    const header = findRow(sheet, 1, '次数');
    expect(rowTexts(sheet, header + 1)).toEqual([
      '第1次',
      '2026年6月3日',
      '内部',
      '工作拖拉',
      bulletin.steps[0]!.content,
      '扣除工资100元',
    ]);
    expect(rowTexts(sheet, header + 2).slice(0, 3)).toEqual(['第2次', '2026年10月19日', '12345热线']);
    const rows = allRows(sheet);
    expect(rows).toContain(`　　“${POLICY_C.complaintLadder!.text}。”`);
    expect(rows.some((r) => r.includes('对你作出如下处理：待岗一周，不享受当月奖金，扣除半年奖金。'))).toBe(
      true,
    );
    // the count's reading is the center's, printed under its own heading, never inside the quotation
    const own = rows.indexOf('本中心细则（非原文）');
    expect(own).toBeGreaterThan(rows.indexOf(`　　“${POLICY_C.complaintLadder!.text}。”`));
    expect(rows[own + 1]).toContain('按自然年度累计');
    expect(bulletinFileName(bulletin)).toBe('2026年林俊勇投诉处理决定.xlsx');
  });

  it('refuses a person with no counted complaint, naming the field', async () => {
    await expect(renderBulletin({ ...sampleComplaintLadder(), steps: [] })).rejects.toMatchObject({
      code: 'EMPTY_PERIOD',
      field: 'staffId',
    });
  });
});

describe('uniform bulletin (没收工作服通知)', () => {
  it('规范化服务通知 三(二)1 没收工作服: the notice names each person, the month’s count, fines and dates, the seed’s text and the center’s reading of 连续 apart', async () => {
    const bulletin = sampleUniform();
    const { sheet } = await sheetOf(bulletin);
    expect(text(sheet, 'A1')).toBe('关于没收2026年10月违规人员工作服的通知');
    const header = findRow(sheet, 1, '序号');
    expect(rowTexts(sheet, header + 1)).toEqual([
      '1',
      '陈思远',
      '不动产登记1号窗口',
      '不动产登记中心',
      '3',
      '30',
      '10月9日、10月14日、10月27日',
      '没收工作服',
    ]);
    const rows = allRows(sheet);
    const u1 = POLICY_C.items.find((i) => i.code === 'U1')!;
    expect(rows).toContain(`　　“${u1.text}。”`);
    expect(rows[rows.indexOf('本中心细则（非原文）') + 1]).toContain('同一自然月内累计3次及以上');
    expect(bulletinFileName(bulletin)).toBe('2026年10月没收工作服通知.xlsx');
  });

  it('says 征求意见稿 while the month runs, and refuses a month with nobody to name', async () => {
    const { sheet } = await sheetOf({ ...sampleUniform(), runningAsOf: '2026-10-20' });
    expect(text(sheet, 'A1')).toContain('（征求意见稿）');
    await expect(renderBulletin({ ...sampleUniform(), rows: [] })).rejects.toMatchObject({
      code: 'EMPTY_PERIOD',
    });
  });
});
