import { describe, expect, it } from 'vitest';
import { rank, unitRows, windowRows } from './efficiency-rows.ts';

const base = { immediate: 10, avgPromisedDays: 5, immediateSameDayRate: 1 };
const windows = [
  {
    ...base,
    windowId: 1,
    windowName: '不动产1号',
    unitId: 7,
    unitName: '不动产登记中心',
    cases: 100,
    completed: 100,
    onTimeRate: 0.99,
    overdue: 1,
    overdueDays: 3,
    avgHandlingDays: 2,
  },
  {
    ...base,
    windowId: 2,
    windowName: '不动产2号',
    unitId: 7,
    unitName: '不动产登记中心',
    cases: 300,
    completed: 300,
    onTimeRate: 0.95,
    overdue: 15,
    overdueDays: 20,
    avgHandlingDays: 4,
  },
  {
    ...base,
    windowId: 3,
    windowName: '税务1号',
    unitId: 8,
    unitName: '税务局',
    cases: 50,
    completed: 0,
    onTimeRate: null,
    overdue: 0,
    overdueDays: 0,
    avgHandlingDays: null,
  },
];

describe('unitRows', () => {
  it('adds counts and weights rates by completed cases', () => {
    const [estate, tax] = unitRows(windows);
    expect(estate).toMatchObject({ id: 7, cases: 400, overdue: 16, overdueDays: 23 });
    expect(estate?.onTimeRate).toBeCloseTo((99 + 285) / 400, 10);
    expect(estate?.avgHandlingDays).toBeCloseTo((200 + 1200) / 400, 10);
    expect(tax?.onTimeRate).toBeNull();
  });
});

describe('rank', () => {
  it('puts the highest on-time rate first and windows without a rate last', () => {
    expect(rank(windowRows(windows), 'onTimeRate').map((row) => row.id)).toEqual([1, 2, 3]);
  });
  it('puts the fewest overdue days first', () => {
    expect(rank(windowRows(windows), 'overdueDays').map((row) => row.id)).toEqual([3, 1, 2]);
  });
});
