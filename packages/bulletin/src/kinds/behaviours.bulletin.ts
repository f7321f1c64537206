import type { TBehaviourRow, TBehavioursBulletin } from '../bulletin.types.ts';
import { periodLabel, shortDateLabel } from '../labels.ts';
import type { TLine, TRow, TSheetSpec, TTable } from '../sheet-writer.ts';
import { byWindowAndName, issuerLines } from './common.ts';

/** 人次: one per fact, however many clauses record it (an overdue case as B5 and as F3 is one). */
export function personTimes(rows: readonly TBehaviourRow[]): number {
  const events = new Set<string>();
  let single = 0;
  for (const row of rows) {
    if (row.event === undefined) single++;
    else events.add(`${row.event}|${row.name}|${row.window}`);
  }
  return single + events.size;
}

/**
 * 不规范行为通报: every non-standard behaviour of the period, by window and person, then every valid
 * complaint of the period (each a 一票否决), citing the documents the rows come from.
 */
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
  const times = personTimes(bulletin.rows);
  const complaints = byWindowAndName(bulletin.complaints ?? [], (a, b) => a.date.localeCompare(b.date));
  const columnCount = 8 + (hasPoints ? 1 : 0) + (hasFines ? 1 : 0) + 1;
  // the complaints table on the same column grid: 序号 窗口 姓名 单位 日期 | 渠道 | 原因 … | 处理
  const complaintHeader = ['序号', '窗口', '姓名', '所在单位', '日期', '渠道', '投诉原因'];
  while (complaintHeader.length < columnCount - 1) complaintHeader.push('');
  complaintHeader.push('处理');
  const complaintTable: TTable = {
    kind: 'table',
    header: complaintHeader,
    rows: complaints.map((c, index) => {
      const cells: (string | number | null)[] = [
        index + 1,
        c.window,
        c.name,
        c.unit,
        shortDateLabel(c.date),
        c.channel,
        c.cause,
      ];
      while (cells.length < columnCount - 1) cells.push(null);
      cells.push(c.vetoes ? '一票否决' : null);
      return { cells };
    }),
    emptyText: '本期无有效投诉',
  };
  const quoted = bulletin.policyTitles.map((title) => `《${title}》`);
  const titles =
    quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join('、')}和${quoted.at(-1)}`;
  const tally = [
    `合计：不规范行为${times}人次（同一行为依两项规定分别处理的，只计一次）`,
    totalPoints > 0 ? `扣${totalPoints}分` : '',
    totalFines > 0 ? `罚款${totalFines}元` : '',
    bulletin.complaints ? `有效投诉${complaints.length}件` : '',
  ].filter(Boolean);
  const complaintLines: (TLine | TTable)[] = bulletin.complaints
    ? [
        { kind: 'blank' },
        {
          kind: 'section',
          text: '二、有效投诉（群众投诉经查实属有效投诉的，实行一票否决：当季、当年不得评为“优秀”）',
        },
        complaintTable,
      ]
    : [];
  return [
    {
      name: '不规范行为通报',
      orientation: 'landscape',
      title: `${bulletin.center}${period}窗口工作人员不规范行为通报`,
      runningHead: `${bulletin.center}${period}窗口工作人员不规范行为通报`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '窗口', align: 'left', maxWidth: 24, wrap: true },
        { header: '姓名', minWidth: 9 },
        { header: '所在单位', align: 'left', maxWidth: 20, wrap: true },
        { header: '日期', minWidth: 9 },
        { header: '条款', minWidth: 10 },
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
            `　　根据${titles}，现将${period}窗口工作人员不规范行为通报如下，` +
            `共${times}人次${bulletin.complaints ? `，有效投诉${complaints.length}件` : ''}。` +
            '请各窗口单位督促整改，并报送所在单位领导，接受领导和群众监督。',
        },
        ...(bulletin.complaints ? [{ kind: 'section' as const, text: '一、不规范行为' }] : []),
      ],
      table: { kind: 'table', rows, emptyText: '本期无不规范行为' },
      after: [
        ...complaintLines,
        { kind: 'text', font: 'meta', text: `${tally.join('，')}。` },
        ...issuerLines(bulletin.issuer ?? bulletin.center, bulletin.publishedOn),
      ],
    },
  ];
}
