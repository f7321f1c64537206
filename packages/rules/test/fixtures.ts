import type { TScenario, TScenarioRecord } from '../src/index.ts';

/** The worked example of domain.md, verbatim. */
export const WORKED_EXAMPLE = {
  policy: 'A',
  period: { year: 2026, quarter: 3 },
  windows: [{ id: 'w1', name: '不动产登记1号窗口' }],
  staff: [
    { id: 's1', name: '张三', window: 'w1' },
    { id: 's2', name: '李四', window: 'w1' },
  ],
  records: [
    { staff: 's1', item: 'A4', date: '2026-07-03', qty: 1, aggravated: true },
    { staff: 's1', item: 'B5', date: '2026-08-11', qty: 2 },
    { window: 'w1', item: 'B8', date: '2026-08-20' },
    { window: 'w1', item: 'D6', date: '2026-09-30', level: 'monthly' },
    { staff: 's1', item: 'D2', date: '2026-09-02', level: 'province' },
    { staff: 's2', item: 'C4', date: '2026-06-30', qty: 4 },
  ],
  complaints: [{ staff: 's1', date: '2026-07-15', valid: true }],
  peerRatings: [{ rater: 's2', ratee: 's1', tier: 'good' }],
  history: [{ staff: 's1', year: 2026, quarter: 2, grade: 'incompetent' }],
};

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
