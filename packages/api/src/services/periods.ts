import { centerBeganOn, type Db } from '@chuangkou/db';
import { monthRange, periodRefusal, quarterOfDate, quarterRange, type TPeriodRef } from '@chuangkou/rules';
import { badInput } from '../errors.ts';

export interface TPeriod {
  year: number;
  quarter?: number | undefined;
  month?: number | undefined;
}

export interface TRange {
  from: string;
  to: string;
  label: string;
}

/** The date range of a year, a quarter or a month. */
export function rangeOf(p: TPeriod): TRange {
  if (p.month !== undefined) {
    const r = monthRange(p.year, p.month);
    return { from: r.start, to: r.end, label: `${p.year}-${String(p.month).padStart(2, '0')}` };
  }
  if (p.quarter !== undefined) {
    const r = quarterRange(p.year, p.quarter);
    return { from: r.start, to: r.end, label: `${p.year}Q${p.quarter}` };
  }
  return { from: `${p.year}-01-01`, to: `${p.year}-12-31`, label: String(p.year) };
}

/** The period just before (previous month, quarter or year). */
export function previousOf(p: TPeriod): TPeriod {
  if (p.month !== undefined)
    return p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
  if (p.quarter !== undefined)
    return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: p.quarter - 1 };
  return { year: p.year - 1 };
}

/** The same period a year earlier. */
export function lastYearOf(p: TPeriod): TPeriod {
  return { ...p, year: p.year - 1 };
}

/** Refuses a period that starts after today. */
export function assertNotFuture(p: TPeriod, today: string, field = 'year'): void {
  if (rangeOf(p).from > today) throw badInput(field, `所选期间尚未开始（今天是 ${today}）`);
}

/** Refuses a date range (a list's `from`) that starts after today, as `assertNotFuture` refuses a period. */
export function assertRangeBegun(from: string, today: string, field = 'from'): void {
  if (from > today) throw badInput(field, `所选期间尚未开始（今天是 ${today}）`);
}

/** Refuses a year that has not begun. */
export function assertYearBegun(year: number, today: string, field = 'year'): void {
  if (`${year}-01-01` > today) throw badInput(field, `${year}年尚未开始`);
}

/** Refuses a date after today. */
export function assertNotFutureDate(date: string, today: string, field = 'date'): void {
  if (date > today) throw badInput(field, `日期 ${date} 晚于今天 ${today}`);
}

export { quarterOfDate };

/**
 * Refuses a period that cannot be shown (`periodRefusal`): not begun, before the center began (its
 * setting, else its first data), or without data. The API, the downloads and the command line call it
 * through the same service functions, so each refuses with the same message.
 */
export async function assertPeriodShown(
  db: Db,
  centerId: number,
  period: TPeriodRef,
  today: string,
  field: string,
  hasData?: () => Promise<boolean>,
): Promise<void> {
  const beganOn = await centerBeganOn(db, centerId);
  const refusal =
    periodRefusal(period, today, { beganOn }) ??
    (hasData && !(await hasData()) ? periodRefusal(period, today, { beganOn, hasData: false }) : null);
  if (refusal) throw badInput(field, refusal);
}
