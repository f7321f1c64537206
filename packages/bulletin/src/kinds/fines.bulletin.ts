import { SIGN_OFF_LINE_LABELS, SIGN_OFF_LINES } from '@chuangkou/rules';
import { BulletinError } from '../bulletin.errors.ts';
import type { TFinesBulletin, TFinesSupplement, TStaffFines } from '../bulletin.types.ts';
import { dateLabel, monthLabel, shortDateLabel, shortItemText } from '../labels.ts';
import type { TCell, TLine, TRow, TSheetSpec } from '../sheet-writer.ts';
import { byWindowAndName, signedLine } from './common.ts';

/** 审管科 / 分管领导 / 主要领导, the lines of the sign-off in their order. */
const DEFAULT_SIGNERS = SIGN_OFF_LINES.map((line) => SIGN_OFF_LINE_LABELS[line].zh);

/** 10月5日、12日、19日: the days of a line, the month written once. */
function datesLabel(dates: readonly string[] | undefined): string | null {
  if (!dates || dates.length === 0) return null;
  const [first, ...rest] = dates;
  return [shortDateLabel(first!), ...rest.map((d) => `${Number(d.slice(8, 10))}日`)].join('、');
}

/**
 * 月度处罚汇总 for sign-off (处罚办法 二2: 审管科每月初将上月汇总情况交分管领导和主要领导签批):
 * fines per person and clause with the dates and a subtotal per person, the forfeited bonuses and
 * barred awards, the report-to-unit list (each behaviour under its own code), then each signer's
 * opinion and signature, kept together on one page.
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
  const barred = new Set(bulletin.barredFromAwards?.staff ?? []);

  const rows: TRow[] = [];
  let number = 0;
  for (const person of people) {
    const lines = [...person.lines].sort((a, b) => a.item.localeCompare(b.item, 'en', { numeric: true }));
    for (const line of lines) {
      rows.push({
        cells: [
          ++number,
          person.name,
          person.window,
          person.unit,
          line.item,
          text(line.item, 'staff.lines.item'),
          datesLabel(line.dates),
          line.count,
          line.amount,
          person.reportItems.includes(line.item) ? '向主管单位通报' : null,
        ],
      });
    }
    if (lines.length > 1) {
      const count = lines.reduce((sum, line) => sum + line.count, 0);
      rows.push({
        cells: [null, null, null, null, null, `${person.name} 小计`, null, count, person.total, null],
        isMarked: true,
      });
    }
  }
  const totalCount = people.reduce((sum, p) => sum + p.lines.reduce((s, line) => s + line.count, 0), 0);
  const totalAmount = people.reduce((sum, p) => sum + p.total, 0);
  if (rows.length > 0)
    rows.push({
      cells: ['合计', null, null, null, null, `${people.length}人`, null, totalCount, totalAmount, null],
    });

  const forfeits: TRow[] = [];
  for (const person of people) {
    if (!person.forfeitsMonthlyBonus) continue;
    for (const item of person.forfeitItems) {
      const line = person.lines.find((l) => l.item === item);
      // 处罚办法 一、5: the exposed person's section and window lose the month's awards too
      const consequence = barred.has(person.staff)
        ? `扣除当月绩效奖；所在科室、窗口（${person.window}）取消当月评先评优资格`
        : '扣除当月绩效奖';
      const cells: TCell[] = [forfeits.length + 1, person.name, person.window, person.unit, item];
      forfeits.push({
        cells: [
          ...cells,
          text(item, 'staff.forfeitItems'),
          datesLabel(line?.dates),
          line?.count ?? 1,
          '—',
          consequence,
        ],
      });
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
      const line = person.lines.find((l) => l.item === item);
      const cells: TCell[] = [reports.length + 1, person.name, person.window, person.unit, item];
      const own = report.counts[item] ?? null;
      const group = report.groupCounts?.[item];
      reports.push({
        cells: [
          ...cells,
          text(item, 'reportToUnit.items'),
          datesLabel(line?.dates),
          own,
          group !== undefined && group !== own ? `同条合计${group}次` : null,
          '主管单位',
        ],
      });
    }
  }

  const signOff: TLine[] = [
    { kind: 'blank' },
    {
      kind: 'text',
      font: 'meta',
      text: `本月合计：${people.length}人，${totalCount}次，罚款${totalAmount}元；扣除当月绩效奖${forfeits.length}人次；向主管单位通报${bulletin.reportToUnit.length}人。`,
    },
    ...(bulletin.runningAsOf
      ? [
          {
            kind: 'text' as const,
            font: 'meta' as const,
            text: `注：${month}尚未结束，本表为截至${dateLabel(bulletin.runningAsOf)}的征求意见稿，月末汇总后签批。`,
          },
        ]
      : [
          ...(bulletin.isChangedSinceSigned
            ? [
                {
                  kind: 'text' as const,
                  font: 'meta' as const,
                  text: '注：签字后有变动。本表为签字时的汇总，变动列入补充汇总另行签批。',
                },
              ]
            : []),
          // one box per signer, side by side: the opinion, the signature and the date (as signed, or 未签)
          {
            kind: 'boxes' as const,
            height: 96,
            texts: signers.map((signer, i) => {
              const signature = bulletin.signatures ? (bulletin.signatures[i] ?? null) : undefined;
              const signed =
                signature === undefined
                  ? `${signer}（签字）：＿＿＿＿＿＿\n日期：　　　年　　月　　日`
                  : signature === null
                    ? `${signer}（签字）：未签\n日期：未签`
                    : `${signer}（签字）：${signature.userName}\n日期：${dateLabel(signature.signedAt.slice(0, 10))}`;
              return `${signer}意见：\n\n\n${signed}`;
            }),
          },
        ]),
  ];

  return [
    {
      name: '月度处罚汇总',
      orientation: 'landscape',
      title: `${bulletin.center}${month}绩效考核处罚汇总表${
        bulletin.runningAsOf ? '（征求意见稿）' : bulletin.isChangedSinceSigned ? '（签字后有变动）' : ''
      }`,
      runningHead: `${bulletin.center}${month}绩效考核处罚汇总表（${bulletin.runningAsOf ? '征求意见稿' : '签批'}）`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '姓名', minWidth: 9 },
        { header: '窗口（科室）', align: 'left', maxWidth: 22, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 18, wrap: true },
        { header: '条款', minWidth: 6 },
        { header: '处罚事项', align: 'left', minWidth: 24, maxWidth: 36, wrap: true },
        { header: '违规日期', align: 'left', minWidth: 12, maxWidth: 18, wrap: true },
        { header: '次数', minWidth: 6 },
        { header: '金额（元）', minWidth: 9, maxWidth: 12, wrap: true },
        { header: '备注', align: 'left', minWidth: 14, maxWidth: 26, wrap: true },
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
      // sections 二 and 三 go with the sign-off: when they do not fit under the details, they start
      // the next page together, so no signature stands alone under an empty repeated header
      after: [
        {
          kind: 'keep',
          lines: [
            { kind: 'blank' },
            { kind: 'section', text: '二、扣除当月绩效奖、取消评先评优' },
            {
              kind: 'table',
              header: [
                '序号',
                '姓名',
                '窗口（科室）',
                '所在单位',
                '条款',
                '事由',
                '违规日期',
                '次数',
                '金额（元）',
                '处理',
              ],
              rows: forfeits,
              emptyText: '本月无',
            },
            { kind: 'blank' },
            { kind: 'section', text: '三、向主管单位通报名单（一月内三次以上或经曝光属实）' },
            {
              kind: 'table',
              header: [
                '序号',
                '姓名',
                '窗口（科室）',
                '所在单位',
                '条款',
                '事项',
                '违规日期',
                '次数',
                '同条合计',
                '通报对象',
              ],
              rows: reports,
              emptyText: '本月无',
            },
            ...signOff,
          ],
        },
      ],
    },
    ...(bulletin.runningAsOf
      ? []
      : (bulletin.supplements ?? []).map((x) => supplementSheet(bulletin, x, signers))),
  ];
}

/** 补充汇总: only the changes after signing, signed on the same three lines. */
function supplementSheet(
  bulletin: TFinesBulletin,
  supplement: TFinesSupplement,
  signers: readonly string[],
): TSheetSpec {
  const month = monthLabel(bulletin.period);
  const no = supplement.number === null ? '（待签）' : `（第${supplement.number}号）`;
  return {
    name: supplement.number === null ? '补充汇总（待签）' : `补充汇总${supplement.number}`,
    orientation: 'landscape',
    title: `${bulletin.center}${month}绩效考核处罚补充汇总表${no}`,
    columns: [
      { header: '序号', minWidth: 6 },
      { header: '姓名', minWidth: 9 },
      { header: '窗口（科室）', align: 'left', maxWidth: 24, wrap: true },
      { header: '所在单位', align: 'left', maxWidth: 20, wrap: true },
      { header: '处罚事项（现）', align: 'left', minWidth: 16, maxWidth: 30, wrap: true },
      { header: '签字时金额（元）', minWidth: 10 },
      { header: '现金额（元）', minWidth: 9 },
      { header: '增减（元）', minWidth: 9 },
    ],
    preamble: [
      {
        kind: 'text',
        text: `　　${month}处罚汇总签字后，记录有补录或撤销（均已填写原因）。以下仅列变动，签字同原汇总。`,
      },
    ],
    table: {
      kind: 'table',
      rows: supplement.changes.map((c, i) => ({
        cells: [i + 1, c.name, c.window, c.unit, c.items || '—', c.before ?? 0, c.after ?? 0, c.difference],
      })),
      emptyText: '无变动',
    },
    after: [
      { kind: 'blank' },
      ...signers.flatMap((signer, i) => [
        signedLine(signer, supplement.signatures[i] ?? null),
        { kind: 'blank' as const },
      ]),
    ],
  };
}
