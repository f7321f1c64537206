import { BulletinError } from '../bulletin.errors.ts';
import type { TYellowCardBulletin } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines } from './common.ts';

/**
 * 黄牌警告通报 (考核细则 一(二)8: 窗口受黄牌警告，每人扣2分): the windows warned in a month or a year, each
 * with the people of the window on the card's date, who each lose the points.
 */
export function yellowCardSheets(bulletin: TYellowCardBulletin): TSheetSpec[] {
  const { year, month } = bulletin.period;
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new BulletinError(
      'INVALID_INPUT',
      `月份“${month}”不在1–12之间`,
      'month out of range',
      'period.month',
    );
  }
  const period = month === undefined ? `${year}年度` : `${year}年${month}月`;
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有窗口受黄牌警告`,
      `no yellow card for ${period}`,
      'period',
    );
  }
  const rows: TRow[] = bulletin.rows.map((row, index) => ({
    cells: [
      index + 1,
      row.window,
      row.unit,
      dateLabel(row.date),
      row.staff.join('、'),
      row.reason || '—',
      row.pointsPerPerson === null ? '—' : String(row.pointsPerPerson),
    ],
  }));
  const issuer = bulletin.issuer ?? bulletin.center;
  const cited = bulletin.clause
    ? `根据《${bulletin.policyTitle}》${bulletin.clause.clause.replace(/^\S+\s*/, '')}“${bulletin.clause.text}”的规定，`
    : `根据《${bulletin.policyTitle}》，`;
  return [
    {
      name: '黄牌警告通报',
      orientation: 'portrait',
      title: `关于给予${period}有关窗口“黄牌警告”的通报`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '窗口', align: 'left', maxWidth: 22, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 18, wrap: true },
        { header: '警告日期', minWidth: 12 },
        { header: '窗口工作人员', align: 'left', minWidth: 14, maxWidth: 18, wrap: true },
        { header: '警告事由', align: 'left', minWidth: 20, maxWidth: 30, wrap: true },
        { header: '每人扣分', minWidth: 8 },
      ],
      preamble: [
        { kind: 'text', text: '各科室、各窗口：' },
        {
          kind: 'text',
          text:
            `　　${period}，下列${bulletin.rows.length}个窗口受到“黄牌警告”。${cited}` +
            `${issuer}对受警告窗口的工作人员逐人扣分，并将本通报送达其所在单位。希望各窗口引以为戒，认真整改。`,
        },
      ],
      table: { kind: 'table', rows },
      after: issuerLines(issuer, bulletin.publishedOn),
    },
  ];
}
