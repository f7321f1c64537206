import { BulletinError } from '../bulletin.errors.ts';
import type { TBallotBulletin, TBallotGroup } from '../bulletin.types.ts';
import { quarterLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';

/**
 * 季度互评表 (考核细则 一(三)7: 实行好中差三档互评): the paper ballot of a quarter, one sheet per group
 * (the people of a window during the quarter), each colleague listed with 好 / 中 / 差 boxes to tick.
 * Filled in by each member for the others, never for oneself; the 审管科 enters the marks.
 */
export function ballotSheets(bulletin: TBallotBulletin): TSheetSpec[] {
  const period = quarterLabel(bulletin.period);
  const groups = bulletin.groups.filter((g) => g.members.length >= 2);
  if (groups.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${period}没有两人以上的互评小组`,
      `no peer group of two or more in ${period}`,
      'period',
    );
  }
  const names = new Set<string>();
  return groups.map((group) => {
    let name = group.window.slice(0, 24);
    for (let k = 2; names.has(name); k++) name = `${group.window.slice(0, 22)}${k}`;
    names.add(name);
    return groupSheet(bulletin, group, name, period);
  });
}

function groupSheet(
  bulletin: TBallotBulletin,
  group: TBallotGroup,
  name: string,
  period: string,
): TSheetSpec {
  const rows: TRow[] = group.members.map((member, index) => ({
    cells: [index + 1, member, '□', '□', '□', null],
  }));
  const title = `${bulletin.center}${period}窗口工作人员互评表`;
  return {
    name,
    orientation: 'portrait',
    title,
    runningHead: `${title} ${group.window}`,
    minRowHeight: 26,
    columns: [
      { header: '序号', minWidth: 6 },
      { header: '被评人', minWidth: 14 },
      { header: '好', minWidth: 10 },
      { header: '中', minWidth: 10 },
      { header: '差', minWidth: 10 },
      { header: '备注', minWidth: 24 },
    ],
    preamble: [
      { kind: 'split', left: `窗口：${group.window}`, right: `所在单位：${group.unit}` },
      {
        kind: 'text',
        text:
          `　　依据《${bulletin.policyTitle}》${bulletin.clause ? `${bulletin.clause.clause.replace(/^\S+\s*/, '')}“${bulletin.clause.text}”` : ''}。` +
          '请对本组每位同事在“好”“中”“差”中选一项打“√”，本人一栏不填；多选、不选的一栏不计。',
        font: 'meta',
      },
    ],
    table: { kind: 'table', rows },
    after: [
      { kind: 'blank' },
      { kind: 'split', left: '评议人（签字）：＿＿＿＿＿＿＿＿', right: '日期：　　　年　　月　　日' },
      { kind: 'blank' },
      { kind: 'text', text: '本表由审管科收回、录入，不公开个人评价。', font: 'meta' },
    ],
  };
}
