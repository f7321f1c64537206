import { QUARTER_LABELS } from '@chuangkou/rules/vocabulary';

/**
 * A period in the URL: `2026` (year), `2026-Q3` (quarter) or `2026-07` (month).
 * Analytics procedures take it as `{ year, quarter?, month? }`.
 */
export type TQuarter = 1 | 2 | 3 | 4;
export type TPeriod = { year: number; quarter?: TQuarter; month?: number };

const PERIOD_RE = /^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$/;

export function parsePeriod(text: string | null | undefined): TPeriod | null {
  const match = PERIOD_RE.exec(text ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const rest = match[2];
  if (!rest) return { year };
  if (rest.startsWith('Q')) return { year, quarter: Number(rest.slice(1)) as TQuarter };
  return { year, month: Number(rest) };
}

export function formatPeriodParam(period: TPeriod): string {
  if (period.quarter) return `${period.year}-Q${period.quarter}`;
  if (period.month) return `${period.year}-${String(period.month).padStart(2, '0')}`;
  return String(period.year);
}

/** The quarter of a month 1–12. */
export function toQuarter(month: number): TQuarter {
  return (Math.floor((month - 1) / 3) + 1) as TQuarter;
}

/** The quarter that contains `date` (or today). */
export function currentQuarter(date = new Date()): { year: number; quarter: TQuarter } {
  return { year: date.getFullYear(), quarter: toQuarter(date.getMonth() + 1) };
}

/** The last quarter that has ended by `date`: the dashboard opens on it (a running one is a click away). */
export function lastEndedQuarter(date = new Date()): { year: number; quarter: TQuarter } {
  const now = currentQuarter(date);
  return now.quarter === 1
    ? { year: now.year - 1, quarter: 4 }
    : { year: now.year, quarter: (now.quarter - 1) as TQuarter };
}

/** Whether a period is still running on `date` (its last day is today or later): 进行中. */
export function isRunning(period: TPeriod, date = new Date()): boolean {
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return rangeOf(period).to >= today && rangeOf(period).from <= today;
}

/** The quarter a period falls in: a month maps to its quarter, a bare year to Q4 (or the current quarter). */
export function quarterOf(period: TPeriod, today = new Date()): { year: number; quarter: TQuarter } {
  if (period.quarter) return { year: period.year, quarter: period.quarter };
  if (period.month) return { year: period.year, quarter: toQuarter(period.month) };
  const now = currentQuarter(today);
  return period.year === now.year ? now : { year: period.year, quarter: 4 };
}

/** The month a period points at: a quarter maps to its last month, a year to December (or this month). */
export function monthOf(period: TPeriod, today = new Date()): { year: number; month: number } {
  if (period.month) return { year: period.year, month: period.month };
  if (period.quarter) return { year: period.year, month: period.quarter * 3 };
  return period.year === today.getFullYear()
    ? { year: period.year, month: today.getMonth() + 1 }
    : { year: period.year, month: 12 };
}

/** A label: 2026年第三季度 / 2026年7月 / 2026年度, or Q3 2026 / 2026-07 / 2026 in English. */
export function periodLabel(period: TPeriod, locale: 'zh-CN' | 'en'): string {
  if (period.quarter) {
    const quarter = QUARTER_LABELS[period.quarter];
    return locale === 'en' ? `${quarter.en} ${period.year}` : `${period.year}年${quarter.zh}`;
  }
  if (locale === 'en') return formatPeriodParam(period);
  if (period.month) return `${period.year}年${period.month}月`;
  return `${period.year}年度`;
}

/** First and last day (ISO) of a period. */
export function rangeOf(period: TPeriod): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const [first, last] = period.month
    ? [period.month, period.month]
    : period.quarter
      ? [period.quarter * 3 - 2, period.quarter * 3]
      : [1, 12];
  return {
    from: `${period.year}-${pad(first)}-01`,
    to: `${period.year}-${pad(last)}-${pad(lastDay(period.year, last))}`,
  };
}
