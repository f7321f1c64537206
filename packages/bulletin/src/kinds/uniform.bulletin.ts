import { BulletinError } from '../bulletin.errors.ts';
import type { TBulletinBase, TIsoDate, TMonthPeriod, TStaffNames } from '../bulletin.types.ts';
import { dateLabel, monthLabel, shortDateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { byWindowAndName, issuerLines, signatureLine } from './common.ts';

/** A person whose uniform is confiscated in the month, with the month's violations. */
export type TUniformRow = TStaffNames & {
  count: number;
  /** yuan, deducted from the month's salary */
  fine: number;
  dates: readonly TIsoDate[];
};

/**
 * 没收工作服通知 (规范化服务通知 三(二)1): the people out of uniform 3 times or more in a month. The
 * regulation text is the seed's; the center's reading of 连续 is printed apart (本中心细则).
 */
export type TUniformBulletin = TBulletinBase & {
  kind: 'uniform';
  period: TMonthPeriod;
  issuedOn: TIsoDate;
  policyTitle: string;
  /** 规范化服务通知 三(二)1 */
  clause: string;
  /** the seed's words of the uniform rule */
  text: string;
  /** the center's reading of 一个月连续违反3次及以上 (本中心细则) */
  reading: string;
  /** set while the month runs: the notice is a draft as of that date */
  runningAsOf?: TIsoDate | undefined;
  rows: readonly TUniformRow[];
};

/** The month's uniform confiscation notice, A4 portrait: who, how many times, on which days. */
export function uniformSheets(bulletin: TUniformBulletin): TSheetSpec[] {
  const period = monthLabel(bulletin.period);
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有需没收工作服的人员`,
      `nobody's uniform is confiscated in ${period}`,
      'period',
    );
  }
  const draft = bulletin.runningAsOf ? '（征求意见稿）' : '';
  const rows: TRow[] = byWindowAndName(bulletin.rows, () => 0).map((row, index) => ({
    cells: [
      index + 1,
      row.name,
      row.window,
      row.unit,
      row.count,
      row.fine,
      row.dates.map(shortDateLabel).join('、'),
      '没收工作服',
    ],
  }));
  const title = `关于没收${period}违规人员工作服的通知${draft}`;
  return [
    {
      name: '没收工作服通知',
      orientation: 'portrait',
      title,
      runningHead: title,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '姓名', minWidth: 9 },
        { header: '窗口', align: 'left', maxWidth: 20, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 16, wrap: true },
        { header: '当月违反（次）', minWidth: 9 },
        { header: '罚款（元）', minWidth: 9 },
        { header: '违反日期', align: 'left', minWidth: 14, maxWidth: 22, wrap: true },
        { header: '处理', minWidth: 11 },
      ],
      preamble: [
        { kind: 'text', text: '各科室、各窗口：' },
        {
          kind: 'text',
          text:
            `　　${period}日常巡查中，下列工作人员工作时间未按规定着工作服${bulletin.rows.length > 1 ? '均' : ''}达到没收工作服的次数。` +
            `根据《${bulletin.policyTitle}》，每次罚款从当月工资中扣除，并没收其工作服。` +
            (bulletin.runningAsOf
              ? `本月尚未结束，以上为截至${dateLabel(bulletin.runningAsOf)}的情况。`
              : ''),
        },
      ],
      table: { kind: 'table', rows },
      after: [
        { kind: 'blank' },
        {
          kind: 'section',
          text: `依据：《${bulletin.policyTitle}》${bulletin.clause.replace(/^\S+\s*/, '')}`,
        },
        { kind: 'text', text: `　　“${bulletin.text}。”` },
        { kind: 'section', text: '本中心细则（非原文）' },
        { kind: 'text', text: `　　${bulletin.reading}`, font: 'meta' },
        {
          kind: 'keep',
          lines: [
            ...issuerLines(bulletin.issuer ?? bulletin.center, bulletin.issuedOn),
            { kind: 'blank' },
            signatureLine('审管科'),
          ],
        },
      ],
    },
  ];
}
