import { GRADE_LABELS, NOT_GRADED_LABEL, reserveStandingText, SIGN_OFF_LINE_LABELS } from '@chuangkou/rules';
import type { TCadresBulletin } from '../bulletin.types.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { signatureLine } from './common.ts';
import { candidateReason } from './yearend.bulletin.ts';

/**
 * 后备干部推荐名单 (考核细则 二(四): 符合后备干部条件的，推荐列入后备干部人才库管理): the system's
 * proposal for the leaders to confirm against the conditions. An internal document, never posted: it
 * says so in its title and is a file of its own, apart from the public 年终总评.
 */
export function cadresSheets(bulletin: TCadresBulletin): TSheetSpec[] {
  const draft = bulletin.status === 'draft' ? '（征求意见稿）' : '';
  const rows: TRow[] = bulletin.candidates.map((candidate, index) => ({
    cells: [
      index + 1,
      candidate.name,
      candidate.window,
      candidate.unit,
      candidate.grade === null ? NOT_GRADED_LABEL.zh : GRADE_LABELS[candidate.grade].zh,
      candidate.mean,
      candidateReason(candidate),
      reserveStandingText(candidate.reserve),
      null,
    ],
  }));
  const title = `${bulletin.center}${bulletin.year}年度后备干部推荐名单（内部材料，不予公示）${draft}`;
  return [
    {
      name: '后备干部推荐名单',
      orientation: 'portrait',
      title,
      runningHead: title,
      columns: [
        { header: '序号', minWidth: 6 },
        { header: '姓名', minWidth: 9 },
        { header: '窗口', align: 'left', maxWidth: 18, wrap: true },
        { header: '所在单位', align: 'left', maxWidth: 16, wrap: true },
        { header: '年度等次', minWidth: 9 },
        { header: '年度平均分', minWidth: 9, numFmt: '0.00' },
        { header: '推荐理由', align: 'left', minWidth: 16, maxWidth: 24, wrap: true },
        // 已入库（2026-03-02起） on one line
        { header: '人才库状态', minWidth: 22, maxWidth: 22, wrap: true },
        { header: '领导确认', minWidth: 12 },
      ],
      preamble: [
        {
          kind: 'text',
          text:
            '　　对工作突出、表现优秀，符合后备干部条件的窗口工作人员，推荐列入后备干部人才库管理，同等条件下优先提拔使用。' +
            '下列人员为系统按年度考核结果初步提出的人选，请领导对照后备干部条件审定。',
        },
      ],
      table: { kind: 'table', rows, emptyText: '本年度无推荐人选' },
      after: [
        {
          kind: 'keep',
          lines: [
            { kind: 'blank' },
            signatureLine(SIGN_OFF_LINE_LABELS.deputy.zh),
            { kind: 'blank' },
            signatureLine(SIGN_OFF_LINE_LABELS.principal.zh),
          ],
        },
      ],
    },
  ];
}
