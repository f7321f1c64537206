import { BulletinError } from '../bulletin.errors.ts';
import type { TAwardsBulletin } from '../bulletin.types.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines } from './common.ts';

/** 红旗窗口 announcement, monthly or annual (考核细则 一(四)6: every person of the window gets the bonus). */
export function awardsSheets(bulletin: TAwardsBulletin): TSheetSpec[] {
  const { year, month } = bulletin.period;
  if (bulletin.scope === 'monthly' && (month === undefined || month < 1 || month > 12)) {
    throw new BulletinError(
      'INVALID_INPUT',
      '月度红旗窗口通报缺少月份',
      'a monthly award needs a month',
      'period.month',
    );
  }
  const period = bulletin.scope === 'monthly' ? `${year}年${month}月` : `${year}年度`;
  if (bulletin.scope === 'annual' && bulletin.annualPending) return monthlySoFarSheets(bulletin);
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有评出红旗窗口`,
      `no red-flag window for ${period}`,
      'period',
    );
  }
  const scopeLabel = bulletin.scope === 'monthly' ? '月度' : '年度';
  const rows: TRow[] = bulletin.rows.map((row, index) => ({
    cells: [
      index + 1,
      row.window,
      row.unit,
      row.staff.join('、'),
      row.reason,
      row.validComplaints,
      row.bonusPerPerson === null ? '—' : `${row.bonusPerPerson > 0 ? '+' : ''}${row.bonusPerPerson}`,
    ],
  }));
  return [
    {
      name: '红旗窗口通报',
      orientation: 'portrait',
      title: `关于授予${period}“红旗窗口”称号的通报`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '窗口', align: 'left', maxWidth: 22, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 18, wrap: true },
        { header: '窗口工作人员', align: 'left', minWidth: 14, maxWidth: 18, wrap: true },
        { header: '主要事迹', align: 'left', minWidth: 24, maxWidth: 34, wrap: true },
        { header: `${bulletin.scope === 'monthly' ? '当月' : '全年'}有效投诉（件）`, minWidth: 10 },
        { header: '每人加分', minWidth: 8 },
      ],
      preamble: [
        { kind: 'text', text: '各科室、各窗口：' },
        {
          kind: 'text',
          text:
            `　　经考核评比，${bulletin.issuer ?? bulletin.center}研究决定，授予以下${bulletin.rows.length}个窗口` +
            `${period}“红旗窗口”称号。根据《${bulletin.policyTitle}》，获${scopeLabel}“红旗窗口”的窗口工作人员每人另行加分。` +
            '希望受表彰的窗口珍惜荣誉、再接再厉，各窗口以先进为榜样，进一步提升服务质量。',
        },
      ],
      table: { kind: 'table', rows },
      after: issuerLines(bulletin.issuer ?? bulletin.center, bulletin.publishedOn),
    },
  ];
}

/**
 * A year whose annual flag is not given yet (the year is running, or has ended unawarded): the monthly
 * flags of the year so far, each with its month, under a title and a line that say it is not the annual
 * award, so the list is never read as 年度“红旗窗口”.
 */
function monthlySoFarSheets(bulletin: TAwardsBulletin): TSheetSpec[] {
  const { year } = bulletin.period;
  const pending = bulletin.annualPending!;
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${year}年尚无月度红旗窗口（${pending.reason}）`,
      `no monthly red flag in ${year} yet, and no annual one`,
      'period',
    );
  }
  const rows: TRow[] = bulletin.rows.map((row, index) => ({
    cells: [
      index + 1,
      row.month === undefined ? '—' : `${row.month}月`,
      row.window,
      row.unit,
      row.staff.join('、'),
      row.validComplaints,
      row.bonusPerPerson === null ? '—' : `${row.bonusPerPerson > 0 ? '+' : ''}${row.bonusPerPerson}`,
    ],
  }));
  const months = new Set(bulletin.rows.map((r) => r.month)).size;
  const title = `${year}年度月度“红旗窗口”汇总（截至${pending.asOf}，非年度“红旗窗口”评选结果）`;
  return [
    {
      name: '月度红旗窗口汇总',
      orientation: 'portrait',
      title,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '月份', minWidth: 7 },
        { header: '窗口', align: 'left', maxWidth: 22, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 18, wrap: true },
        { header: '窗口工作人员', align: 'left', minWidth: 14, maxWidth: 20, wrap: true },
        { header: '当月有效投诉（件）', minWidth: 10 },
        { header: '每人加分（月度）', minWidth: 9 },
      ],
      preamble: [
        {
          kind: 'text',
          text: `　　${pending.reason}。本表汇总${year}年已评出的${months}个月共${bulletin.rows.length}个月度“红旗窗口”，供了解和年度评选参考，不是年度“红旗窗口”的评选结果，所列加分为月度“红旗窗口”加分。`,
        },
      ],
      table: { kind: 'table', rows },
      after: issuerLines(bulletin.issuer ?? bulletin.center, pending.asOf),
    },
  ];
}
