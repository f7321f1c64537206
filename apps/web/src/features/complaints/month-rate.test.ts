import { describe, expect, it } from 'vitest';
import { monthRatePoints, runningMonth } from './month-rate.ts';

describe('the complaint rate by month with a running month', () => {
  it('keeps the running month off the whole months’ line and gives its rate so far apart', () => {
    const rows = [
      { month: '2026-10', cases: 5000, complaints: 4, per1000: 0.8 },
      { month: '2026-11', cases: 4800, complaints: 3, per1000: 0.625 },
      { month: '2026-12', cases: 300, complaints: 0, per1000: 0, runningThrough: '2026-12-02' },
    ];
    const points = monthRatePoints(rows);
    expect(points.map((p) => [p.month, p.whole, p.soFar])).toEqual([
      ['2026-10', 0.8, null],
      ['2026-11', 0.625, null],
      ['2026-12', null, 0],
    ]);
    expect(runningMonth(rows)?.runningThrough).toBe('2026-12-02');
    expect(runningMonth(rows.slice(0, 2))).toBeUndefined();
  });
});
