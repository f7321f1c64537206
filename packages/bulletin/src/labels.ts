import type { TGrade, TIsoDate, TMonthPeriod, TQuarterPeriod, TResultFlag } from './bulletin.types.ts';

/** 优秀 / 称职 / 基本称职 / 不称职. */
export const GRADE_LABELS: Record<TGrade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

/** How each engine flag reads on a notice board. */
export const FLAG_LABELS: Record<TResultFlag, string> = {
  tie: '并列',
  criticism: '批评教育',
  returnToUnit: '退回所在单位',
  noPeerData: '无互评数据',
  circulatedCriticism: '通报批评',
  notifyUnit: '通报所在单位',
};

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 第一 … 第四, by quarter number. */
export const QUARTER_NAMES: Readonly<Record<number, string>> = { 1: '第一', 2: '第二', 3: '第三', 4: '第四' };

/** 2026年第三季度 */
export function quarterLabel(period: TQuarterPeriod): string {
  return `${period.year}年第${CHINESE_DIGITS[period.quarter]}季度`;
}

/** 2026年10月 */
export function monthLabel(period: TMonthPeriod): string {
  return `${period.year}年${period.month}月`;
}

export function periodLabel(period: TQuarterPeriod | TMonthPeriod): string {
  return 'quarter' in period ? quarterLabel(period) : monthLabel(period);
}

/**
 * The head of an item's text, for a summary table: up to the first comma (two pieces when the first is
 * very short). 违反窗口工作人员行为规范，窗口工作人员出现… → 违反窗口工作人员行为规范.
 */
export function shortItemText(text: string): string {
  const pieces = text.split(/[，；。]/).filter((piece) => piece.length > 0);
  const first = pieces[0] ?? text;
  return first.length < 6 && pieces[1] ? `${first}，${pieces[1]}` : first;
}

/** 2026-10-08 → 2026年10月8日 (the official way of writing a date). */
export function dateLabel(date: TIsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 10-08 → 10月8日, for table cells. */
export function shortDateLabel(date: TIsoDate): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${Number(match[1])}月${Number(match[2])}日`;
}
