import { describe, expect, it } from 'vitest';
import { awardBarringRecords } from '../fines/monthly-fines.ts';
import { POLICY_A, POLICY_B } from '../policy/index.ts';
import { assignmentOn, dayBefore, daysWithin, periodRoster } from './membership.ts';
import { assessQuarter } from './quarter-assessment.ts';

const windows = [{ id: 'w1' }, { id: 'w2' }];
// July's red flag to w1 (D6 monthly, +2) and an August yellow card to w2 (B8, −2)
const records = [
  { window: 'w1', item: 'D6', date: '2026-07-31', level: 'monthly' },
  { window: 'w2', item: 'B8', date: '2026-08-20' },
];

describe('window records reach the people assigned to the window on the record date', () => {
  it('张三 served in w1 all Q3 and moved to w2 on 12-02: bonus 2, skills 40', () => {
    const { results } = assessQuarter(POLICY_A, {
      period: { year: 2026, quarter: 3 },
      windows,
      staff: [
        {
          id: 's1',
          window: 'w2',
          assignments: [
            { window: 'w1', from: '2025-01-01', to: '2026-12-01' },
            { window: 'w2', from: '2026-12-02' },
          ],
        },
      ],
      records,
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ bonus: 2, categories: { skills: 40 } });
  });

  it('someone who moved to w2 on 08-01 gets July’s flag and August’s yellow card', () => {
    const { results } = assessQuarter(POLICY_A, {
      period: { year: 2026, quarter: 3 },
      windows,
      staff: [
        {
          id: 's1',
          window: 'w2',
          assignments: [
            { window: 'w1', from: '2025-01-01', to: '2026-07-31' },
            { window: 'w2', from: '2026-08-01' },
          ],
        },
      ],
      records,
    });
    expect(results[0]).toMatchObject({ bonus: 2, categories: { skills: 38 } });
  });
});

describe('the F5 award bar falls on the window of the exposure date', () => {
  it('王五 exposed in October while in w2 bars w2, not w1 after he moved there', () => {
    const spans = new Map([
      [
        's3',
        [
          { window: 'w2', from: '2025-01-01', to: '2026-12-01' },
          { window: 'w1', from: '2026-12-02', to: null },
        ],
      ],
    ]);
    const exposure = [{ item: 'F5', staff: 's3', date: '2026-10-15' }];
    const memberOf = (w: string) => (r: { staff?: string | null; date?: string }) =>
      assignmentOn(spans.get(r.staff!) ?? [], r.date!)?.window === w;
    expect(awardBarringRecords(POLICY_B, exposure, 'w2', memberOf('w2'))).toEqual(exposure);
    expect(awardBarringRecords(POLICY_B, exposure, 'w1', memberOf('w1'))).toEqual([]);
  });
});

describe('periodRoster', () => {
  const a = (staffId: number, window: string, from: string, to: string | null) => ({
    staffId,
    window,
    from,
    to,
  });
  it('assesses a person who moved mid-quarter once, under the window with the most days, keeping both', () => {
    const roster = periodRoster(
      [
        a(1, 'w1', '2025-01-01', '2026-08-10'),
        a(1, 'w2', '2026-08-11', null),
        a(2, 'w1', '2025-01-01', '2026-07-20'),
        a(2, 'w2', '2026-07-21', null),
      ],
      '2026-07-01',
      '2026-09-30',
    );
    expect(roster.map((r) => [r.staffId, r.main.window, r.spans.map((s) => s.days)])).toEqual([
      [1, 'w2', [41, 51]],
      [2, 'w2', [20, 72]],
    ]);
  });
  it('leaves out people assigned only after the period (entered later)', () => {
    expect(periodRoster([a(9, 'w1', '2026-12-02', null)], '2025-10-01', '2025-12-31')).toEqual([]);
  });
  it('counts days inclusively and finds the day before', () => {
    expect(daysWithin({ from: '2026-07-01', to: null }, '2026-07-01', '2026-09-30')).toBe(92);
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
});
