import { describe, expect, it } from 'vitest';
import {
  annualAwardPending,
  notEndedRefusal,
  periodRefusal,
  periodState,
  sameElapsedSpan,
} from './period-state.ts';

describe('periodState', () => {
  it('is future, running, ended or published on a day', () => {
    expect(periodState({ year: 2027, quarter: 1 }, '2026-12-02')).toBe('future');
    expect(periodState({ year: 2026, quarter: 4 }, '2026-12-02')).toBe('running');
    expect(periodState({ year: 2026, month: 11 }, '2026-12-02')).toBe('ended');
    expect(periodState({ year: 2026, quarter: 3 }, '2026-12-02', true)).toBe('published');
    expect(periodState({ year: 2026 }, '2026-12-31')).toBe('running');
  });
  it('refuses a period before the center began, or without data, by name', () => {
    expect(periodRefusal({ year: 2019, quarter: 1 }, '2026-12-02', { beganOn: '2024-12-01' })).toBe(
      '2019年第1季度早于本中心开始考核的日期（2024-12-01），没有考核数据',
    );
    expect(periodRefusal({ year: 2025, quarter: 1 }, '2026-12-02', { beganOn: '2024-12-01' })).toBeNull();
    expect(
      periodRefusal({ year: 2025, month: 3 }, '2026-12-02', { beganOn: '2024-12-01', hasData: false }),
    ).toBe('2025年3月没有考核数据');
    expect(notEndedRefusal({ year: 2026, month: 12 }, '2026-12-02', 'sign')).toBe(
      '2026年12月尚未结束（2026-12-31），不能签批',
    );
  });
});

describe('sameElapsedSpan', () => {
  const q4 = { start: '2026-10-01', end: '2026-12-31' };
  it('compares Q4 to 12-02 with Q3 to 09-02 and Q4 of the year before to 12-02', () => {
    expect(sameElapsedSpan(q4, { start: '2026-07-01', end: '2026-09-30' }, '2026-12-02')).toEqual({
      start: '2026-07-01',
      end: '2026-09-02',
      isCut: true,
    });
    expect(sameElapsedSpan(q4, { start: '2025-10-01', end: '2025-12-31' }, '2026-12-02')).toEqual({
      start: '2025-10-01',
      end: '2025-12-02',
      isCut: true,
    });
  });
  it('cuts a running month at the same day of the month before, or its last day', () => {
    const march = { start: '2026-03-01', end: '2026-03-31' };
    expect(sameElapsedSpan(march, { start: '2026-02-01', end: '2026-02-28' }, '2026-03-30').end).toBe(
      '2026-02-28',
    );
  });
  it('compares an ended period whole', () => {
    const q3 = { start: '2026-07-01', end: '2026-09-30' };
    expect(sameElapsedSpan(q3, { start: '2026-04-01', end: '2026-06-30' }, '2026-12-02')).toEqual({
      start: '2026-04-01',
      end: '2026-06-30',
      isCut: false,
    });
  });
});

describe('annualAwardPending (考核细则 一(四)6 年度“红旗窗口”)', () => {
  it('says a running year cannot have its annual flag before it ends', () => {
    expect(annualAwardPending(2026, '2026-12-02', false)).toBe(
      '2026年尚未结束（2026-12-31），年度“红旗窗口”须待年度结束后评选',
    );
  });
  it('says an ended year without an annual flag has not been awarded, and nothing once it has', () => {
    expect(annualAwardPending(2025, '2026-12-02', false)).toBe('2025年度“红旗窗口”尚未评出');
    expect(annualAwardPending(2025, '2026-12-02', true)).toBeNull();
    expect(annualAwardPending(2027, '2026-12-02', false)).toBeNull();
  });
});
