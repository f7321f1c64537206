import { CASE_DECISION_LABELS, CASE_NOTICE_LABELS, type TCaseDecision } from '@chuangkou/rules';
import type { TIsoDate } from '../bulletin.types.ts';
import { dateLabel } from '../labels.ts';
import type { TLine, TSheetSpec } from '../sheet-writer.ts';
import { invalid, issuer, noticeSpec, person, row, type TNoticeBase } from './case-notice-parts.ts';

// The written notices after acceptance (高新区 办件工作规程 三、4 and 四): the 办结通知单 handed to the
// applicant on completion, the 上报件 explanation to the center, and the decision on a 复核.

/** 规程 四、3: the routes open to an applicant after a refusal, in the seed's words. */
export const REFUSAL_REMEDIES =
  '对不予批准的决定有异议的，可向中心申请复核，也可依法申请行政复议或者提起行政诉讼。';

/** 规程 四、1–2: 审批事项办结通知单, handed over on the spot. */
export type TCompletionNotice = TNoticeBase & {
  kind: 'completionNotice';
  decision: TCaseDecision;
  decidedOn: TIsoDate;
  promisedDays: number;
  acceptedOn: TIsoDate;
  /** written reasons of a refusal (the materials are returned with them) */
  reasons: readonly string[];
  /** where and how the result is collected */
  pickup?: string;
};

/** 规程 三、4: 上报件超过15天未批复的，要向中心作出解释 — the explanation as filed. */
export type TEscalationExplanation = TNoticeBase & {
  kind: 'escalationExplanation';
  forwardedOn: TIsoDate;
  /** days waited when the explanation was filed, and how they are counted */
  daysWaiting: number;
  dayKind: 'calendar' | 'working';
  explanation: string;
};

/** 规程 四、3: the center's decision on a 复核 of a refused case. */
export type TReviewDecision = TNoticeBase & {
  kind: 'reviewDecision';
  refusedOn: TIsoDate;
  requestedOn: TIsoDate;
  request: string;
  reviewer: string;
  outcome: 'upheld' | 'overturned';
  reasons: string;
};

export type TResultNotice = TCompletionNotice | TEscalationExplanation | TReviewDecision;

const REVIEW_OUTCOMES = {
  upheld: '维持原不予批准决定',
  overturned: '撤销原决定，由窗口重新办理',
} as const;

export function validateResultNotice(n: TResultNotice): void {
  if (n.kind === 'completionNotice' && n.decision === 'refused' && !n.reasons.some((r) => r.trim()))
    invalid('reasons', '不予批准须书面说明理由', 'a refusal needs its written reasons');
  if (n.kind === 'escalationExplanation' && !n.explanation.trim())
    invalid('explanation', '缺少情况说明', 'the explanation is missing');
  if (n.kind === 'reviewDecision' && !n.reasons.trim())
    invalid('reasons', '复核决定须说明理由', 'a review decision needs its reasons');
}

const code = (n: TNoticeBase): TLine => ({
  kind: 'text',
  font: 'meta',
  text: `受理编号：${n.acceptanceCode}`,
  align: 'right',
});
const text = (t: string, font?: 'meta'): TLine => ({ kind: 'text', text: t, ...(font && { font }) });

function completion(n: TCompletionNotice): TSheetSpec {
  const isRefused = n.decision === 'refused';
  const rows = [
    row('申请人', person(n.applicant)),
    row('审批事项', n.matter),
    row('受理机关', n.acceptingBody),
    row('承办人', person(n.handler)),
    row('受理日期', dateLabel(n.acceptedOn)),
    row('承诺时限', n.promisedDays === 0 ? '即办' : `${n.promisedDays}个工作日`),
    row('办结日期', dateLabel(n.decidedOn)),
    row('办理结果', CASE_DECISION_LABELS[n.decision].zh),
    ...(isRefused ? n.reasons.map((r, i) => row(`不予批准理由${i + 1}`, r)) : []),
    ...(n.pickup ? [row('领取方式', n.pickup)] : []),
  ];
  const after: TLine[] = isRefused
    ? [text('申请材料随本通知单退回申请人。', 'meta'), text(REFUSAL_REMEDIES, 'meta')]
    : [];
  return noticeSpec(
    n,
    CASE_NOTICE_LABELS.completionNotice.zh,
    [
      code(n),
      text(
        `${n.applicant.name}：您申请办理的“${n.matter}”事项已办结，${isRefused ? '经审查决定不予批准，理由如下' : '予以批准'}。`,
      ),
    ],
    rows,
    [...after, ...issuer(n)],
  );
}

function explanation(n: TEscalationExplanation): TSheetSpec {
  return noticeSpec(
    n,
    CASE_NOTICE_LABELS.escalationExplanation.zh,
    [
      code(n),
      text(
        `${n.center}：本窗口受理的上报件“${n.matter}”已于${dateLabel(n.forwardedOn)}转报上级，至今${n.daysWaiting}${n.dayKind === 'working' ? '个工作日' : '天'}未获批复，依规程三、4作出如下说明。`,
      ),
    ],
    [
      row('申请人', person(n.applicant)),
      row('审批事项', n.matter),
      row('受理机关', n.acceptingBody),
      row('承办人', person(n.handler)),
      row('转报日期', dateLabel(n.forwardedOn)),
      row(
        '已等待',
        `${n.daysWaiting}${n.dayKind === 'working' ? '个工作日' : '天'}（上级审批时间不计入窗口承诺时限）`,
      ),
      row('情况说明', n.explanation),
    ],
    [
      { kind: 'blank' },
      text(`说明人（签字）：${n.handler.name}＿＿＿＿＿＿　　　　中心审管科（签收）：＿＿＿＿＿＿`, 'meta'),
      { kind: 'text', text: `${n.acceptingBody}（盖章）`, align: 'right' },
      { kind: 'text', text: dateLabel(n.issuedOn), align: 'right' },
    ],
  );
}

function review(n: TReviewDecision): TSheetSpec {
  return noticeSpec(
    n,
    CASE_NOTICE_LABELS.reviewDecision.zh,
    [
      code(n),
      text(
        `${n.applicant.name}：您对“${n.matter}”事项不予批准决定（${dateLabel(n.refusedOn)}）提出的复核申请，中心已复核，决定如下。`,
      ),
    ],
    [
      row('申请人', person(n.applicant)),
      row('审批事项', n.matter),
      row('原决定', `不予批准（${dateLabel(n.refusedOn)}）`),
      row('复核申请日期', dateLabel(n.requestedOn)),
      row('复核请求', n.request || '—'),
      row('复核人', n.reviewer),
      row('复核结论', REVIEW_OUTCOMES[n.outcome]),
      row('理由', n.reasons),
    ],
    [
      text(
        n.outcome === 'upheld'
          ? '如对本复核决定仍有异议，可依法申请行政复议或者提起行政诉讼。'
          : '窗口将重新办理并书面告知结果。',
        'meta',
      ),
      { kind: 'blank' },
      text(`复核人（签字）：${n.reviewer}＿＿＿＿＿＿　　　　申请人（签收）：＿＿＿＿＿＿＿＿`, 'meta'),
      { kind: 'text', text: `${n.center}（盖章）`, align: 'right' },
      { kind: 'text', text: dateLabel(n.issuedOn), align: 'right' },
    ],
  );
}

/** The sheet of a result notice (validated by the caller first). */
export function resultNoticeSheets(n: TResultNotice): TSheetSpec[] {
  switch (n.kind) {
    case 'completionNotice':
      return [completion(n)];
    case 'escalationExplanation':
      return [explanation(n)];
    case 'reviewDecision':
      return [review(n)];
  }
}
