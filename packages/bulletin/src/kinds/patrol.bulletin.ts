import { BulletinError } from '../bulletin.errors.ts';
import type { TPatrolBulletin } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TLine, TRow, TSheetSpec } from '../sheet-writer.ts';

/**
 * 巡查值班记录表 in the seed's form (处罚办法 二1–2): date, duty leader's and inspectors' signatures,
 * a row per clause with the morning and the afternoon findings. Blank for printing, or filled.
 */
export function patrolSheets(bulletin: TPatrolBulletin): TSheetSpec[] {
  if (bulletin.clauses.length === 0) {
    throw new BulletinError(
      'INVALID_INPUT',
      '巡查表没有处罚条款',
      'the patrol form has no clauses',
      'clauses',
    );
  }
  const { patrol } = bulletin;
  const rows: TRow[] = bulletin.clauses.map((clause) => {
    const finding = patrol?.findings[clause.no];
    return {
      cells: [
        clause.no,
        clause.text,
        patrol ? finding?.morning || '无' : null,
        patrol ? finding?.afternoon || '无' : null,
      ],
    };
  });
  const signHere = '＿＿＿＿＿＿＿＿';
  return [
    {
      name: '巡查值班记录表',
      orientation: 'portrait',
      title: `${bulletin.formOwner ?? bulletin.center}日常巡查值班记录表`,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '处罚条款', align: 'left', minWidth: 50, maxWidth: 56, wrap: true },
        { header: '上午巡查情况', align: 'left', minWidth: 18, maxWidth: 20, wrap: true },
        { header: '下午巡查情况', align: 'left', minWidth: 18, maxWidth: 20, wrap: true },
      ],
      preamble: [
        {
          kind: 'text',
          font: 'meta',
          text: `巡查日期：${patrol ? dateLabel(patrol.date) : '　　　　年　　月　　日'}`,
        },
        {
          kind: 'split',
          left: `值日领导签字：${patrol ? `${patrol.dutyLeader} ` : ''}${signHere}`,
          right: `巡查人员签字：${patrol ? `${patrol.inspectors.join('、')} ` : ''}${signHere}`,
        },
      ],
      table: { kind: 'table', rows },
      after: centerRuleLines(bulletin.clauses),
      minRowHeight: patrol ? 30 : 54,
    },
  ];
}

/**
 * 本中心细则 under the form: the center's own readings of the clauses, each under its row number and
 * marked as the center's, so nobody takes them for the 处罚办法's text.
 */
function centerRuleLines(clauses: TPatrolBulletin['clauses']): TLine[] {
  const rules = clauses.flatMap((clause) =>
    (clause.centerRules ?? []).map((rule) => `第${clause.no}条：${rule}`),
  );
  if (rules.length === 0) return [];
  return [
    { kind: 'blank' },
    {
      kind: 'text',
      font: 'meta',
      bold: true,
      text: '本中心细则（中心自定的执行口径，非《处罚办法》原文）：',
    },
    ...rules.map((rule): TLine => ({ kind: 'text', font: 'meta', text: rule })),
  ];
}
