import { describe, expect, it } from 'vitest';
import { POLICY_B } from '../policy/index.ts';
import { awardBarringRecords, monthlyFines, type TFineRecord } from './monthly-fines.ts';

const staff = [
  { id: 'p1', window: 'w1', post: 'front' as const },
  { id: 'p2', window: 'w2', post: 'back' as const },
  { id: 'g1', post: 'security' as const },
];
const fines = (records: TFineRecord[]) => monthlyFines(POLICY_B, { year: 2026, month: 8, staff, records });
const one = (item: string, qty = 1, who = 'p1') => fines([{ staff: who, item, date: '2026-08-05', qty }]);
const line = (item: string, qty = 1, who = 'p1') => one(item, qty, who).staff[0]!;

describe('policy B rule codes', () => {
  it('F1 late, missed meeting or undone task: 10 yuan each, never reported', () => {
    expect(line('F1', 3)).toMatchObject({ total: 30, reportItems: [] });
  });
  it('F2 absence: 30 yuan each; three in a month are reported', () => {
    expect(line('F2', 2)).toMatchObject({ total: 60, reportItems: [] });
    expect(line('F2', 3)).toMatchObject({ total: 90, reportItems: ['F2'] });
  });
  it('F2b no badge at the front desk: 10 yuan, counted with F2 for the report', () => {
    const r = fines([
      { staff: 'p1', item: 'F2', date: '2026-08-03' },
      { staff: 'p1', item: 'F2b', date: '2026-08-04', qty: 2 },
    ]);
    expect(r.staff[0]).toMatchObject({ total: 50, reportItems: ['F2', 'F2b'] });
    expect(r.reportToUnit).toStrictEqual([
      { staff: 'p1', items: ['F2', 'F2b'], counts: { F2: 1, F2b: 2 }, groupCounts: { F2: 3, F2b: 3 } },
    ]);
  });
  it('gives each line the dates of its records, for the summary that goes for sign-off', () => {
    const r = fines([
      { staff: 'p1', item: 'F1', date: '2026-08-19' },
      { staff: 'p1', item: 'F1', date: '2026-08-05', qty: 2 },
      { staff: 'p1', item: 'F1', date: '2026-07-30' },
    ]);
    expect(r.staff[0]!.lines).toStrictEqual([
      { item: 'F1', count: 3, amount: 30, dates: ['2026-08-05', '2026-08-19'] },
    ]);
  });
  it('处罚办法 一、2: three times without a badge are reported as F2b (未挂胸牌), never as F2 (旷工)', () => {
    const r = one('F2b', 3);
    expect(r.staff[0]).toMatchObject({ total: 30, reportItems: ['F2b'] });
    expect(r.reportToUnit).toStrictEqual([
      { staff: 'p1', items: ['F2b'], counts: { F2b: 3 }, groupCounts: { F2b: 3 } },
    ]);
  });
  it('F3 an overdue case: 10 yuan; three or more are reported', () => {
    expect(line('F3', 4)).toMatchObject({ total: 40, reportItems: ['F3'] });
  });
  it('F4 other harm to the image (and an unnamed breach of the eight prohibitions): 30 yuan, not reported', () => {
    expect(line('F4', 3)).toMatchObject({ total: 90, reportItems: [] });
  });
  it('F5 an exposure forfeits the bonus, bars the person and window from the month’s awards, and is reported', () => {
    const r = one('F5');
    expect(r.staff[0]).toMatchObject({
      total: 0,
      forfeitsMonthlyBonus: true,
      forfeitItems: ['F5'],
      reportItems: ['F5'],
    });
    expect(r.barredFromAwards).toStrictEqual({ staff: ['p1'], windows: ['w1'] });
  });
  it('F6 a messy desk: 10 yuan; three or more are reported', () => {
    expect(line('F6', 3)).toMatchObject({ total: 30, reportItems: ['F6'] });
  });
  it('F7 a quarrel forfeits the month’s bonus', () => {
    expect(line('F7')).toMatchObject({ total: 0, forfeitsMonthlyBonus: true, forfeitItems: ['F7'] });
  });
  it('F7b a valid complaint: 30 yuan each', () => {
    expect(line('F7b', 2)).toMatchObject({ total: 60, forfeitsMonthlyBonus: false });
  });
  it('F8 phone, chatting, dozing at the post: 10 yuan; three or more are reported', () => {
    expect(line('F8', 2)).toMatchObject({ total: 20, reportItems: [] });
    expect(line('F8', 3)).toMatchObject({ total: 30, reportItems: ['F8'] });
  });
  it('F9 front desk out of uniform: 10 yuan; three or more are reported', () => {
    expect(line('F9', 5)).toMatchObject({ total: 50, reportItems: ['F9'] });
  });
  it('F10 the guard on duty out of uniform: 5 yuan, not reported', () => {
    expect(line('F10', 4, 'g1')).toMatchObject({ staff: 'g1', total: 20, reportItems: [] });
  });
});

describe('monthlyFines', () => {
  it('counts per calendar month and ignores records of other months', () => {
    const r = fines([
      { staff: 'p1', item: 'F8', date: '2026-07-31' },
      { staff: 'p1', item: 'F8', date: '2026-08-01' },
      { staff: 'p1', item: 'F8', date: '2026-08-31' },
      { staff: 'p1', item: 'F8', date: '2026-09-01' },
    ]);
    expect(r.staff[0]).toMatchObject({ lines: [{ item: 'F8', count: 2, amount: 20 }], reportItems: [] });
  });
  it('sums every person and clause into the month total', () => {
    const r = fines([
      { staff: 'p1', item: 'F1', date: '2026-08-03' },
      { staff: 'p2', item: 'F4', date: '2026-08-03' },
      { staff: 'g1', item: 'F10', date: '2026-08-03' },
    ]);
    expect(r.total).toBe(45);
    expect(r.staff.map((s) => s.staff)).toStrictEqual(['g1', 'p1', 'p2']);
  });
  it('names an unknown clause or person', () => {
    expect(() => fines([{ staff: 'p1', item: 'A1', date: '2026-08-03' }])).toThrow(
      'records[0].item: unknown item "A1"',
    );
    expect(() => fines([{ staff: 'zz', item: 'F1', date: '2026-08-03' }])).toThrow('records[0].staff');
    expect(() => fines([{ staff: 'p1', item: 'F1', date: '2026-08-03', qty: 0 }])).toThrow('records[0].qty');
  });
});

describe('awardBarringRecords', () => {
  const records = [
    { item: 'F5', staff: 's1' },
    { item: 'F8', staff: 's2' },
    { item: 'F5', staff: 's9' },
  ];
  it('finds the exposure of a person of the window (处罚办法 一、5)', () => {
    expect(awardBarringRecords(POLICY_B, records, 'w1', new Set(['s1', 's2']))).toEqual([
      { item: 'F5', staff: 's1' },
    ]);
  });
  it('finds nothing for a window without one', () => {
    expect(awardBarringRecords(POLICY_B, records, 'w2', new Set(['s2', 's3']))).toHaveLength(0);
  });
});
