import type { TLabel } from '../vocabulary/label.ts';

// The words of a case (办件), each enum with its labels beside it. Pure data: the web imports this file
// through `@chuangkou/rules/vocabulary`, without zod or the calendar.

/** 即办件 / 承诺件 / 联办件 / 上报件 (规程 三). */
export const CASE_TYPES = ['immediate', 'promised', 'joint', 'escalated'] as const;
export type TCaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Readonly<Record<TCaseType, TLabel>> = {
  immediate: { zh: '即办件', en: 'Immediate' },
  promised: { zh: '承诺件', en: 'Promised' },
  joint: { zh: '联办件', en: 'Joint' },
  escalated: { zh: '上报件', en: 'Escalated' },
};

/** Where a case stands in its workflow. */
export const CASE_STAGES = [
  'accepted', // 受理, the clock runs
  'awaitingMaterials', // 补办: the clock stops until the materials are complete
  'returned', // 退回: not accepted, with written reasons
  'forwarded', // 上报: forwarded upward, waiting for the reply
  'decided', // 办结: approved or refused
  'notified', // 已通知申请人
  'pickedUp', // 已取件
] as const;
export type TCaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Readonly<Record<TCaseStage, TLabel>> = {
  accepted: { zh: '办理中', en: 'In progress' },
  awaitingMaterials: { zh: '待补齐材料', en: 'Awaiting materials' },
  returned: { zh: '已退回', en: 'Returned' },
  forwarded: { zh: '已上报', en: 'Forwarded upward' },
  decided: { zh: '已办结', en: 'Decided' },
  notified: { zh: '已通知领取', en: 'Applicant notified' },
  pickedUp: { zh: '已领取', en: 'Picked up' },
};

/**
 * The stages in which a case is open: its clock runs (through notification, 规程 四、2), it waits for
 * the upper authority, or for materials requested after acceptance.
 */
export const OPEN_CASE_STAGES: readonly TCaseStage[] = [
  'accepted',
  'forwarded',
  'awaitingMaterials',
  'decided',
];

/** 予以批准 / 不予批准 (规程 四、2). */
export const CASE_DECISIONS = ['approved', 'refused'] as const;
export type TCaseDecision = (typeof CASE_DECISIONS)[number];
export const CASE_DECISION_LABELS: Readonly<Record<TCaseDecision, TLabel>> = {
  approved: { zh: '予以批准', en: 'Approved' },
  refused: { zh: '不予批准', en: 'Refused' },
};

/** What a case is flagged for. */
export const CASE_FLAGS = [
  'oneTimeNotificationFailed',
  'jointDepartmentLate',
  'overdue',
  'supplementAfterAcceptance',
  'notifiedLate',
] as const;
export type TCaseFlag = (typeof CASE_FLAGS)[number];
export const CASE_FLAG_LABELS: Readonly<Record<TCaseFlag, TLabel>> = {
  oneTimeNotificationFailed: {
    zh: '二次补办（一次性告知未落实）',
    en: 'Second supplement (one-time notification failed)',
  },
  jointDepartmentLate: { zh: '联办部门超时', en: 'Joint department late' },
  overdue: { zh: '超期', en: 'Overdue' },
  supplementAfterAcceptance: {
    zh: '受理后补办（不重新计时）',
    en: 'Materials requested after acceptance (clock not restarted)',
  },
  notifiedLate: { zh: '未在承诺时限内通知申请人', en: 'Applicant notified after the limit' },
};

/** The steps a case takes after acceptance (the events of the workflow). */
export const CASE_STEP_KINDS = [
  'requestMaterials',
  'materialsComplete',
  'return',
  'copyJoint',
  'jointAnswer',
  'forward',
  'fileExplanation',
  'upperReply',
  'decide',
  'notify',
  'pickUp',
] as const;
export type TCaseStepKind = (typeof CASE_STEP_KINDS)[number];

/** Every kind of line in a case's event log: acceptance, the steps, and a reissued query password. */
export const CASE_EVENT_KINDS = [
  'accept',
  ...CASE_STEP_KINDS,
  'resetQueryPassword',
  'requestReview',
  'decideReview',
] as const;
export type TCaseEventKind = (typeof CASE_EVENT_KINDS)[number];
export const CASE_EVENT_LABELS: Readonly<Record<TCaseEventKind, TLabel>> = {
  accept: { zh: '受理', en: 'Accepted' },
  requestMaterials: { zh: '补办（一次性告知）', en: 'Request materials (one notice)' },
  materialsComplete: { zh: '材料补齐，正式受理', en: 'Materials complete: accepted' },
  return: { zh: '退回', en: 'Return' },
  copyJoint: { zh: '抄告相关部门', en: 'Copy departments' },
  jointAnswer: { zh: '相关部门反馈意见', en: 'Department answered' },
  forward: { zh: '上报', en: 'Forward upward' },
  fileExplanation: { zh: '向中心作出解释', en: 'File explanation' },
  upperReply: { zh: '上级批复', en: 'Upper authority replied' },
  decide: { zh: '办结', en: 'Decide' },
  notify: { zh: '通知申请人', en: 'Notify applicant' },
  pickUp: { zh: '申请人领取', en: 'Picked up' },
  resetQueryPassword: { zh: '重新生成查询密码', en: 'Query password reissued' },
  requestReview: { zh: '申请复核', en: 'Review requested' },
  decideReview: { zh: '复核决定', en: 'Review decided' },
};

/** The alerts an open case raises. */
export const CASE_ALERT_KINDS = [
  'deadlineNear',
  'overdue',
  'awaitingUpper',
  'explanationDue',
  'jointLate',
  'notifyDue',
] as const;
export type TCaseAlertKind = (typeof CASE_ALERT_KINDS)[number];
export const CASE_ALERT_LABELS: Readonly<Record<TCaseAlertKind, TLabel>> = {
  deadlineNear: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已超期', en: 'Overdue' },
  awaitingUpper: {
    zh: '等待上级批复（不计入窗口时限）',
    en: 'Waiting for the upper authority (not counted)',
  },
  explanationDue: { zh: '上报超期未批复，须向中心作出解释', en: 'No reply from above: explanation due' },
  jointLate: { zh: '联办部门超时未反馈', en: 'Joint department late' },
  notifyDue: { zh: '已办结未按时通知申请人', en: 'Decided, applicant not notified in time' },
};

/** The written notices of a case (规程 二、1, 二、4, 二、5, 三、4, 四、1, 四、3). */
export const CASE_NOTICE_KINDS = [
  'acceptanceNotice',
  'supplementNotice',
  'returnNotice',
  'completionNotice',
  'escalationExplanation',
  'reviewDecision',
] as const;
export type TCaseNoticeKind = (typeof CASE_NOTICE_KINDS)[number];
export const CASE_NOTICE_LABELS: Readonly<Record<TCaseNoticeKind, TLabel>> = {
  acceptanceNotice: { zh: '行政审批事项受理通知单', en: 'Acceptance notice' },
  supplementNotice: { zh: '补办件通知单', en: 'Supplement notice' },
  returnNotice: { zh: '退回件通知单', en: 'Return notice' },
  completionNotice: { zh: '审批事项办结通知单', en: 'Completion notice' },
  escalationExplanation: { zh: '上报件未批复情况说明', en: 'Escalated case: explanation to the center' },
  reviewDecision: { zh: '复核决定书', en: 'Review decision' },
};

/** A B5 / F3 proposal for an overdue case: nothing is recorded until a supervisor confirms. */
export const SANCTION_PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type TSanctionProposalStatus = (typeof SANCTION_PROPOSAL_STATUSES)[number];
export const SANCTION_PROPOSAL_STATUS_LABELS: Readonly<Record<TSanctionProposalStatus, TLabel>> = {
  proposed: { zh: '待确认', en: 'To confirm' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/** A confirmed proposal a calendar correction no longer bears out (see `recountProposals`). */
export const PROPOSAL_RECHECK_LABEL: TLabel = { zh: '日历更正后需复核', en: 'Recheck: calendar corrected' };

/** Why an overdue proposal needs its own look (see `proposalDoubts`). */
export const PROPOSAL_DOUBT_LABELS: Readonly<
  Record<'noResponsiblePerson' | 'supplementAfterAcceptance' | 'jointDepartmentLate' | 'escalated', TLabel>
> = {
  noResponsiblePerson: { zh: '无第一责任人记录', en: 'No first responsible person' },
  supplementAfterAcceptance: {
    zh: '受理后补办，部分延误或系申请人原因',
    en: 'Materials requested after acceptance: part of the delay may be the applicant’s',
  },
  jointDepartmentLate: { zh: '联办部门超时', en: 'A joint department was late' },
  escalated: { zh: '上报件（含上级审批时间）', en: 'Escalated (time upstairs)' },
};

// ---------------------------------------------------------------------------------------------------
// 好差评: the applicant's service rating of a case (not 互评, the peer ratings of staff)

/** The five levels of a 好差评 as the product stores them, 1 = best (非常满意) … 5 = worst (非常不满意). */
export const SERVICE_RATING_KEYS = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
] as const;
export type TServiceRatingKey = (typeof SERVICE_RATING_KEYS)[number];
/** 1 … 5 */
export type TServiceRatingLevel = 1 | 2 | 3 | 4 | 5;
export const SERVICE_RATING_LABELS: Readonly<Record<TServiceRatingKey, TLabel>> = {
  verySatisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  veryDissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** The level of a rating key: verySatisfied → 1 … veryDissatisfied → 5. */
export function serviceRatingLevel(key: TServiceRatingKey): TServiceRatingLevel {
  return (SERVICE_RATING_KEYS.indexOf(key) + 1) as TServiceRatingLevel;
}

/** The key of a level, or undefined outside 1 … 5. */
export function serviceRatingKey(level: number): TServiceRatingKey | undefined {
  return SERVICE_RATING_KEYS[level - 1];
}

/** The label of a level 1 … 5 (a level outside them reads as itself). */
export function serviceRatingLabel(level: number): TLabel {
  const key = serviceRatingKey(level);
  return key ? SERVICE_RATING_LABELS[key] : { zh: String(level), en: String(level) };
}

/**
 * The product's level of a level as the national 好差评 scheme writes it (the platform's exports): there
 * 5 = 非常满意 … 1 = 非常不满意, the other way round; undefined outside the whole numbers 1 … 5.
 */
export function serviceRatingLevelOfNational(national: number): TServiceRatingLevel | undefined {
  return Number.isInteger(national) && national >= 1 && national <= 5
    ? ((6 - national) as TServiceRatingLevel)
    : undefined;
}

/** The stages at which the national scheme has the applicant rate a case: 受理 and 办结. */
export const SERVICE_RATING_STAGES = ['accepted', 'decided'] as const;
export type TServiceRatingStage = (typeof SERVICE_RATING_STAGES)[number];
export const SERVICE_RATING_STAGE_LABELS: Readonly<Record<TServiceRatingStage, TLabel>> = {
  accepted: { zh: '受理', en: 'Acceptance' },
  decided: { zh: '办结', en: 'Decision' },
};

/** 差评 are 不满意 and 非常不满意; the first three count as satisfied in the satisfaction rate. */
export const isPoorServiceRating = (level: number): boolean => level >= 4;

/** A case can be rated once it is decided, handed over or returned. */
export const SERVICE_RATEABLE_STAGES: readonly TCaseStage[] = ['decided', 'notified', 'pickedUp', 'returned'];

/** 差评回访: a poor rating is followed up until closed. */
export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
export type TFollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<TFollowUpStatus, TLabel>> = {
  open: { zh: '待回访', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
};
