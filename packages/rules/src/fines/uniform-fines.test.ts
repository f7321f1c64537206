import { describe, expect, it } from 'vitest';
import { POLICY_B, POLICY_C } from '../policy/index.ts';
import { monthlyFinesWithUniform, uniformReading } from './uniform-fines.ts';

const staff = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }];
const u1 = (s: string, date: string, extra: object = {}) => ({ staff: s, item: 'U1', date, ...extra });

describe('monthlyFinesWithUniform (规范化服务通知 三(二)1)', () => {
  it('规范化服务通知 三(二)1 一次罚款10元: counts each time out of uniform in that month’s summary, beside the 处罚办法 lines', () => {
    const r = monthlyFinesWithUniform(POLICY_B, POLICY_C, {
      year: 2026,
      month: 10,
      staff,
      records: [
        u1('p1', '2026-10-09'),
        u1('p1', '2026-10-12', { qty: 1 }),
        { staff: 'p1', item: 'F1', date: '2026-10-09' },
        u1('p2', '2026-09-30'),
      ],
    });
    expect(r.staff).toEqual([
      expect.objectContaining({
        staff: 'p1',
        total: 30,
        lines: [
          { item: 'F1', count: 1, amount: 10, dates: ['2026-10-09'] },
          { item: 'U1', count: 2, amount: 20, dates: ['2026-10-09', '2026-10-12'] },
        ],
      }),
    ]);
    expect(r.total).toBe(30);
    expect(r.uniform?.confiscations).toEqual([]);
  });

  it('规范化服务通知 三(二)1 一个月连续违反3次及以上者没收工作服: three in the calendar month confiscate (the center reading), two do not', () => {
    const r = monthlyFinesWithUniform(POLICY_B, POLICY_C, {
      year: 2026,
      month: 10,
      staff,
      records: [
        u1('p1', '2026-10-02'),
        u1('p1', '2026-10-15'),
        u1('p1', '2026-10-30'),
        u1('p2', '2026-10-02'),
        u1('p2', '2026-10-03'),
        u1('p3', '2026-09-29'),
        u1('p3', '2026-10-01', { qty: 2 }),
      ],
    });
    expect(r.uniform).toMatchObject({ item: 'U1', confiscateAt: 3, requiresConsecutive: false });
    expect(r.uniform?.confiscations).toEqual([
      { staff: 'p1', count: 3, fine: 30, dates: ['2026-10-02', '2026-10-15', '2026-10-30'] },
    ]);
    expect(r.staff.find((s) => s.staff === 'p3')?.total).toBe(20);
  });

  it('规范化服务通知 三(二)1 连续: with the setting, only consecutive patrols confiscate', () => {
    const policy = structuredClone(POLICY_C);
    policy.uniform!.requiresConsecutive = true;
    const patrols = [
      '2026-10-01 morning',
      '2026-10-01 afternoon',
      '2026-10-02 morning',
      '2026-10-02 afternoon',
    ];
    const r = monthlyFinesWithUniform(POLICY_B, policy, {
      year: 2026,
      month: 10,
      staff,
      patrols,
      records: [
        u1('p1', '2026-10-01', { patrol: '2026-10-01 morning' }),
        u1('p1', '2026-10-01', { patrol: '2026-10-01 afternoon' }),
        u1('p1', '2026-10-02', { patrol: '2026-10-02 morning' }),
        u1('p2', '2026-10-01', { patrol: '2026-10-01 morning' }),
        u1('p2', '2026-10-01', { patrol: '2026-10-01 afternoon' }),
        u1('p2', '2026-10-02', { patrol: '2026-10-02 afternoon' }),
      ],
    });
    expect(r.uniform?.confiscations.map((c) => c.staff)).toEqual(['p1']);
    expect(r.staff.map((s) => s.total)).toEqual([30, 30]);
  });

  it('prints the reading of 连续 as the center’s, never as the seed’s words', () => {
    expect(uniformReading({ confiscateAt: 3, requiresConsecutive: false }).zh).toContain(
      '同一自然月内累计3次',
    );
    expect(uniformReading({ confiscateAt: 3, requiresConsecutive: true }).zh).toContain('连续3次及以上巡查');
  });

  it('is the plain monthly fines without a uniform rule', () => {
    const r = monthlyFinesWithUniform(POLICY_B, null, {
      year: 2026,
      month: 10,
      staff,
      records: [{ staff: 'p1', item: 'F1', date: '2026-10-09' }],
    });
    expect(r.uniform).toBeNull();
    expect(r.total).toBe(10);
  });
});
