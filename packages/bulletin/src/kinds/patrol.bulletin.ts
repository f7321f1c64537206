import { BulletinError } from '../bulletin.errors.ts';
import type { TPatrolBulletin } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';

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
      after: [],
      minRowHeight: patrol ? 30 : 54,
    },
  ];
}
