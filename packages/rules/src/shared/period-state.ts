import { monthRange, quarterRange } from './dates.ts';

/**
 * Periods have a state (domain: "Time: every fact on its own date"): future, running (a draft,
 * 征求意见稿), ended, published (then revised only by a correction with a reason). Only an ended
 * period is published, signed or posted; a period before the center began or with no data is refused
 * by name.
 */
export type TPeriodState = 'future' | 'running' | 'ended' | 'published';

/** A year, a quarter of it, or a month of it. */
export interface TPeriodRef {
  year: number;
  quarter?: number | undefined;
  month?: number | undefined;
}

/** The first and last day of a period. */
export function periodRange(p: TPeriodRef): { start: string; end: string } {
  if (p.month !== undefined) return monthRange(p.year, p.month);
  if (p.quarter !== undefined) return quarterRange(p.year, p.quarter);
  return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
}

/** The period's name in a message: 2026年第4季度, 2026年12月, 2026年. */
export function periodName(p: TPeriodRef): string {
  if (p.month !== undefined) return `${p.year}年${p.month}月`;
  if (p.quarter !== undefined) return `${p.year}年第${p.quarter}季度`;
  return `${p.year}年`;
}

/** The state of a period on a day. */
export function periodState(p: TPeriodRef, today: string, isPublished = false): TPeriodState {
  const { start, end } = periodRange(p);
  if (start > today) return 'future';
  if (end >= today) return 'running';
  return isPublished ? 'published' : 'ended';
}

/** Why a period cannot be shown at all, or null: it has not begun, it is before the center began, it has no data. */
export function periodRefusal(
  p: TPeriodRef,
  today: string,
  center: { beganOn: string | null; hasData?: boolean | undefined },
): string | null {
  const name = periodName(p);
  const { end } = periodRange(p);
  if (periodState(p, today) === 'future') return `${name}尚未开始（今天是 ${today}）`;
  if (center.beganOn === null) return `${name}没有考核数据：本中心尚无任何记录`;
  if (end < center.beganOn) return `${name}早于本中心开始考核的日期（${center.beganOn}），没有考核数据`;
  if (center.hasData === false) return `${name}没有考核数据`;
  return null;
}

/** What may be done only once a period has ended. */
export type TEndedAct = 'publish' | 'sign' | 'post' | 'award' | 'cadres';

const ACT_ZH: Record<TEndedAct, string> = {
  publish: '公示',
  sign: '签批',
  post: '公布',
  award: '评选',
  cadres: '推荐后备干部',
};

/** Refuses an act before the period has ended: the message names the period and its last day, else null. */
export function notEndedRefusal(p: TPeriodRef, today: string, act: TEndedAct): string | null {
  const { end } = periodRange(p);
  return end >= today ? `${periodName(p)}尚未结束（${end}），不能${ACT_ZH[act]}` : null;
}

/**
 * A running period is compared with the same elapsed span of another (domain "Time": Q4 to 12-02
 * against Q3 to 09-02 and Q4 of the year before to 12-02): the other period cut at the same place, as
 * many months from its start and the same day of the month (the month's last day when shorter), never
 * past its own end. An ended period compares whole.
 */
export function sameElapsedSpan(
  current: { start: string; end: string },
  other: { start: string; end: string },
  today: string,
): { start: string; end: string; isCut: boolean } {
  if (!(current.start <= today && today < current.end)) return { ...other, isCut: false };
  const ym = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const at = ym(other.start) + (ym(today) - ym(current.start));
  const year = Math.floor(at / 12);
  const month = (at % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), last);
  const cut = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { start: other.start, end: cut < other.end ? cut : other.end, isCut: true };
}

/**
 * Why a year has no annual award yet (考核细则 一(四)6, 年度“红旗窗口”), or null when it may have one: a
 * running year cannot be awarded before it ends; an ended year has simply not been awarded. A year not
 * begun is refused elsewhere (`periodRefusal`).
 */
export function annualAwardPending(year: number, today: string, isAwarded: boolean): string | null {
  if (isAwarded) return null;
  const state = periodState({ year }, today);
  if (state === 'future') return null;
  if (state === 'running') return `${year}年尚未结束（${year}-12-31），年度“红旗窗口”须待年度结束后评选`;
  return `${year}年度“红旗窗口”尚未评出`;
}
