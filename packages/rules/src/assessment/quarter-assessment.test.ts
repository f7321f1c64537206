import { describe, expect, it } from 'vitest';
import { IN_Q3 as D, quarter, WORKED_EXAMPLE, WORKED_EXAMPLE_RESULT } from '../../test/fixtures.ts';
import { POLICY_A } from '../policy/index.ts';
import { parseScenarioDocument, type TScenario } from '../scenario/scenario.schema.ts';
import { assessQuarter, type TQuarterResult } from './quarter-assessment.ts';

const assess = (s: TScenario) => assessQuarter(POLICY_A, s);
const person = (s: TScenario, id = 's1'): TQuarterResult => assess(s).results.find((r) => r.staff === id)!;

describe('assessQuarter', () => {
  it('reproduces the worked example exactly', () => {
    const { policy, scenario } = parseScenarioDocument(structuredClone(WORKED_EXAMPLE));
    expect(assessQuarter(policy, scenario)).toStrictEqual(WORKED_EXAMPLE_RESULT);
  });

  it('gives a person without records the full 100 and the categories their bases', () => {
    const r = person(quarter([]));
    expect(r.categories).toStrictEqual({ civility: 30, skills: 40, discipline: 30 });
    expect(r.total).toBe(100);
    expect(r.bonus).toBe(0);
  });

  it('ignores records and complaints dated outside the quarter', () => {
    const r = person(
      quarter(
        [
          { staff: 's1', item: 'A1', date: '2026-06-30' },
          { staff: 's1', item: 'A1', date: '2026-10-01' },
        ],
        { complaints: [{ staff: 's1', date: '2026-10-01', valid: true }] },
      ),
    );
    expect(r.total).toBe(100);
    expect(r.vetoed).toBe(false);
  });
});

describe('policy A rule codes', () => {
  const deduction = (item: string, qty: number, cat: string, expected: number, extra: object = {}) => {
    const r = person(quarter([{ staff: 's1', item, date: D, qty, ...extra }]));
    expect(r.categories[cat]).toBe(expected);
    return r;
  };

  it('A1 breaking center rules costs 5 civility points a time', () =>
    void deduction('A1', 2, 'civility', 20));
  it('A2 missing study or meetings costs 2 a time', () => void deduction('A2', 3, 'civility', 24));
  it('A3 an attitude complaint costs 5 a time and vetoes excellence', () => {
    const r = deduction('A3', 1, 'civility', 25);
    expect(r.vetoed).toBe(true);
    expect(r.grade).toBe('competent');
  });
  it('A4 a quarrel costs 5, and 3 more each time when aggravated', () => {
    deduction('A4', 2, 'civility', 20);
    deduction('A4', 2, 'civility', 14, { aggravated: true });
  });
  it('A5 petty corruption costs 10 and circulates a criticism', () => {
    expect(deduction('A5', 1, 'civility', 20).flags).toContain('circulatedCriticism');
  });
  it('A6 a case not entered promptly costs 2 per case', () => void deduction('A6', 4, 'civility', 22));
  it('A7 a disordered desk costs 1 per finding', () => void deduction('A7', 5, 'civility', 25));
  it('A8 making an applicant run between departments costs 3 per case', () =>
    void deduction('A8', 2, 'civility', 24));
  it('B1 an inquiry not answered costs 2 skills points a time', () => void deduction('B1', 2, 'skills', 36));
  it('B2 a deviation in applying policy costs 3', () => void deduction('B2', 1, 'skills', 37));
  it('B3 a reply case determined improperly costs 3 per case', () => void deduction('B3', 2, 'skills', 34));
  it('B4 an error handling a service item costs 3 per case', () => void deduction('B4', 3, 'skills', 31));
  it('B5 an overdue case costs 3 per overdue working day', () => void deduction('B5', 4, 'skills', 28));
  it('B6 damaging the network costs 3', () => void deduction('B6', 1, 'skills', 37));
  it('B7 late materials cost 2 per day late', () => void deduction('B7', 3, 'skills', 34));
  it('B8 a yellow card costs every person of the window 2', () => {
    const res = assess(quarter([{ window: 'w1', item: 'B8', date: D }], { people: 3 }));
    expect(res.results.map((r) => r.categories.skills)).toStrictEqual([38, 38, 38]);
  });
  it('C1 absence costs 5 discipline points a day and notifies the home unit', () => {
    expect(deduction('C1', 2, 'discipline', 20).flags).toContain('notifyUnit');
  });
  it('C2 leaving the post costs 5 and notifies the home unit', () => {
    expect(deduction('C2', 1, 'discipline', 25).flags).toContain('notifyUnit');
  });
  it('C3 games at the post cost 2 and notify the home unit', () => {
    expect(deduction('C3', 1, 'discipline', 28).flags).toContain('notifyUnit');
  });
  it('C4 late or early costs 1 a time', () => void deduction('C4', 4, 'discipline', 26));
  it('C5 signing in for another costs both persons 2, one record each', () => {
    const res = assess(
      quarter([
        { staff: 's1', item: 'C5', date: D },
        { staff: 's2', item: 'C5', date: D },
      ]),
    );
    expect(res.results.map((r) => r.categories.discipline)).toStrictEqual([28, 28]);
  });
  it('C6 no badge or improper dress costs 1 a time', () => void deduction('C6', 3, 'discipline', 27));
  it('C7 is computed from peer ratings and cannot be recorded', () => {
    expect(() => assess(quarter([{ staff: 's1', item: 'C7', date: D }]))).toThrow(
      'records[0].item: item "C7" is computed, not recorded',
    );
  });
  it('C7 a good share of 60 % or more costs nothing, above 30 % costs 2, 30 % or less costs 4', () => {
    const share = (good: number, total: number) => {
      const people = total + 1;
      const ratings = Array.from({ length: total }, (_, k) => ({
        rater: `s${k + 2}`,
        ratee: 's1',
        tier: k < good ? ('good' as const) : ('medium' as const),
      }));
      return person(quarter([], { people, peerRatings: ratings }));
    };
    expect(share(3, 5).categories.discipline).toBe(30); // exactly 60 %
    expect(share(6, 10).categories.discipline).toBe(30);
    expect(share(59, 100).categories.discipline).toBe(28);
    expect(share(31, 100).categories.discipline).toBe(28);
    expect(share(3, 10).categories.discipline).toBe(26); // exactly 30 %
    expect(share(0, 4).categories.discipline).toBe(26);
    expect(share(2, 3).peerGoodShare).toBeCloseTo(2 / 3, 12);
  });
  it('C7 without any rating gives no deduction and the flag noPeerData', () => {
    const r = person(quarter([]));
    expect(r.peerGoodShare).toBeNull();
    expect(r.flags).toStrictEqual(['noPeerData']);
    expect(r.categories.discipline).toBe(30);
  });
  it('D1 written thanks add 2 a time', () =>
    void expect(person(quarter([{ staff: 's1', item: 'D1', date: D, qty: 2 }])).bonus).toBe(4));
  it('D2 media praise adds 5, 10 or 20 by level', () => {
    for (const [level, points] of [
      ['city', 5],
      ['province', 10],
      ['national', 20],
    ] as const) {
      expect(person(quarter([{ staff: 's1', item: 'D2', date: D, level }])).bonus).toBe(points);
    }
  });
  it('D3 an adopted suggestion adds 5', () =>
    void expect(person(quarter([{ staff: 's1', item: 'D3', date: D }])).bonus).toBe(5));
  it('D4 an adopted article adds 2, 5, 10 or 20 by level, per article', () => {
    const levels = [
      ['center', 2],
      ['city', 5],
      ['province', 10],
      ['national', 20],
    ] as const;
    for (const [level, points] of levels) {
      expect(person(quarter([{ staff: 's1', item: 'D4', date: D, level, qty: 2 }])).bonus).toBe(2 * points);
    }
  });
  it('D5 holiday overtime adds 2 a day', () =>
    void expect(person(quarter([{ staff: 's1', item: 'D5', date: D, qty: 3 }])).bonus).toBe(6));
  it('D6 a red-flag award adds 2 (monthly) or 5 (annual) to every person of the window', () => {
    const res = assess(
      quarter(
        [
          { window: 'w1', item: 'D6', date: D, level: 'monthly' },
          { window: 'w1', item: 'D6', date: '2026-09-30', level: 'annual' },
        ],
        { people: 2 },
      ),
    );
    expect(res.results.map((r) => r.bonus)).toStrictEqual([7, 7]);
  });
});

describe('floors, bonuses and totals', () => {
  it('floors each category at zero on its own (扣完为止)', () => {
    const r = person(
      quarter([
        { staff: 's1', item: 'A5', date: D, qty: 5 },
        { staff: 's1', item: 'D1', date: D },
      ]),
    );
    expect(r.categories).toStrictEqual({ civility: 0, skills: 40, discipline: 30 });
    expect(r.total).toBe(72);
  });
  it('adds bonuses after the floors without a cap, so a total can pass 100', () => {
    const r = person(quarter([{ staff: 's1', item: 'D2', date: D, level: 'national', qty: 2 }]));
    expect(r.total).toBe(140);
  });
  it('keeps the C7 deduction inside the discipline floor', () => {
    const r = person(
      quarter([{ staff: 's1', item: 'C1', date: D, qty: 6 }], {
        peerRatings: [{ rater: 's2', ratee: 's1', tier: 'poor' }],
      }),
    );
    expect(r.categories.discipline).toBe(0);
  });
});

describe('grades', () => {
  const totals = (...bonuses: number[]) =>
    quarter(
      bonuses.map((b, i) => ({
        staff: `s${i + 1}`,
        item: b >= 0 ? 'D1' : 'A1',
        date: D,
        qty: Math.abs(b) || 1,
      })),
      { people: bonuses.length },
    );

  it('grades 优秀 only within the top 2 and at 90 or more', () => {
    // bonuses D1 ×qty: s1 104, s2 102, s3 106 → s3 and s1 excellent, s2 competent
    const res = assess(totals(2, 1, 3));
    expect(res.results.map((r) => [r.staff, r.rank, r.grade])).toStrictEqual([
      ['s3', 1, 'excellent'],
      ['s1', 2, 'excellent'],
      ['s2', 3, 'competent'],
    ]);
  });
  it('grades competent from 70, basic from 60 to 69, incompetent below 60 with a criticism', () => {
    const s: TScenario = quarter(
      [
        { staff: 's1', item: 'A5', date: D, qty: 3 }, // 70
        { staff: 's2', item: 'A5', date: D, qty: 3 },
        { staff: 's2', item: 'C4', date: D, qty: 1 }, // 69
        { staff: 's3', item: 'A5', date: D, qty: 3 },
        { staff: 's3', item: 'B4', date: D, qty: 4 }, // 58
        { staff: 's4', item: 'A5', date: D, qty: 3 },
        { staff: 's4', item: 'C4', date: D, qty: 10 }, // 60
      ],
      { people: 4 },
    );
    const byId = Object.fromEntries(assess(s).results.map((r) => [r.staff, r]));
    expect([byId.s1!.total, byId.s1!.grade]).toStrictEqual([70, 'competent']);
    expect([byId.s2!.total, byId.s2!.grade]).toStrictEqual([69, 'basic']);
    expect([byId.s4!.total, byId.s4!.grade]).toStrictEqual([60, 'basic']);
    expect([byId.s3!.total, byId.s3!.grade]).toStrictEqual([58, 'incompetent']);
    expect(byId.s3!.flags).toContain('criticism');
  });
  it('grades 称职 a person at 90 or more without an excellent place', () => {
    const res = assess(totals(3, 2, 1));
    expect(res.results[2]).toMatchObject({ total: 102, rank: 3, grade: 'competent' });
  });
  it('does not pass a vetoed place down to the third under policy A', () => {
    const s = totals(3, 2, 1);
    s.complaints = [{ staff: 's1', date: D, valid: true }];
    const res = assess(s);
    expect(res.results.map((r) => r.grade)).toStrictEqual(['competent', 'excellent', 'competent']);
  });
  it('passes a vetoed place down when the policy says so', () => {
    const policy = structuredClone(POLICY_A);
    policy.assessment!.excellence.passesDown = true;
    const s = totals(3, 2, 1);
    s.complaints = [{ staff: 's1', date: D, valid: true }];
    expect(assessQuarter(policy, s).results.map((r) => r.grade)).toStrictEqual([
      'competent',
      'excellent',
      'excellent',
    ]);
  });
  it('an unverified complaint vetoes nothing', () => {
    const s = totals(1);
    s.complaints = [{ staff: 's1', date: D, valid: false }];
    expect(assess(s).results[0]!.vetoed).toBe(false);
  });
  it('flags tie when more than the quota share the places at the lowest total', () => {
    const res = assess(totals(3, 2, 2));
    expect(res.results.map((r) => [r.staff, r.rank, r.grade, r.flags.includes('tie')])).toStrictEqual([
      ['s1', 1, 'excellent', false],
      ['s2', 2, 'excellent', true],
      ['s3', 2, 'excellent', true],
    ]);
  });
  it('takes the quota per unit when its scope is the unit', () => {
    const policy = structuredClone(POLICY_A);
    policy.assessment!.excellence.scope = 'unit';
    const s = totals(5, 4, 3, 2);
    s.staff = s.staff.map((p, i) => ({ ...p, unit: i < 2 ? 'u1' : 'u2' }));
    policy.assessment!.excellence.quota = 1;
    expect(assessQuarter(policy, s).results.map((r) => [r.staff, r.grade])).toStrictEqual([
      ['s1', 'excellent'],
      ['s2', 'competent'],
      ['s3', 'excellent'],
      ['s4', 'competent'],
    ]);
  });
  it('returns a person to the unit after two consecutive 不称职, Q4 then Q1 included', () => {
    const s: TScenario = {
      ...quarter([
        { staff: 's1', item: 'A1', date: '2027-02-01', qty: 6 },
        { staff: 's1', item: 'B4', date: '2027-02-01', qty: 5 },
      ]),
      period: { year: 2027, quarter: 1 },
      history: [{ staff: 's1', year: 2026, quarter: 4, grade: 'incompetent' }],
    };
    const r = person(s);
    expect(r.grade).toBe('incompetent');
    expect(r.flags).toStrictEqual(['criticism', 'returnToUnit', 'noPeerData']);
    s.history = [{ staff: 's1', year: 2026, quarter: 3, grade: 'incompetent' }];
    expect(person(s).flags).toStrictEqual(['criticism', 'noPeerData']);
  });
  it('sorts by rank, then staff id', () => {
    const res = assess(totals(1, 1, 1));
    expect(res.results.map((r) => r.staff)).toStrictEqual(['s1', 's2', 's3']);
  });
});

describe('assessQuarter refusals', () => {
  const refuses = (s: TScenario, message: string) => expect(() => assess(s)).toThrow(message);
  it('names an unknown item', () =>
    refuses(quarter([{ staff: 's1', item: 'Z9', date: D }]), 'records[0].item: unknown item "Z9"'));
  it('names an unknown staff', () =>
    refuses(quarter([{ staff: 'x', item: 'A1', date: D }]), 'records[0].staff: unknown staff "x"'));
  it('names an unknown window', () =>
    refuses(quarter([{ window: 'w9', item: 'B8', date: D }]), 'records[0].window: unknown window "w9"'));
  it('names a level the item does not have', () =>
    refuses(
      quarter([{ staff: 's1', item: 'D6', date: D, level: 'weekly' }]),
      'records[0].level: item "D6" has no level "weekly"',
    ));
  it('requires a level where the item has levels', () =>
    refuses(quarter([{ staff: 's1', item: 'D2', date: D }]), 'records[0].level: required for item "D2"'));
  it('refuses a level on an item without levels', () =>
    refuses(
      quarter([{ staff: 's1', item: 'A1', date: D, level: 'city' }]),
      'records[0].level: item "A1" has no levels',
    ));
  it('refuses aggravation on an item without it', () =>
    refuses(quarter([{ staff: 's1', item: 'A1', date: D, aggravated: true }]), 'records[0].aggravated'));
  it('refuses a self-rating and a duplicate rating', () => {
    refuses(
      quarter([], { peerRatings: [{ rater: 's1', ratee: 's1', tier: 'good' }] }),
      'peerRatings[0].ratee',
    );
    refuses(
      quarter([], {
        peerRatings: [
          { rater: 's1', ratee: 's2', tier: 'good' },
          { rater: 's1', ratee: 's2', tier: 'poor' },
        ],
      }),
      'peerRatings[1]: "s1" already rated "s2"',
    );
  });
  it('refuses a complaint about an unknown person', () =>
    refuses(
      quarter([], { complaints: [{ staff: 'zz', date: D, valid: true }] }),
      'complaints[0].staff: unknown staff "zz"',
    ));
  it('refuses duplicate staff ids', () =>
    refuses({ ...quarter([]), staff: [{ id: 'a' }, { id: 'a' }] }, 'staff[1].id: duplicate staff "a"'));
  it('refuses a policy without a quarterly assessment', async () => {
    const { POLICY_B } = await import('../policy/index.ts');
    expect(() => assessQuarter(POLICY_B, quarter([]))).toThrow('policy "B" has no quarterly assessment');
  });
});
