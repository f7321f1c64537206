import { describe, expect, it } from 'vitest';
import { proposeOverdueSanctions } from '../cases/case-consequences.ts';
import { caseRulesOf } from '../cases/case-rules.schema.ts';
import { acceptCase, applyCaseEvent } from '../cases/case-workflow.ts';
import { POLICY_D } from '../policy/index.ts';
import type { RulesError } from '../shared/errors.ts';
import {
  CN_OFFICIAL_CALENDAR,
  centerWorkCalendar,
  checkYearSchedule,
  isDeadlineProvisional,
  missingCalendarYear,
  yearScheduleOf,
} from './index.ts';

const rules = caseRulesOf(POLICY_D);
/** 2027 as a center enters it: only 元旦 here, enough for the turn of the year. */
const y2027 = checkYearSchedule({
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  workdays: [],
});
const zh = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as RulesError).messageZh;
  }
  throw new Error('not refused');
};

describe('a deadline past the covered years (暂定)', () => {
  const lastDay = (cal = centerWorkCalendar([])) =>
    acceptCase({ type: 'promised', acceptedBy: 'p1', on: '2026-12-31', promisedDays: 1 }, cal);

  it('a case accepted 2026-12-31 with 1 working day is due 2027-01-01, provisional, while 2027 is unknown', () => {
    const cal = centerWorkCalendar([]);
    expect(cal.isCovered(2027)).toBe(false);
    const s = lastDay(cal);
    expect(s.deadline).toBe('2027-01-01');
    expect(isDeadlineProvisional(cal, s.acceptedOn, s.deadline)).toBe(true);
  });

  it('proposes no overdue sanction on an uncovered date (decided 2027-01-04)', () => {
    const cal = centerWorkCalendar([]);
    const decided = applyCaseEvent(
      lastDay(cal),
      { kind: 'decide', on: '2027-01-04', decision: 'approved' },
      cal,
    );
    expect(cal.overdueWorkingDays(decided.deadline!, '2027-01-04')).toBe(1);
    expect(proposeOverdueSanctions(decided, cal, rules)).toStrictEqual([]);
  });

  it('entering 2027 with 元旦 on 2027-01-01 moves the deadline past the holiday and removes 暂定', () => {
    const cal = centerWorkCalendar([], [y2027]);
    const s = lastDay(cal);
    expect(s.deadline).toBe('2027-01-04');
    expect(isDeadlineProvisional(cal, s.acceptedOn, s.deadline)).toBe(false);
    const onTime = applyCaseEvent(s, { kind: 'decide', on: '2027-01-04', decision: 'approved' }, cal);
    expect(proposeOverdueSanctions(onTime, cal, rules)).toStrictEqual([]);
    const late = applyCaseEvent(s, { kind: 'decide', on: '2027-01-05', decision: 'approved' }, cal);
    expect(proposeOverdueSanctions(late, cal, rules).map((p) => [p.item, p.qty])).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
  });

  it('a year entered replaces that year of the official data (a correction)', () => {
    const official = yearScheduleOf(CN_OFFICIAL_CALENDAR, 2026);
    expect(official.holidays['2026-10-07']).toBe('国庆节');
    const corrected = checkYearSchedule({
      year: 2026,
      holidays: Object.entries(official.holidays)
        .filter(([d]) => d !== '2026-10-07')
        .map(([date, name]) => ({ date, name })),
      workdays: Object.entries(official.workdays).map(([date, name]) => ({ date, name })),
    });
    const cal = centerWorkCalendar([], [corrected]);
    expect(cal.isWorkingDay('2026-10-07')).toBe(true);
    expect(cal.isWorkingDay('2026-10-06')).toBe(false);
    expect(cal.isCovered(2026)).toBe(true);
  });
});

describe('checkYearSchedule', () => {
  it('refuses a date outside the year, a weekday made a working day, a date listed twice, no name', () => {
    const base = { year: 2027, workdays: [] };
    expect(zh(() => checkYearSchedule({ ...base, holidays: [{ date: '2028-01-01', name: '元旦' }] }))).toBe(
      'holidays[0].date：2028-01-01 不在 2027 年内',
    );
    expect(
      zh(() =>
        checkYearSchedule({
          ...base,
          holidays: [{ date: '2027-01-01', name: '元旦' }],
          workdays: [{ date: '2027-01-05', name: '春节' }],
        }),
      ),
    ).toBe('workdays[0].date：2027-01-05 是工作日，调休上班只能是周六或周日');
    expect(
      zh(() =>
        checkYearSchedule({
          ...base,
          holidays: [
            { date: '2027-01-01', name: '元旦' },
            { date: '2027-01-01', name: '元旦' },
          ],
        }),
      ),
    ).toBe('holidays[1].date：2027-01-01 重复列出（同一天不能既放假又调休上班）');
    expect(zh(() => checkYearSchedule({ ...base, holidays: [{ date: '2027-01-01', name: ' ' }] }))).toBe(
      'holidays[0].name：请填写节日名称',
    );
    expect(zh(() => checkYearSchedule({ ...base, holidays: [] }))).toBe('holidays：至少须有一天法定节假日');
  });
});

describe('missingCalendarYear', () => {
  const cal = centerWorkCalendar([]);
  it('asks for next year from November 1 while it is missing, not before', () => {
    expect(missingCalendarYear(cal, '2026-10-31')).toBe(null);
    expect(missingCalendarYear(cal, '2026-11-01')).toBe(2027);
    expect(missingCalendarYear(centerWorkCalendar([], [y2027]), '2026-11-01')).toBe(null);
  });
  it('asks for the current year when even that is missing', () => {
    expect(missingCalendarYear(cal, '2027-03-01')).toBe(2027);
  });
});
