import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar, createWorkCalendar } from './index.ts';

const cal = chinaWorkCalendar();

describe('chinaWorkCalendar', () => {
  it('knows the 2026 Spring Festival holiday and its make-up working days', () => {
    // 2026: 春节 15–23 February off; Saturday 14 February and Saturday 28 February worked (调休)
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.dayName('2026-02-17')).toBe('春节');
  });

  it('counts a promised limit across the Spring Festival in working days', () => {
    // accepted Thursday 12 Feb 2026, 5 working days: 13, 14 (调休), 24, 25, 26
    expect(cal.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(cal.workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
  });

  it('counts across National Day 2025 with its make-up Sundays and Saturdays', () => {
    // 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    // from Friday 26 September: Sunday 28 (调休), Monday 29, Tuesday 30, then Thursday 9 October
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
  });

  it('gives the same day for an immediate case (0 working days)', () => {
    expect(cal.addWorkingDays('2026-08-05', 0)).toBe('2026-08-05');
  });

  it('counts overdue working days after a deadline, and none on time', () => {
    // deadline Thursday 24 Sept 2026; done Friday 9 Oct: 中秋 25–27 Sept and 国庆 1–7 Oct off,
    // so 28, 29, 30 Sept and 8, 9 Oct are the overdue working days
    expect(cal.overdueWorkingDays('2026-09-24', '2026-10-09')).toBe(5);
    expect(cal.overdueWorkingDays('2026-09-24', '2026-09-24')).toBe(0);
    expect(cal.overdueWorkingDays('2026-09-24', '2026-09-27')).toBe(0);
    expect(cal.overdueWorkingDays('2026-09-24', '2026-09-20')).toBe(0);
  });

  it('is negative between dates given backwards', () => {
    expect(cal.workingDaysBetween('2026-08-10', '2026-08-03')).toBe(-5);
  });

  it('covers the years of its seed and treats later years as weekdays only until data is added', () => {
    expect(cal.isCovered(2026)).toBe(true);
    expect(cal.isCovered(2027)).toBe(false);
    expect(cal.isWorkingDay('2027-10-01')).toBe(true);
  });

  it('takes a later year as data without a release, a later layer overriding an earlier one', () => {
    const with2027 = chinaWorkCalendar({
      years: [2027],
      holidays: { '2027-10-01': '国庆节' },
      workdays: { '2027-09-26': '国庆节调休' },
    });
    expect(with2027.isCovered(2027)).toBe(true);
    expect(with2027.isWorkingDay('2027-10-01')).toBe(false);
    expect(with2027.isWorkingDay('2027-09-26')).toBe(true);
    const corrected = createWorkCalendar(
      { years: [2030], holidays: { '2030-05-02': 'x' }, workdays: {} },
      {
        years: [],
        holidays: {},
        workdays: { '2030-05-02': '更正' },
      },
    );
    expect(corrected.isWorkingDay('2030-05-02')).toBe(true);
  });

  it('refuses a negative number of days and a date out of range', () => {
    expect(() => cal.addWorkingDays('2026-08-05', -1)).toThrow('days');
    expect(() => cal.isWorkingDay('1999-12-31')).toThrow('out of range');
  });
});
