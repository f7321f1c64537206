import { QUARTER_LABELS } from '@chuangkou/rules';
import type { TIsoDate, TMonthPeriod, TQuarterPeriod } from './bulletin.types.ts';

// Grades, flags, quarters and the bulletin kinds are labelled beside their enums in @chuangkou/rules.

/** 2026年第三季度 */
export function quarterLabel(period: TQuarterPeriod): string {
  return `${period.year}年${QUARTER_LABELS[period.quarter].zh}`;
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
