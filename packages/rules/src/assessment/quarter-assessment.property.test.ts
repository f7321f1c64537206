import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_A } from '../policy/index.ts';
import type { TScenario, TScenarioRecord } from '../scenario/scenario.schema.ts';
import { assessQuarter } from './quarter-assessment.ts';

const DEDUCTIONS = [
  'A1',
  'A2',
  'A4',
  'A5',
  'A6',
  'A7',
  'A8',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'B6',
  'B7',
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
];
const BONUSES: [string, string | undefined][] = [
  ['D1', undefined],
  ['D2', 'city'],
  ['D2', 'national'],
  ['D3', undefined],
  ['D4', 'center'],
  ['D5', undefined],
];

const people = 6;
const staffId = fc.integer({ min: 1, max: people }).map((i) => `s${i}`);
const dayInQ3 = fc
  .integer({ min: 0, max: 91 })
  .map((d) => new Date(Date.UTC(2026, 6, 1 + d)).toISOString().slice(0, 10));
const deduction = fc.record({
  staff: staffId,
  item: fc.constantFrom(...DEDUCTIONS),
  date: dayInQ3,
  qty: fc.integer({ min: 1, max: 4 }),
});
const bonus = fc
  .record({
    staff: staffId,
    pick: fc.constantFrom(...BONUSES),
    date: dayInQ3,
    qty: fc.integer({ min: 1, max: 3 }),
  })
  .map(
    ({ pick: [item, level], ...r }) => (level ? { ...r, item, level } : { ...r, item }) as TScenarioRecord,
  );
const windowRecord = fc.record({
  window: fc.constantFrom('w1', 'w2'),
  item: fc.constantFrom('B8'),
  date: dayInQ3,
});
const record = fc.oneof(deduction, bonus, windowRecord) as fc.Arbitrary<TScenarioRecord>;
const ratings = fc
  .uniqueArray(fc.tuple(staffId, staffId), { selector: ([a, b]) => `${a}>${b}`, maxLength: 20 })
  .chain((pairs) => {
    const valid = pairs.filter(([a, b]) => a !== b);
    return fc
      .tuple(...valid.map(() => fc.constantFrom('good', 'medium', 'poor')))
      .map((tiers) => valid.map(([rater, ratee], i) => ({ rater, ratee, tier: tiers[i] as 'good' })));
  });
const complaints = fc.array(fc.record({ staff: staffId, date: dayInQ3, valid: fc.boolean() }), {
  maxLength: 3,
});

const scenario = fc
  .record({ records: fc.array(record, { maxLength: 40 }), peerRatings: ratings, complaints })
  .map(
    (r): TScenario => ({
      period: { year: 2026, quarter: 3 },
      windows: [{ id: 'w1' }, { id: 'w2' }],
      staff: Array.from({ length: people }, (_, i) => ({ id: `s${i + 1}`, window: i % 2 ? 'w2' : 'w1' })),
      ...r,
    }),
  );

const assess = (s: TScenario) => assessQuarter(POLICY_A, s);
const bases = Object.fromEntries(POLICY_A.assessment!.categories.map((c) => [c.key, c.base]));

describe('assessQuarter invariants (fast-check)', () => {
  it('keeps every category between zero and its base', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const r of assess(s).results) {
          for (const [key, score] of Object.entries(r.categories)) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(bases[key]!);
          }
        }
      }),
    );
  });

  it('never raises a total when a deduction is added, never lowers one when a bonus is added', () => {
    fc.assert(
      fc.property(scenario, deduction, bonus, (s, d, b) => {
        const before = new Map(assess(s).results.map((r) => [r.staff, r.total]));
        const afterD = assess({ ...s, records: [...(s.records ?? []), d] });
        for (const r of afterD.results) expect(r.total).toBeLessThanOrEqual(before.get(r.staff)!);
        const afterB = assess({ ...s, records: [...(s.records ?? []), b] });
        for (const r of afterB.results) expect(r.total).toBeGreaterThanOrEqual(before.get(r.staff)!);
      }),
    );
  });

  it('ranks by standard competition ranking', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const results = assess(s).results;
        for (const r of results) {
          expect(r.rank).toBe(1 + results.filter((o) => o.total > r.total).length);
        }
      }),
    );
  });

  it('grades no more than the quota excellent unless the extra ones are flagged tie, and no vetoed person', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const results = assess(s).results;
        const excellent = results.filter((r) => r.grade === 'excellent');
        for (const r of excellent) {
          expect(r.vetoed).toBe(false);
          expect(r.total).toBeGreaterThanOrEqual(90);
        }
        if (excellent.length > 2) {
          const untied = excellent.filter((r) => !r.flags.includes('tie'));
          expect(untied.length).toBeLessThan(2);
        }
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, seed) => {
        const shuffle = <T>(xs: readonly T[] | undefined): T[] => {
          const out = [...(xs ?? [])];
          let x = seed + 1;
          for (let i = out.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) % 2147483648;
            const j = x % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const shuffled: TScenario = {
          ...s,
          staff: shuffle(s.staff),
          records: shuffle(s.records),
          peerRatings: shuffle(s.peerRatings),
          complaints: shuffle(s.complaints),
        };
        expect(assess(shuffled)).toStrictEqual(assess(s));
      }),
    );
  });
});
