import { BulletinError } from '../bulletin.errors.ts';
import type { TBulletinBase, TIsoDate, TStaffNames } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TRow, TSheetSpec } from '../sheet-writer.ts';
import { issuerLines, signatureLine } from './common.ts';

/** One counted complaint on a person's ladder and the step it reached. */
export type TLadderStepRow = {
  /** the nth counted complaint */
  count: number;
  date: TIsoDate;
  /** 12345热线、内部 …, as labelled */
  channel: string;
  /** 责任心不强 / 工作拖拉, as labelled */
  cause: string;
  content: string;
  /** the seed's consequence of this step (扣除工资100元 …) */
  decision: string;
};

/**
 * 投诉处理决定 (规范化服务通知 一(一)): the complaint ladder's decision for one person: the valid complaints
 * (内、外部) of a counted cause that led to the step reached, and its consequence. Regulation text is the
 * seed's; the center's reading of the count (per calendar year or the whole contract) is printed apart.
 */
export type TComplaintLadderBulletin = TBulletinBase & {
  kind: 'complaintLadder';
  year: number;
  /** the ladder as of this date (the year's end, or today in a running year) */
  asOf: TIsoDate;
  issuedOn: TIsoDate;
  policyTitle: string;
  /** 规范化服务通知 一(一) */
  clause: string;
  /** the seed's words of the ladder */
  text: string;
  /** the center's reading of the count (本中心细则), printed apart from the seed's text */
  reading: string;
  person: TStaffNames;
  steps: readonly TLadderStepRow[];
  /** the step reached: its consequence */
  decision: string;
};

/** The complaint ladder's decision for one person, one A4 page: the complaints, the clause, the decision. */
export function complaintLadderSheets(bulletin: TComplaintLadderBulletin): TSheetSpec[] {
  if (bulletin.steps.length === 0) {
    throw new BulletinError(
      'EMPTY_PERIOD',
      `${bulletin.person.name}${bulletin.year}年没有计入的有效投诉，无须作出处理决定`,
      `${bulletin.person.name} has no counted complaint in ${bulletin.year}`,
      'staffId',
    );
  }
  const rows: TRow[] = bulletin.steps.map((step) => ({
    cells: [`第${step.count}次`, dateLabel(step.date), step.channel, step.cause, step.content, step.decision],
    isMarked: step.count === bulletin.steps.length,
  }));
  const who = `${bulletin.person.name}（${bulletin.person.unit}，${bulletin.person.window}）`;
  const last = bulletin.steps[bulletin.steps.length - 1]!;
  const title = `关于对${bulletin.person.name}同志投诉问题的处理决定`;
  return [
    {
      name: '投诉处理决定',
      orientation: 'portrait',
      title,
      runningHead: `${title}（${bulletin.year}年）`,
      columns: [
        { header: '次数', minWidth: 7 },
        { header: '投诉日期', minWidth: 14 },
        { header: '渠道', minWidth: 9, wrap: true },
        { header: '原因', minWidth: 10, wrap: true },
        { header: '投诉内容', align: 'left', minWidth: 20, maxWidth: 28, wrap: true },
        { header: '对应处理', align: 'left', minWidth: 16, maxWidth: 22, wrap: true },
      ],
      preamble: [
        { kind: 'text', text: `${who}：` },
        {
          kind: 'text',
          text:
            `　　经核实，你在${bulletin.year}年内（截至${dateLabel(bulletin.asOf)}）因责任心不强、工作拖拉，` +
            `被内、外部投诉${last.count}次，均属有效投诉，具体如下：`,
        },
      ],
      table: { kind: 'table', rows },
      after: [
        { kind: 'blank' },
        {
          kind: 'section',
          text: `依据：《${bulletin.policyTitle}》${bulletin.clause.replace(/^\S+\s*/, '')}`,
        },
        { kind: 'text', text: `　　“${bulletin.text}。”` },
        { kind: 'section', text: '处理决定' },
        { kind: 'text', text: `　　根据上述规定，对你作出如下处理：${bulletin.decision}。`, bold: true },
        { kind: 'section', text: '本中心细则（非原文）' },
        { kind: 'text', text: `　　${bulletin.reading}`, font: 'meta' },
        {
          kind: 'keep',
          lines: [
            ...issuerLines(bulletin.issuer ?? bulletin.center, bulletin.issuedOn),
            { kind: 'blank' },
            signatureLine('本人签收'),
          ],
        },
      ],
    },
  ];
}
