import { describe, expect, it } from 'vitest';
import { POLICY_A, POLICY_C } from '../policy/index.ts';
import { complaintLadder, uniformConfiscation } from './complaint-ladder.ts';

const c = (date: string, extra: object = {}) => ({
  staff: 'p1',
  date,
  valid: true,
  cause: 'responsibility',
  ...extra,
});

describe('complaintLadder (policy C 一(一))', () => {
  it('deducts 100 yuan at the first complaint', () => {
    const [r] = complaintLadder(POLICY_C, [c('2026-03-01')], '2026-12-31');
    expect(r).toMatchObject({ count: 1, current: { salaryDeduction: 100, standDownDays: 0 } });
  });
  it('stands the person down a week without the month’s bonus and half the half-year bonus at the second', () => {
    const [r] = complaintLadder(
      POLICY_C,
      [c('2026-03-01'), c('2026-05-01', { cause: 'procrastination' })],
      '2026-12-31',
    );
    expect(r!.current).toMatchObject({
      count: 2,
      standDownDays: 7,
      forfeitsMonthlyBonus: true,
      deductsHalfYearBonus: true,
      contractTerminable: false,
    });
  });
  it('allows the contract to be terminated at the third and after', () => {
    const [r] = complaintLadder(
      POLICY_C,
      [c('2026-03-01'), c('2026-04-01'), c('2026-05-01'), c('2026-06-01')],
      '2026-12-31',
    );
    expect(r!.steps.map((s) => s.contractTerminable)).toStrictEqual([false, false, true, true]);
  });
  it('counts only valid complaints of a counted cause, within the calendar year', () => {
    const rs = complaintLadder(
      POLICY_C,
      [
        c('2025-12-30'),
        c('2026-02-01', { valid: false }),
        c('2026-02-02', { cause: 'attitude' }),
        c('2026-02-03'),
      ],
      '2026-12-31',
    );
    expect(rs[0]!.count).toBe(1);
  });
  it('counts over the whole contract when the policy says so', () => {
    const policy = structuredClone(POLICY_C);
    policy.complaintLadder!.countScope = 'contract';
    expect(complaintLadder(policy, [c('2025-12-30'), c('2026-02-03')], '2026-12-31')[0]!.count).toBe(2);
  });
  it('refuses a policy without a ladder', () => {
    expect(() => complaintLadder(POLICY_A, [], '2026-12-31')).toThrow('has no complaint ladder');
  });
});

describe('uniformConfiscation (policy C 三(二)1)', () => {
  it('fines 10 yuan a time and confiscates at three in the calendar month', () => {
    const v = (date: string) => ({ staff: 'p1', date });
    const two = uniformConfiscation(POLICY_C, {
      year: 2026,
      month: 8,
      violations: [v('2026-08-03'), v('2026-08-20')],
    });
    expect(two).toStrictEqual([{ staff: 'p1', count: 2, fine: 20, confiscate: false }]);
    const three = uniformConfiscation(POLICY_C, {
      year: 2026,
      month: 8,
      violations: [v('2026-08-03'), v('2026-08-20'), v('2026-08-31'), v('2026-09-01')],
    });
    expect(three).toStrictEqual([{ staff: 'p1', count: 3, fine: 30, confiscate: true }]);
  });
  it('requires consecutive patrols when the policy says so', () => {
    const policy = structuredClone(POLICY_C);
    policy.uniform!.requiresConsecutive = true;
    const patrols = ['2026-08-03 am', '2026-08-03 pm', '2026-08-04 am', '2026-08-04 pm'];
    const v = (patrol: string) => ({ staff: 'p1', date: patrol.slice(0, 10), patrol });
    const gap = uniformConfiscation(policy, {
      year: 2026,
      month: 8,
      patrols,
      violations: [v('2026-08-03 am'), v('2026-08-03 pm'), v('2026-08-04 pm')],
    });
    expect(gap[0]!.confiscate).toBe(false);
    const run = uniformConfiscation(policy, {
      year: 2026,
      month: 8,
      patrols,
      violations: [v('2026-08-03 pm'), v('2026-08-04 am'), v('2026-08-04 pm')],
    });
    expect(run[0]!.confiscate).toBe(true);
  });
});
