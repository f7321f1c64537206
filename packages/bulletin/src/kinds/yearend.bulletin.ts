import { GRADE_LABELS, NOT_GRADED_LABEL, QUARTER_LABELS, QUARTERS } from '@chuangkou/rules';
import { BulletinError } from '../bulletin.errors.ts';
import type { TCadreCandidate, TYearEndBulletin } from '../bulletin.types.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines } from './common.ts';
import { resultRemarks } from './results.bulletin.ts';

/** 年度考核优秀；第一季度、第三季度考核优秀 */
export function candidateReason(candidate: Pick<TCadreCandidate, 'reasons' | 'excellentQuarters'>): string {
  const parts: string[] = [];
  if (candidate.reasons.includes('annualExcellent')) parts.push('年度考核优秀');
  if (candidate.excellentQuarters.length > 0) {
    parts.push(
      `${candidate.excellentQuarters.map((q) => QUARTER_LABELS[q as 1]?.zh ?? `第${q}季度`).join('、')}考核优秀`,
    );
  }
  return `${parts.join('；')}；无有效投诉，无不称职季度`;
}

/** 年终总评 (mean of the assessed quarters), for the notice board; the 后备干部 proposal is its own file. */
export function yearEndSheets(bulletin: TYearEndBulletin): TSheetSpec[] {
  if (bulletin.rows.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${bulletin.year}年没有已公布或草稿的考核结果`,
      `no published or draft results for ${bulletin.year}`,
      'year',
    );
  }
  const rankCounts = new Map<number, number>();
  for (const row of bulletin.rows)
    if (row.rank !== null) rankCounts.set(row.rank, (rankCounts.get(row.rank) ?? 0) + 1);
  const rows: TRow[] = bulletin.rows.map((row) => {
    const remarks = resultRemarks({ vetoed: row.vetoed, flags: row.flags, grade: row.grade ?? 'competent' });
    return {
      cells: [
        row.rank === null ? '—' : (rankCounts.get(row.rank) ?? 0) > 1 ? `${row.rank}（并列）` : row.rank,
        row.name,
        row.window,
        row.unit,
        ...QUARTERS.map((quarter) => row.quarterTotals[quarter] ?? '—'),
        row.mean,
        row.grade === null ? NOT_GRADED_LABEL.zh : GRADE_LABELS[row.grade].zh,
        row.grade === null ? ['考核不足两个季度', remarks].filter(Boolean).join('；') : remarks,
      ],
      isMarked: row.grade === 'incompetent',
    };
  });
  const issuer = bulletin.issuer ?? bulletin.center;
  const draft = bulletin.status === 'draft' || bulletin.provisional ? '（征求意见稿）' : '';
  const provisional = bulletin.provisional;
  const title = `${bulletin.center}${bulletin.year}年度窗口工作人员年终总评结果${draft}`;
  const yearSheet: TSheetSpec = {
    name: '年终总评',
    orientation: 'landscape',
    title,
    runningHead: title,
    columns: [
      { header: '名次', minWidth: 7 },
      { header: '姓名', minWidth: 9 },
      { header: '窗口', align: 'left', maxWidth: 28, wrap: true },
      { header: '所在单位', align: 'left', maxWidth: 24, wrap: true },
      ...QUARTERS.map((q) => ({ header: QUARTER_LABELS[q].zh, minWidth: 8 })),
      { header: '年度平均分', minWidth: 9, numFmt: '0.00' },
      { header: '年度等次', minWidth: 9 },
      { header: '备注', align: 'left', minWidth: 16, maxWidth: 30, wrap: true },
    ],
    preamble: [
      {
        kind: 'text',
        text: provisional
          ? `　　${bulletin.year}年尚未结束。根据《${bulletin.policyTitle}》，以下为截至${provisional.asOf}的年终总评暂评结果：` +
            `年度得分暂为已结束季度（${provisional.endedQuarters.map((q) => QUARTER_LABELS[q as 1]?.zh ?? `第${q}季度`).join('、')}）总分的平均分，` +
            '全年结束后确定年终总评并提出后备干部推荐名单；当年有经查实的有效投诉者不得评为“优秀”。'
          : `　　根据《${bulletin.policyTitle}》，窗口工作人员按季度考核、年终总评。现将${bulletin.year}年度年终总评结果公布如下，` +
            '年度得分为当年各考核季度总分的平均分；当年有经查实的有效投诉者不得评为“优秀”。',
      },
    ],
    table: { kind: 'table', rows },
    after: [
      { kind: 'text', font: 'meta', text: '注：灰底为年度考核等次“不称职”的人员；“—”为该季度未参加考核。' },
      ...issuerLines(issuer, bulletin.publishedOn),
    ],
  };
  return [yearSheet];
}
