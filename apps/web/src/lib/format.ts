/** Numbers, rates and dates formatted the way a Chinese office reads them (zh-CN grouping, 年月日). */
import type { TLocale } from '../i18n/dictionary.ts';

const TAG = { 'zh-CN': 'zh-CN', en: 'en-US' } as const;

export function formatNumber(value: number | null | undefined, locale: TLocale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(TAG[locale], {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A 0..1 ratio as a percentage with `digits` decimals: 0.9876 → 98.76%. */
export function formatPercent(ratio: number | null | undefined, locale: TLocale, digits = 2): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(TAG[locale], {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(ratio);
}

/** 2026-07-03 → 2026年7月3日 (zh-CN) or Jul 3, 2026 (en). ISO dates stay calendar dates (no time zone shift). */
export function formatDate(iso: string | null | undefined, locale: TLocale): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(TAG[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Signed change: +3, −2 (a real minus sign), 0. */
export function formatSigned(value: number | null | undefined, locale: TLocale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const text = formatNumber(Math.abs(value), locale, digits);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

/** Relative change between two values, or null when the base is zero or missing. */
export function relativeChange(
  current: number | null | undefined,
  base: number | null | undefined,
): number | null {
  if (current === null || current === undefined || base === null || base === undefined || base === 0)
    return null;
  return (current - base) / Math.abs(base);
}
