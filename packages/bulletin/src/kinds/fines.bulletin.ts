import type { TFinesBulletin } from '../bulletin.types.ts';
import { dateLabel, monthLabel, shortDateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { byWindowAndName, signatureLine } from './common.ts';

const DEFAULT_SIGNERS = ['审管科', '分管领导', '主要领导'] as const;

/**
 * 月度处罚汇总 for sign-off (处罚办法 二2: 审管科每月初将上月汇总情况交分管领导和主要领导签批):
 * fines per person and clause, forfeited bonuses, the report-to-unit list, three signature lines.
 */
export function finesSheets(bulletin: TFinesBulletin): TSheetSpec[] {
  const month = monthLabel(bulletin.period);
  const signers = bulletin.signers ?? DEFAULT_SIGNERS;
  const reported = new Set(bulletin.reports.map((r) => `${r.name}\u0000${r.window}\u0000${r.item}`));
  const lines = byWindowAndName(bulletin.lines, (a, b) =>
    a.item.localeCompare(b.item, 'en', { numeric: true }),
  );
  const rows: TRow[] = lines.map((line, index) => ({
    cells: [
      index + 1,
      line.name,
      line.window,
      line.unit,
      line.item,
      line.text,
      line.count,
      line.amount,
      reported.has(`${line.name}\u0000${line.window}\u0000${line.item}`) ? '向主管单位通报' : null,
    ],
  }));
  const totalCount = lines.reduce((sum, line) => sum + line.count, 0);
  const totalAmount = lines.reduce((sum, line) => sum + line.amount, 0);
  if (rows.length > 0)
    rows.push({ cells: ['合计', null, null, null, null, null, totalCount, totalAmount, null] });

  const forfeits: TRow[] = byWindowAndName(bulletin.forfeits, (a, b) => a.date.localeCompare(b.date)).map(
    (forfeit, index) => ({
      cells: [
        index + 1,
        forfeit.name,
        forfeit.window,
        forfeit.unit,
        forfeit.item,
        forfeit.text,
        shortDateLabel(forfeit.date),
        null,
        '扣除当月绩效奖',
      ],
    }),
  );
  const reports: TRow[] = byWindowAndName(bulletin.reports, (a, b) => a.item.localeCompare(b.item)).map(
    (report, index) => ({
      cells: [
        index + 1,
        report.name,
        report.window,
        report.unit,
        report.item,
        report.text,
        report.count,
        null,
        '主管单位',
      ],
    }),
  );

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
        { header: '处罚事项', align: 'left', minWidth: 30, maxWidth: 50, wrap: true },
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
          header: ['序号', '姓名', '窗口（科室）', '所在单位', '条款', '事由', '日期', '', '处理'],
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
