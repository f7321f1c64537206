import WORKED from '../../../examples/worked-example.json' with { type: 'json' };
import type { TScenario, TScenarioRecord } from '../src/index.ts';

/** The worked example (examples/worked-example.json, the same file the README runs through the CLI). */
export const WORKED_EXAMPLE = WORKED;

export const WORKED_EXAMPLE_RESULT = {
  period: { year: 2026, quarter: 3 },
  results: [
    {
      staff: 's2',
      categories: { civility: 30, skills: 38, discipline: 30 },
      bonus: 2,
      total: 100,
      peerGoodShare: null,
      rank: 1,
      grade: 'excellent',
      vetoed: false,
      flags: ['noPeerData'],
    },
    {
      staff: 's1',
      categories: { civility: 22, skills: 32, discipline: 30 },
      bonus: 12,
      total: 96,
      peerGoodShare: 1,
      rank: 2,
      grade: 'competent',
      vetoed: true,
      flags: [],
    },
  ],
};

/** A Q3 2026 scenario: staff s1..sN on window w1, with the records given. */
export function quarter(
  records: TScenarioRecord[],
  extra: Partial<TScenario> & { people?: number } = {},
): TScenario {
  const people = extra.people ?? 2;
  return {
    period: { year: 2026, quarter: 3 },
    windows: [{ id: 'w1' }, { id: 'w2' }],
    staff: Array.from({ length: people }, (_, i) => ({ id: `s${i + 1}`, window: 'w1' })),
    records,
    ...extra,
  };
}

export const IN_Q3 = '2026-08-03';
