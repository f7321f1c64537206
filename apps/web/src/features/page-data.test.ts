import { describe, expect, it } from 'vitest';
import { convertPeriod } from '../components/filter-bar.tsx';
import { distributions } from './assessment/assessment-page.tsx';
import { findingsInput } from './entry/patrol-sheet-cells.tsx';
import { monthsUpTo } from './fines/fines-page.tsx';
import { lineToSign } from './fines/sign-off-card.tsx';
import { trendRows } from './overview/overview-page.tsx';
import { tierRow } from './peer/peer-page.tsx';
import { awardGrid } from './red-flag/red-flag-page.tsx';

describe('convertPeriod', () => {
  it('keeps the point in time when the period kind changes', () => {
    expect(convertPeriod({ year: 2026, quarter: 3 }, 'month')).toEqual({ year: 2026, month: 9 });
    expect(convertPeriod({ year: 2026, month: 5 }, 'quarter')).toEqual({ year: 2026, quarter: 2 });
    expect(convertPeriod({ year: 2026, month: 5 }, 'year')).toEqual({ year: 2026 });
    expect(convertPeriod({ year: 2025 }, 'quarter')).toEqual({ year: 2025, quarter: 4 });
  });
});

describe('trendRows', () => {
  const month = (m: string, cases: number) => ({
    month: m,
    cases,
    overdue: 1,
    onTimeRate: 0.99,
    per1000: 0.5,
  });
  it('puts last year’s month beside this year’s and skips months with neither', () => {
    const rows = trendRows(
      2026,
      [month('2026-01', 100), month('2026-02', 90)],
      [month('2025-01', 80), month('2025-03', 70)],
    );
    expect(rows.map((row) => [row.month, row.cases, row.casesLastYear])).toEqual([
      ['2026-01', 100, 80],
      ['2026-02', 90, null],
      ['2026-03', null, 70],
    ]);
  });

  it('keeps the running month’s rates off the whole months’ lines, as points of their own', () => {
    const rows = trendRows(
      2026,
      [month('2026-11', 100), { ...month('2026-12', 9), per1000: 0, runningThrough: '2026-12-03' }],
      [month('2025-11', 80), month('2025-12', 10)],
    );
    expect(
      rows.map((row) => [
        row.month,
        row.complaintsPer1000,
        row.complaintsPer1000SoFar,
        row.onTimeRate,
        row.onTimeRateSoFar,
        row.runningThrough,
      ]),
    ).toEqual([
      ['2026-11', 0.5, null, 0.99, null, undefined],
      ['2026-12', null, 0, null, 0.99, '2026-12-03'],
    ]);
  });
});

describe('distributions', () => {
  it('counts people per grade and per score band', () => {
    const { grades, bands } = distributions([
      { grade: 'excellent', total: 101 },
      { grade: 'competent', total: 95 },
      { grade: 'competent', total: 88 },
      { grade: 'incompetent', total: 59 },
    ]);
    expect(grades).toEqual([
      { grade: 'excellent', staff: 1 },
      { grade: 'competent', staff: 2 },
      { grade: 'basic', staff: 0 },
      { grade: 'incompetent', staff: 1 },
    ]);
    expect(bands.map((band) => band.staff)).toEqual([1, 0, 0, 1, 1, 1]);
  });
});

describe('monthsUpTo', () => {
  it('lists the months that have begun', () => {
    const today = new Date(2026, 10, 26);
    expect(monthsUpTo(2026, today)).toHaveLength(11);
    expect(monthsUpTo(2025, today)).toHaveLength(12);
    expect(monthsUpTo(2027, today)).toEqual([]);
  });
});

describe('tierRow', () => {
  it('reads the tiers keyed by their points', () => {
    expect(tierRow('税务局', { '0': 10, '-2': 2, '-4': 1 })).toEqual({
      name: '税务局',
      tier0: 10,
      tier2: 2,
      tier4: 1,
    });
    expect(tierRow('空', undefined)).toEqual({ name: '空', tier0: 0, tier2: 0, tier4: 0 });
  });
});

describe('awardGrid', () => {
  it('places each active award in its window and month and ignores revoked ones', () => {
    const windows = [
      { id: 1, name: '税务1号窗口', unitName: '税务局' },
      { id: 2, name: '公安2号窗口', unitName: '公安局' },
    ];
    const grid = awardGrid(
      [
        {
          windowId: 2,
          kind: 'redFlagMonthly',
          month: 3,
          status: 'active',
          reason: '零投诉',
          date: '2026-03-31',
        },
        {
          windowId: 2,
          kind: 'redFlagAnnual',
          month: null,
          status: 'active',
          reason: null,
          date: '2025-12-31',
        },
        { windowId: 1, kind: 'yellowCard', month: 5, status: 'active', reason: '迟到', date: '2026-05-31' },
        {
          windowId: 1,
          kind: 'redFlagMonthly',
          month: 6,
          status: 'revoked',
          reason: null,
          date: '2026-06-30',
        },
      ],
      windows,
    );
    expect(grid.map((row) => row.windowName)).toEqual(['公安2号窗口', '税务1号窗口']);
    expect(grid[0]?.annual).toBe(true);
    expect(grid[0]?.months[2]).toEqual({ redFlag: true, yellowCard: false, reasons: ['零投诉'] });
    expect(grid[1]?.months[4]?.yellowCard).toBe(true);
    expect(grid[1]?.months[5]?.redFlag).toBe(false);
  });
});

describe('findingsInput', () => {
  it('keeps one session’s findings and names the window when no person is picked', () => {
    const findings = [
      { key: 1, session: 'morning' as const, clause: 'F8', finding: '玩手机', staffId: 7, qty: 1 },
      { key: 2, session: 'afternoon' as const, clause: 'F6', finding: ' ', windowId: 3, qty: 2 },
    ];
    expect(findingsInput(findings, 'morning')).toEqual([
      { clause: 'F8', finding: '玩手机', staffId: 7, qty: 1 },
    ]);
    expect(findingsInput(findings, 'afternoon')).toEqual([
      { clause: 'F6', finding: 'F6', windowId: 3, qty: 2 },
    ]);
  });
});

describe('lineToSign', () => {
  const open = {
    state: 'unsigned' as const,
    signatures: [],
    pending: ['supervision', 'deputy', 'principal'] as ('supervision' | 'deputy' | 'principal')[],
    isChangedSinceSigned: false,
  };
  it('lets 审管科 sign first and the leaders only after it', () => {
    expect(lineToSign('supervisor', open)).toBe('supervision');
    expect(lineToSign('leader', open)).toBeNull();
    const partial = {
      ...open,
      state: 'partial' as const,
      signatures: [{ role: 'supervision' as const, userName: '审管科', signedAt: '' }],
      pending: ['deputy', 'principal'] as ('deputy' | 'principal')[],
    };
    // a leader signs the line of the position on their account, and nothing without one
    expect(lineToSign('leader', partial, '中心主任', 'principal')).toBe('principal');
    expect(lineToSign('leader', partial, '分管副主任', 'deputy')).toBe('deputy');
    expect(lineToSign('leader', partial, '未设职务', null)).toBeNull();
    expect(lineToSign('supervisor', partial)).toBeNull();
    expect(lineToSign('staff', partial)).toBeNull();
  });
  it('offers nothing to someone who already signed a line', () => {
    const partial = {
      ...open,
      signatures: [{ role: 'principal' as const, userName: '中心主任', signedAt: '' }],
      pending: ['deputy'] as 'deputy'[],
    };
    expect(lineToSign('leader', partial, '中心主任', 'principal')).toBeNull();
  });
});
