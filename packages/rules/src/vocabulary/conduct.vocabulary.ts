import type { TLabels } from './label.ts';

/**
 * A person's post: 前台 (front desk), 后台 (back office), 保安 (security guard: the seed's 保安人员,
 * 处罚办法 一、10; earlier files call it 安保, which the importer still reads).
 */
export const STAFF_POSTS = ['front', 'back', 'security'] as const;
export type TStaffPost = (typeof STAFF_POSTS)[number];
export const STAFF_POST_LABELS: TLabels<TStaffPost> = {
  front: { zh: '前台', en: 'Front desk' },
  back: { zh: '后台', en: 'Back office' },
  security: { zh: '保安', en: 'Security' },
};

/** Where a conduct record came from: a patrol finding, a verified complaint, a case, typed in, an award. */
export const RECORD_SOURCES = ['patrol', 'complaint', 'case', 'manual', 'award'] as const;
export type TRecordSource = (typeof RECORD_SOURCES)[number];
export const RECORD_SOURCE_LABELS: TLabels<TRecordSource> = {
  patrol: { zh: '巡查', en: 'Patrol' },
  complaint: { zh: '投诉', en: 'Complaint' },
  case: { zh: '办件', en: 'Case' },
  manual: { zh: '录入', en: 'Manual' },
  award: { zh: '评比', en: 'Award' },
};

/** 巡查表: the morning and the afternoon patrol (处罚办法 二、1). */
export const PATROL_SESSIONS = ['morning', 'afternoon'] as const;
export type TPatrolSession = (typeof PATROL_SESSIONS)[number];
export const PATROL_SESSION_LABELS: TLabels<TPatrolSession> = {
  morning: { zh: '上午', en: 'Morning' },
  afternoon: { zh: '下午', en: 'Afternoon' },
};

/**
 * The cause a verified complaint is put down to: 服务态度 (考核细则 一(一)3), 责任心不强 and 工作拖拉
 * (规范化服务通知 一(一), counted on the complaint ladder), or another.
 */
export const COMPLAINT_CAUSES = ['attitude', 'responsibility', 'procrastination', 'other'] as const;
export type TComplaintCause = (typeof COMPLAINT_CAUSES)[number];
export const COMPLAINT_CAUSE_LABELS: TLabels<TComplaintCause> = {
  attitude: { zh: '服务态度', en: 'Service attitude' },
  responsibility: { zh: '责任心不强', en: 'Weak sense of responsibility' },
  procrastination: { zh: '工作拖拉', en: 'Procrastination' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * How a complaint reached the center (投诉举报电话、意见箱 …), or 内部: a complaint from inside (a colleague,
 * another window or section). 规范化服务通知 一(一) counts 内、外部投诉 alike.
 */
export const COMPLAINT_CHANNELS = [
  'hotline12345',
  'evaluator',
  'suggestionBox',
  'phone',
  'online',
  'internal',
] as const;
export type TComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: TLabels<TComplaintChannel> = {
  hotline12345: { zh: '12345热线', en: '12345 hotline' },
  evaluator: { zh: '现场评价器', en: 'On-site evaluator' },
  suggestionBox: { zh: '意见箱', en: 'Suggestion box' },
  phone: { zh: '电话', en: 'Phone' },
  online: { zh: '网上', en: 'Online' },
  internal: { zh: '内部', en: 'Internal' },
};

/** A window's award: 月度 / 年度红旗窗口 (考核细则 一(四)6) or 黄牌警告 (一(二)8). */
export const AWARD_KINDS = ['redFlagMonthly', 'redFlagAnnual', 'yellowCard'] as const;
export type TAwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS: TLabels<TAwardKind> = {
  redFlagMonthly: { zh: '月度红旗窗口', en: 'Monthly red flag' },
  redFlagAnnual: { zh: '年度红旗窗口', en: 'Annual red flag' },
  yellowCard: { zh: '黄牌警告', en: 'Yellow card' },
};

/** The lines of the monthly sign-off (签批, 处罚办法 二、2): 审管科 compiles, 分管领导 and 主要领导 sign. */
export const SIGN_OFF_LINES = ['supervision', 'deputy', 'principal'] as const;
export type TSignOffLine = (typeof SIGN_OFF_LINES)[number];
export const SIGN_OFF_LINE_LABELS: TLabels<TSignOffLine> = {
  supervision: { zh: '审管科', en: 'Supervision office' },
  deputy: { zh: '分管领导', en: 'Deputy leader' },
  principal: { zh: '主要领导', en: 'Principal leader' },
};

/** A leader's position on their account: the line of the sign-off they sign (one line each). */
export const LEADER_POSITIONS = ['principal', 'deputy'] as const;
export type TLeaderPosition = (typeof LEADER_POSITIONS)[number];
export const LEADER_POSITION_LABELS: TLabels<TLeaderPosition> = {
  principal: SIGN_OFF_LINE_LABELS.principal,
  deputy: SIGN_OFF_LINE_LABELS.deputy,
};
