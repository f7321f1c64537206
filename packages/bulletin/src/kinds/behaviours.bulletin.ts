import type { TBehavioursBulletin } from '../bulletin.types.ts';
import { periodLabel, shortDateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { byWindowAndName, issuerLines } from './common.ts';

/** 不规范行为通报: every non-standard behaviour of the period, by window and person. */
export function behavioursSheets(bulletin: TBehavioursBulletin): TSheetSpec[] {
  const period = periodLabel(bulletin.period);
  const sorted = byWindowAndName(bulletin.rows, (a, b) => a.date.localeCompare(b.date));
  // Points under a points policy, yuan under a fines policy: a column nobody uses is left out.
  const hasPoints = bulletin.rows.some((row) => row.points !== undefined);
  const hasFines = bulletin.rows.some((row) => row.fine !== undefined);
  const rows: TRow[] = sorted.map((row, index) => ({
    cells: [
      index + 1,
      row.window,
      row.name,
      row.unit,
      shortDateLabel(row.date),
      row.item,
      row.text,
      row.qty,
      ...(hasPoints
        ? [row.points === undefined ? null : row.points < 0 ? -row.points : `+${row.points}`]
        : []),
      ...(hasFines ? [row.fine ?? null] : []),
      row.note ?? null,
    ],
  }));
  const totalPoints = bulletin.rows.reduce(
    (sum, row) => sum + (row.points !== undefined && row.points < 0 ? -row.points : 0),
    0,
  );
  const totalFines = bulletin.rows.reduce((sum, row) => sum + (row.fine ?? 0), 0);
  return [
    {
      name: '不规范行为通报',
      orientation: 'landscape',
      title: `${bulletin.center}${period}窗口工作人员不规范行为通报`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '窗口', align: 'left', maxWidth: 24, wrap: true },
        { header: '姓名', minWidth: 9 },
        { header: '所在单位', align: 'left', maxWidth: 20, wrap: true },
        { header: '日期', minWidth: 9 },
        { header: '条款', minWidth: 6 },
        { header: '不规范行为', align: 'left', minWidth: 30, maxWidth: 48, wrap: true },
        { header: '次数', minWidth: 6 },
        ...(hasPoints ? [{ header: '扣分', minWidth: 6 }] : []),
        ...(hasFines ? [{ header: '罚款（元）', minWidth: 8 }] : []),
        { header: '备注', align: 'left', minWidth: 12, maxWidth: 24, wrap: true },
      ],
      preamble: [
        {
          kind: 'text',
          text:
            `　　根据《${bulletin.policyTitle}》，现将${period}窗口工作人员不规范行为通报如下，` +
            `共${bulletin.rows.length}人次。请各窗口单位督促整改，并报送所在单位领导，接受领导和群众监督。`,
        },
      ],
      table: { kind: 'table', rows, emptyText: '本期无不规范行为' },
      after: [
        {
          kind: 'text',
          font: 'meta',
          text: `合计：${bulletin.rows.length}人次${totalPoints > 0 ? `，扣${totalPoints}分` : ''}${totalFines > 0 ? `，罚款${totalFines}元` : ''}。`,
        },
        ...issuerLines(bulletin.issuer ?? bulletin.center, bulletin.publishedOn),
      ],
    },
  ];
}
