import { describe, expect, it } from 'vitest';
import { centerWorkCalendar } from '../calendar/center-calendar.ts';
import { POLICY_A } from '../policy/index.ts';
import { noticePeriod } from './notice-period.ts';

describe('noticePeriod', () => {
  const rules = POLICY_A.assessment!;
  it('runs five working days from the day of publication', () => {
    // Thursday 2026-11-26 → Wednesday 2026-12-02
    expect(noticePeriod(centerWorkCalendar([]), '2026-11-26', rules)).toEqual({
      from: '2026-11-26',
      to: '2026-12-02',
    });
  });
  it('starts on the next working day when published on a holiday, and counts 调休 days', () => {
    // 国庆 2026: 10-01 to 10-07 off; Saturday 10-10 is a make-up working day
    expect(noticePeriod(centerWorkCalendar([]), '2026-10-05', rules)).toEqual({
      from: '2026-10-08',
      to: '2026-10-13',
    });
  });
  it("counts on the center's calendar: a local day off moves the end", () => {
    const calendar = centerWorkCalendar([{ date: '2026-11-30', isWorking: false, note: '本中心停电检修' }]);
    expect(noticePeriod(calendar, '2026-11-26', rules)).toEqual({ from: '2026-11-26', to: '2026-12-03' });
  });
  it('takes its length from the policy', () => {
    expect(noticePeriod(centerWorkCalendar([]), '2026-11-26', { notice: { workingDays: 1 } }).to).toBe(
      '2026-11-26',
    );
  });
});
