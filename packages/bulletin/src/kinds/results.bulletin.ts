import { FLAG_LABELS, GRADE_LABELS, VETO_LABEL } from '@chuangkou/rules';
import { BulletinError } from '../bulletin.errors.ts';
import type { TResultsBulletin, TResultsRow } from '../bulletin.types.ts';
import { dateLabel, quarterLabel } from '../labels.ts';
import type { TLine, TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines } from './common.ts';

/** 季度考核结果公示: rank, names, the three categories, bonus, total, grade, remarks. */
export function resultsSheets(bulletin: TResultsBulletin): TSheetSpec[] {
  const period = quarterLabel(bulletin.period);
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有已公布或草稿的考核结果`,
      `no published or draft results for ${bulletin.period.year} Q${bulletin.period.quarter}`,
      'period',
    );
  }
  const office = bulletin.objectionOffice ?? '审管科';
  const { from, to } = bulletin.noticePeriod;
  const running = bulletin.runningAsOf;
  if (bulletin.categories.length === 0) {
    throw new BulletinError(
      'INVALID_INPUT',
      '考核结果缺少考核类别',
      'the results have no categories',
      'categories',
    );
  }
  const rankCounts = new Map<number, number>();
  for (const row of bulletin.rows) rankCounts.set(row.rank, (rankCounts.get(row.rank) ?? 0) + 1);

  const rows: TRow[] = bulletin.rows.map((row) => ({
    cells: [
      (rankCounts.get(row.rank) ?? 0) > 1 ? `${row.rank}（并列）` : row.rank,
      row.name,
      row.window,
      row.unit,
      ...bulletin.categories.map((category) => row.categories[category.key] ?? null),
      row.bonus,
      row.total,
      GRADE_LABELS[row.grade].zh,
      resultRemarks(row),
    ],
    isMarked: row.grade === 'incompetent',
  }));

  const { correction } = bulletin;
  const phone = bulletin.objectionPhone;
  const title = running
    ? `${bulletin.center}${period}窗口工作人员考核情况（征求意见稿）`
    : `${bulletin.center}${period}窗口工作人员考核结果${correction ? '更正' : ''}公示${bulletin.status === 'draft' ? '（征求意见稿）' : ''}`;
  const correctionLines: TLine[] = correction
    ? [
        {
          kind: 'text',
          text:
            `　　本公示为${period}考核结果的更正（第${correction.revision}次修订），更正原因：${correction.reason}。` +
            '此前公示的结果以本公示为准。',
        },
      ]
    : [];
  return [
    {
      name: '考核结果公示',
      orientation: 'landscape',
      title,
      runningHead: title,
      columns: [
        { header: '名次', minWidth: 7 },
        { header: '姓名', minWidth: 9 },
        { header: '窗口', align: 'left', maxWidth: 30, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 26, wrap: true },
        ...bulletin.categories.map((category) => ({
          header: `${category.name}\n（${category.base}分）`,
          minWidth: 10,
        })),
        { header: '加分', minWidth: 7 },
        { header: '总分', minWidth: 7 },
        { header: '考核等次', minWidth: 10 },
        { header: '备注', align: 'left', minWidth: 16, maxWidth: 30, wrap: true },
      ],
      preamble: running
        ? [
            {
              kind: 'text',
              text:
                `　　${period}尚未结束。根据《${bulletin.policyTitle}》，现将截至${dateLabel(running)}的考核情况印发征求意见，` +
                '季度结束后据实考核，本稿不作公示。',
            },
          ]
        : [
            {
              kind: 'text',
              text:
                `　　根据《${bulletin.policyTitle}》，现将${period}窗口工作人员考核结果予以公示。` +
                `公示期为${dateLabel(from)}至${dateLabel(to)}，公示期间如有异议，请向${office}反映${phone ? `（电话：${phone}）` : ''}。`,
            },
            ...correctionLines,
            {
              kind: 'split',
              left: `公示期：${dateLabel(from)}至${dateLabel(to)}`,
              right: phone ? `异议受理：${office}（电话：${phone}）` : `异议受理：${office}`,
            },
          ],
      table: { kind: 'table', rows },
      after: [
        {
          kind: 'text',
          font: 'meta',
          text: '注：灰底为考核等次“不称职”的人员；名次“并列”为总分相同；“一票否决”为当季有经查实的有效投诉，当季、当年不得评为“优秀”。',
        },
        ...issuerLines(bulletin.issuer ?? bulletin.center, bulletin.publishedOn),
      ],
    },
  ];
}

/** 一票否决, then the engine's flags in its order. */
export function resultRemarks(row: Pick<TResultsRow, 'vetoed' | 'flags' | 'grade'>): string {
  const remarks: string[] = [];
  if (row.vetoed) remarks.push(VETO_LABEL.zh);
  for (const flag of row.flags) {
    // a tie is among the excellent (并列优秀)
    remarks.push(flag === 'tie' ? `${FLAG_LABELS.tie.zh}${GRADE_LABELS.excellent.zh}` : FLAG_LABELS[flag].zh);
  }
  return remarks.join('；');
}
