import { describe, expect, it } from 'vitest';
import { quarter } from '../../test/fixtures.ts';
import { POLICY_A } from '../policy/index.ts';
import type { TScenarioRecord } from '../scenario/scenario.schema.ts';
import { assessQuarter, type TQuarterAssessment } from './quarter-assessment.ts';
import { assessYear, cadreCandidates } from './year-assessment.ts';

/** civility and skills at zero: a total of 30 */
const INCOMPETENT = -1000;

/** A 2026 quarter where each person gets the D1 bonus `qty` times (negative: A1 deductions). */
function q(n: 1 | 2 | 3 | 4, bonuses: Record<string, number>, people = 3): TQuarterAssessment {
  const date = `2026-${String(n * 3 - 1).padStart(2, '0')}-10`;
  const records: TScenarioRecord[] = Object.entries(bonuses).flatMap(([staff, b]): TScenarioRecord[] =>
    b === INCOMPETENT
      ? [
          { staff, item: 'A1', date, qty: 6 },
          { staff, item: 'B4', date, qty: 14 },
        ]
      : [{ staff, item: b >= 0 ? 'D1' : 'A1', date, qty: Math.abs(b) || 1 }],
  );
  return assessQuarter(POLICY_A, { ...quarter(records, { people }), period: { year: 2026, quarter: n } });
}

describe('assessYear', () => {
  it('grades the mean of the assessed quarters with the quarter bands and quota', () => {
    const year = assessYear(POLICY_A, {
      year: 2026,
      quarters: [q(1, { s1: 3, s2: 1, s3: -6 }), q(2, { s1: 2, s2: 1, s3: -6 })],
    });
    expect(year.results.map((r) => [r.staff, r.mean, r.rank, r.grade])).toStrictEqual([
      ['s1', 105, 1, 'excellent'],
      ['s2', 102, 2, 'excellent'],
      ['s3', 70, 3, 'competent'],
    ]);
  });

  it('keeps two decimals of the mean', () => {
    const year = assessYear(POLICY_A, {
      year: 2026,
      quarters: [q(1, { s1: -1 }), q(2, { s1: 0 }), q(3, { s1: 0 })],
    });
    // (95 + 102 + 102) / 3 = 99.666… → 99.67
    expect(year.results.find((r) => r.staff === 's1')!.mean).toBe(99.67);
  });

  it('does not grade a person assessed in fewer than two quarters', () => {
    const year = assessYear(POLICY_A, { year: 2026, quarters: [q(1, { s1: 3 }, 2), q(2, { s2: 3 }, 3)] });
    const s3 = year.results.find((r) => r.staff === 's3')!;
    expect(s3).toMatchObject({ mean: null, rank: null, grade: null });
  });

  it('bars 优秀 for the year after any valid complaint in the year', () => {
    const year = assessYear(POLICY_A, {
      year: 2026,
      quarters: [q(1, { s1: 5 }), q(2, { s1: 5 })],
      complaints: [{ staff: 's1', date: '2026-11-02', valid: true }],
    });
    expect(year.results[0]).toMatchObject({ staff: 's1', rank: 1, vetoed: true, grade: 'competent' });
  });

  it('refuses a quarter of another year', () => {
    expect(() => assessYear(POLICY_A, { year: 2025, quarters: [q(1, { s1: 1 })] })).toThrow(
      'quarters[0].period.year',
    );
  });
});

describe('cadreCandidates', () => {
  it('proposes the annual 优秀 and those 优秀 in two quarters, without complaints or 不称职', () => {
    const quarters = [
      q(1, { s1: 5, s2: 4, s3: 1 }),
      q(2, { s1: 5, s2: 4, s3: 1 }),
      q(3, { s1: 1, s2: INCOMPETENT, s3: 5 }),
      q(4, { s1: 1, s2: 1, s3: 5 }),
    ];
    const year = assessYear(POLICY_A, { year: 2026, quarters });
    const candidates = cadreCandidates(year);
    expect(candidates.map((c) => [c.staff, c.reasons, c.excellentQuarters])).toStrictEqual([
      ['s1', ['annualExcellent', 'excellentQuarters'], [1, 2, 3, 4]],
      ['s3', ['annualExcellent', 'excellentQuarters'], [3, 4]],
    ]);
    // s2 was excellent in Q1 and Q2 but 不称职 in Q3
    expect(year.results.find((r) => r.staff === 's2')!.quarterGrades[3]).toBe('incompetent');
  });
});

describe('assessYear with the excellence quota per unit (考核细则 二(一) 前2名, by unit)', () => {
  const PER_UNIT = {
    ...POLICY_A,
    assessment: {
      ...POLICY_A.assessment!,
      excellence: { ...POLICY_A.assessment!.excellence, quota: 1, scope: 'unit' as const },
    },
  };

  it('grades the best of each unit 优秀, not the best of the center', () => {
    const year = assessYear(PER_UNIT, {
      year: 2026,
      quarters: [q(1, { s1: 5, s2: 3, s3: 1 }), q(2, { s1: 5, s2: 3, s3: 1 })],
      units: { s1: 'u1', s2: 'u1', s3: 'u2' },
    });
    expect(year.results.map((r) => [r.staff, r.grade])).toStrictEqual([
      ['s1', 'excellent'],
      ['s2', 'competent'],
      ['s3', 'excellent'],
    ]);
  });

  it('refuses a year-end without the units when the quota is per unit', () => {
    expect(() => assessYear(PER_UNIT, { year: 2026, quarters: [q(1, { s1: 5 }), q(2, { s1: 5 })] })).toThrow(
      /units|unit/,
    );
  });
});
