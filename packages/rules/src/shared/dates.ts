/** ISO calendar dates (`YYYY-MM-DD`) as plain strings, compared lexicographically; no time zones. */
export type TIsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The epoch day of each date met lately, and the date of each epoch day: a year of cases meets a few
 * hundred dates millions of times (an import checks and counts each row's dates). Emptied when full.
 */
const DAY_OF_DATE = new Map<string, number>();
const DATE_OF_DAY = new Map<number, TIsoDate>();
const MEMO_LIMIT = 50_000;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is TIsoDate {
  if (typeof value !== 'string') return false;
  if (DAY_OF_DATE.has(value)) return true;
  if (!isIsoDateText(value)) return false;
  toEpochDay(value); // remembered
  return true;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for an ISO date. */
export function toEpochDay(date: TIsoDate): number {
  const known = DAY_OF_DATE.get(date);
  if (known !== undefined) return known;
  const day =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
  // only a real date is kept (isIsoDate trusts what is here); anything else is computed each time
  if (isIsoDateText(date)) remember(date, day);
  return day;
}

export function fromEpochDay(day: number): TIsoDate {
  const known = DATE_OF_DAY.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (Number.isInteger(day) && isIsoDateText(date)) remember(date, day);
  return date;
}

function remember(date: TIsoDate, day: number) {
  if (DAY_OF_DATE.size >= MEMO_LIMIT) {
    DAY_OF_DATE.clear();
    DATE_OF_DAY.clear();
  }
  DAY_OF_DATE.set(date, day);
  DATE_OF_DAY.set(day, date);
}

/** isIsoDate without the memo: a real date written `YYYY-MM-DD`. */
function isIsoDateText(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), mo);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface TQuarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface TMonth {
  year: number;
  month: number;
}

export function quarterOfDate(date: TIsoDate): TQuarter {
  return {
    year: Number(date.slice(0, 4)),
    quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** First and last day of a quarter, inclusive. */
export function quarterRange(year: number, quarter: number): { start: TIsoDate; end: TIsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    start: `${year}-${pad2(firstMonth)}-01`,
    end: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
  };
}

/** First and last day of a month, inclusive. */
export function monthRange(year: number, month: number): { start: TIsoDate; end: TIsoDate } {
  return {
    start: `${year}-${pad2(month)}-01`,
    end: `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`,
  };
}

/** Q4 and the next year's Q1 are consecutive. */
export function previousQuarter({ year, quarter }: TQuarter): TQuarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as 1 };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}
