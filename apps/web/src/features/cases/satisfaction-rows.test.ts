import { describe, expect, it } from 'vitest';
import { byMonth, type TRateRow } from './satisfaction-rows.ts';

const row = (windowId: number, month: string, total: number, satisfied: number): TRateRow => ({
  windowId,
  windowName: `窗口${windowId}`,
  month,
  counts: {
    verySatisfied: satisfied,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: total - satisfied,
    veryDissatisfied: 0,
  },
  total,
  satisfied,
  rate: total === 0 ? null : satisfied / total,
});

describe('byMonth', () => {
  it('sums the windows of a month before dividing, in month order', () => {
    expect(byMonth([row(2, '2026-02', 4, 1), row(1, '2026-01', 10, 9), row(1, '2026-02', 6, 6)])).toEqual([
      { month: '2026-01', total: 10, rate: 0.9 },
      { month: '2026-02', total: 10, rate: 0.7 },
    ]);
  });
});
