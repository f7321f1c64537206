import { SIGN_OFF_LINE_LABELS, SIGN_OFF_LINES } from '@chuangkou/rules';
import { BulletinError } from '../bulletin.errors.ts';
import type { TFinesBulletin, TStaffFines } from '../bulletin.types.ts';
import { dateLabel, monthLabel, shortItemText } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { byWindowAndName, signatureLine } from './common.ts';

/** 审管科 / 分管领导 / 主要领导, the lines of the sign-off in their order. */
const DEFAULT_SIGNERS = SIGN_OFF_LINES.map((line) => SIGN_OFF_LINE_LABELS[line].zh);

/**
 * 月度处罚汇总 for sign-off (处罚办法 二2: 审管科每月初将上月汇总情况交分管领导和主要领导签批):
 * fines per person and clause, forfeited bonuses, the report-to-unit list, three signature lines.
 */
export function finesSheets(bulletin: TFinesBulletin): TSheetSpec[] {
  const month = monthLabel(bulletin.period);
  const signers = bulletin.signers ?? DEFAULT_SIGNERS;
  const text = (item: string, field: string): string => {
    const found = bulletin.itemTexts[item];
    if (found === undefined) {
      throw new BulletinError('INVALID_INPUT', `条款 ${item} 没有条文`, `no text for item ${item}`, field);
    }
    return shortItemText(found);
  };
  const byStaff = new Map<string, TStaffFines>(bulletin.staff.map((person) => [person.staff, person]));
  const people = byWindowAndName(bulletin.staff, () => 0);

  const rows: TRow[] = [];
  for (const person of people) {
    const lines = [...person.lines].sort((a, b) => a.item.localeCompare(b.item, 'en', { numeric: true }));
    for (const line of lines) {
      rows.push({
        cells: [
          rows.length + 1,
          person.name,
          person.window,
          person.unit,
          line.item,
          text(line.item, 'staff.lines.item'),
          line.count,
          line.amount,
          person.reportItems.includes(line.item) ? '向主管单位通报' : null,
        ],
      });
    }
  }
  const totalCount = people.reduce((sum, p) => sum + p.lines.reduce((s, line) => s + line.count, 0), 0);
  const totalAmount = people.reduce((sum, p) => sum + p.total, 0);
  if (rows.length > 0)
    rows.push({ cells: ['合计', null, null, null, null, null, totalCount, totalAmount, null] });

  const forfeits: TRow[] = [];
  for (const person of people) {
    if (!person.forfeitsMonthlyBonus) continue;
    for (const item of person.forfeitItems) {
      const count = person.lines.find((line) => line.item === item)?.count ?? 1;
      const cells = [forfeits.length + 1, person.name, person.window, person.unit, item];
      forfeits.push({ cells: [...cells, text(item, 'staff.forfeitItems'), count, null, '扣除当月绩效奖'] });
    }
  }

  const reports: TRow[] = [];
  for (const report of bulletin.reportToUnit) {
    const person = byStaff.get(report.staff);
    if (!person) {
      throw new BulletinError(
        'INVALID_INPUT',
        `通报名单中的人员 ${report.staff} 不在处罚明细中`,
        `staff ${report.staff} of the report list has no fines`,
        'reportToUnit.staff',
      );
    }
    for (const item of report.items) {
      const cells = [reports.length + 1, person.name, person.window, person.unit, item];
      reports.push({
        cells: [...cells, text(item, 'reportToUnit.items'), report.counts[item] ?? null, null, '主管单位'],
      });
    }
  }

  return [
    {
      name: '月度处罚汇总',
      orientation: 'landscape',
      title: `${bulletin.center}${month}绩效考核处罚汇总表`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '姓名', minWidth: 9 },
        { header: '窗口（科室）', align: 'left', maxWidth: 24, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 20, wrap: true },
        { header: '条款', minWidth: 6 },
        { header: '处罚事项', align: 'left', minWidth: 24, maxWidth: 40, wrap: true },
        { header: '次数', minWidth: 7 },
        { header: '金额（元）', minWidth: 9 },
        { header: '备注', minWidth: 14 },
      ],
      preamble: [
        {
          kind: 'split',
          left: `依据：《${bulletin.policyTitle}》`,
          right: `汇总日期：${dateLabel(bulletin.compiledOn)}`,
        },
        { kind: 'section', text: '一、处罚明细' },
      ],
      table: { kind: 'table', rows, emptyText: '本月无处罚' },
      after: [
        { kind: 'blank' },
        { kind: 'section', text: '二、扣除当月绩效奖' },
        {
          kind: 'table',
          header: ['序号', '姓名', '窗口（科室）', '所在单位', '条款', '事由', '次数', '', '处理'],
          rows: forfeits,
          emptyText: '本月无',
        },
        { kind: 'blank' },
        { kind: 'section', text: '三、向主管单位通报名单（一月内三次以上或经曝光属实）' },
        {
          kind: 'table',
          header: ['序号', '姓名', '窗口（科室）', '所在单位', '条款', '事项', '次数', '', '通报对象'],
          rows: reports,
          emptyText: '本月无',
        },
        { kind: 'blank' },
        { kind: 'blank' },
        ...signers.flatMap((signer) => [signatureLine(signer), { kind: 'blank' as const }]),
      ],
    },
  ];
}
