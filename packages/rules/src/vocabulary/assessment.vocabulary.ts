import type { TLabels } from './label.ts';

/** Grades, best first: 优秀 / 称职 / 基本称职 / 不称职 (考核细则 二(一)). */
export const GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type TGrade = (typeof GRADES)[number];
export const GRADE_LABELS: TLabels<TGrade> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  competent: { zh: '称职', en: 'Competent' },
  basic: { zh: '基本称职', en: 'Basic' },
  incompetent: { zh: '不称职', en: 'Incompetent' },
};
/** No grade: fewer assessed quarters than the year-end needs (年终总评). */
export const NOT_GRADED_LABEL = { zh: '不评定', en: 'Not graded' } as const;

/** Result flags, in the order the engine reports them (domain.md, "Output"). */
export const FLAGS = [
  'tie',
  'criticism',
  'returnToUnit',
  'noPeerData',
  'circulatedCriticism',
  'notifyUnit',
] as const;
export type TFlag = (typeof FLAGS)[number];
/** How each flag reads on a notice board and on the dashboard. */
export const FLAG_LABELS: TLabels<TFlag> = {
  tie: { zh: '并列', en: 'Tie' },
  criticism: { zh: '批评教育', en: 'Criticism' },
  returnToUnit: { zh: '退回所在单位', en: 'Return to unit' },
  noPeerData: { zh: '无互评数据', en: 'No peer data' },
  circulatedCriticism: { zh: '通报批评', en: 'Circulated criticism' },
  notifyUnit: { zh: '通报所在单位', en: 'Notify unit' },
};

/** 一票否决: a valid complaint in the quarter bars 优秀 (考核细则 二(三)). Shown beside the flags. */
export const VETO_LABEL = { zh: '一票否决', en: 'Vetoed' } as const;

/** Peer-evaluation tiers 好 / 中 / 差 (互评, 考核细则 一(三)7). */
export const PEER_TIERS = ['good', 'medium', 'poor'] as const;
export type TPeerTier = (typeof PEER_TIERS)[number];
export const PEER_TIER_LABELS: TLabels<TPeerTier> = {
  good: { zh: '好', en: 'Good' },
  medium: { zh: '中', en: 'Medium' },
  poor: { zh: '差', en: 'Poor' },
};

/** The quarters of a year (按季度考核). */
export const QUARTERS = [1, 2, 3, 4] as const;
export type TQuarterNumber = (typeof QUARTERS)[number];
/** 第一季度 … 第四季度 / Q1 … Q4. */
export const QUARTER_LABELS: TLabels<TQuarterNumber> = {
  1: { zh: '第一季度', en: 'Q1' },
  2: { zh: '第二季度', en: 'Q2' },
  3: { zh: '第三季度', en: 'Q3' },
  4: { zh: '第四季度', en: 'Q4' },
};

/** A person's place in the 后备干部人才库 (考核细则 二(四)): in the pool, removed from it, or never confirmed. */
export const RESERVE_STATUSES = ['inPool', 'removed', 'notYet'] as const;
export type TReserveStatus = (typeof RESERVE_STATUSES)[number];
export const RESERVE_STATUS_LABELS: TLabels<TReserveStatus> = {
  inPool: { zh: '已入库', en: 'In the pool' },
  removed: { zh: '已移出', en: 'Removed' },
  notYet: { zh: '未入库', en: 'Not yet in the pool' },
};
