import { describe, expect, it } from 'vitest';
import { pagePeriod } from '../components/filter-bar.tsx';
import { filtersToSearch, parseFilters } from './filters.ts';
import { formatPeriodParam, isRunning, monthOf, parsePeriod, periodLabel, quarterOf } from './period.ts';

describe('parsePeriod', () => {
  it('reads a year, a quarter and a month', () => {
    expect(parsePeriod('2026')).toEqual({ year: 2026 });
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parsePeriod('2026-07')).toEqual({ year: 2026, month: 7 });
  });

  it('refuses what is not a period', () => {
    for (const text of ['', '26', '2026-Q5', '2026-13', '2026-7', 'x', null])
      expect(parsePeriod(text)).toBeNull();
  });

  it('round-trips through the URL form', () => {
    for (const text of ['2025', '2026-Q1', '2026-12'])
      expect(formatPeriodParam(parsePeriod(text)!)).toBe(text);
  });
});

describe('quarterOf and monthOf', () => {
  const today = new Date(2026, 10, 26);
  it('maps a month to its quarter and a quarter to its last month', () => {
    expect(quarterOf({ year: 2026, month: 8 }, today)).toEqual({ year: 2026, quarter: 3 });
    expect(monthOf({ year: 2026, quarter: 2 }, today)).toEqual({ year: 2026, month: 6 });
  });
  it('uses the current quarter for this year and Q4 for a past year', () => {
    expect(quarterOf({ year: 2026 }, today)).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf({ year: 2025 }, today)).toEqual({ year: 2025, quarter: 4 });
    expect(monthOf({ year: 2026 }, today)).toEqual({ year: 2026, month: 11 });
  });
});

describe('periodLabel', () => {
  it('writes Chinese period names', () => {
    expect(periodLabel({ year: 2026, quarter: 3 }, 'zh-CN')).toBe('2026年第三季度');
    expect(periodLabel({ year: 2026, month: 7 }, 'zh-CN')).toBe('2026年7月');
    expect(periodLabel({ year: 2026 }, 'zh-CN')).toBe('2026年度');
    expect(periodLabel({ year: 2026, quarter: 3 }, 'en')).toBe('Q3 2026');
  });
});

describe('parseFilters', () => {
  it('reads ids and the period and ignores junk', () => {
    const filters = parseFilters(new URLSearchParams('center=1&unit=3&window=abc&period=2026-Q2'));
    expect(filters).toEqual({
      centerId: 1,
      unitId: 3,
      windowId: undefined,
      period: { year: 2026, quarter: 2 },
    });
  });

  it('falls back to the last ended quarter', () => {
    expect(parseFilters(new URLSearchParams(''), new Date(2026, 0, 5)).period).toEqual({
      year: 2025,
      quarter: 4,
    });
  });

  it('writes back what it read', () => {
    const search = new URLSearchParams('unit=3&period=2026-07');
    expect(filtersToSearch(parseFilters(search))).toEqual({
      center: undefined,
      unit: '3',
      window: undefined,
      period: '2026-07',
    });
  });
});

describe('rangeOf', () => {
  it('gives the first and last day of a month, a quarter and a year', async () => {
    const { rangeOf } = await import('./period.ts');
    expect(rangeOf({ year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf({ year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(rangeOf({ year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('the period a page opens on', () => {
  it('opens on the last ended quarter: 2026 Q3 on 2026-12-02, 2025 Q4 on 2026-02-10', () => {
    expect(parseFilters(new URLSearchParams(''), new Date(2026, 11, 2)).period).toEqual({
      year: 2026,
      quarter: 3,
    });
    expect(parseFilters(new URLSearchParams(''), new Date(2026, 1, 10)).period).toEqual({
      year: 2025,
      quarter: 4,
    });
  });
  it('marks a running period 进行中, not an ended one', () => {
    const today = new Date(2026, 11, 2);
    expect(isRunning({ year: 2026, quarter: 4 }, today)).toBe(true);
    expect(isRunning({ year: 2026, month: 12 }, today)).toBe(true);
    expect(isRunning({ year: 2026, quarter: 3 }, today)).toBe(false);
    expect(isRunning({ year: 2026, month: 11 }, today)).toBe(false);
  });
});

describe('pickers that fit the page', () => {
  it('shows months on a monthly page and years on a yearly page, whatever the URL holds', () => {
    expect(pagePeriod({ year: 2026, quarter: 3 }, ['month'])).toEqual({ year: 2026, month: 9 });
    expect(pagePeriod({ year: 2026, quarter: 3 }, ['year'])).toEqual({ year: 2026 });
    expect(pagePeriod({ year: 2026, month: 7 }, ['year'])).toEqual({ year: 2026 });
    expect(pagePeriod({ year: 2026, month: 7 }, ['quarter', 'month'])).toEqual({ year: 2026, month: 7 });
  });
});
