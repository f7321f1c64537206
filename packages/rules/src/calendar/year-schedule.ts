import { isIsoDate, type TIsoDate, toEpochDay, weekdayOfEpochDay } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import type { TCalendarData, TWorkCalendar } from './work-calendar.ts';

/**
 * A year's official schedule as a center enters it from the State Council's notice (国务院办公厅关于
 * 某年部分节假日安排的通知): every day off with its holiday's name, and every weekend day worked (调休).
 * Entering it makes the year covered: deadlines counted into it are no longer provisional.
 */
export interface TYearSchedule {
  year: number;
  /** 法定节假日 date → name (元旦, 春节 …) */
  holidays: Record<TIsoDate, string>;
  /** 调休上班 date → name of the holiday it makes up for */
  workdays: Record<TIsoDate, string>;
}

export interface TYearScheduleInput {
  year: number;
  holidays: ReadonlyArray<{ date: string; name: string }>;
  workdays: ReadonlyArray<{ date: string; name: string }>;
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * Checks a year's schedule as entered: dates real and within the year, each named, no date both a
 * holiday and a working day, 调休 only on a Saturday or Sunday (a weekday is worked anyway), and at
 * least one holiday (every year has 元旦). Throws a RulesError naming the field, in Chinese too.
 */
export function checkYearSchedule(input: TYearScheduleInput): TYearSchedule {
  const { year } = input;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RulesError(
      'INVALID_INPUT',
      'year',
      `year out of range (2000–2100): ${year}`,
      `年份超出范围：${year}`,
    );
  }
  const holidays: Record<TIsoDate, string> = {};
  const workdays: Record<TIsoDate, string> = {};
  const seen = new Set<string>();
  const take = (list: TYearScheduleInput['holidays'], field: 'holidays' | 'workdays') => {
    list.forEach((d, i) => {
      const at = `${field}[${i}]`;
      if (!isIsoDate(d.date)) {
        throw new RulesError('INVALID_INPUT', `${at}.date`, `not a date: ${d.date}`, `日期无效：${d.date}`);
      }
      if (Number(d.date.slice(0, 4)) !== year) {
        throw new RulesError(
          'INVALID_INPUT',
          `${at}.date`,
          `${d.date} is not in ${year}`,
          `${d.date} 不在 ${year} 年内`,
        );
      }
      if (seen.has(d.date)) {
        throw new RulesError(
          'INVALID_INPUT',
          `${at}.date`,
          `${d.date} is listed twice`,
          `${d.date} 重复列出（同一天不能既放假又调休上班）`,
        );
      }
      seen.add(d.date);
      const name = d.name.trim();
      if (name === '') {
        throw new RulesError('INVALID_INPUT', `${at}.name`, 'name the holiday', '请填写节日名称');
      }
      if (field === 'workdays') {
        const wd = weekdayOfEpochDay(toEpochDay(d.date));
        if (wd !== 0 && wd !== 6) {
          throw new RulesError(
            'INVALID_INPUT',
            `${at}.date`,
            `${d.date} is a weekday: only a Saturday or Sunday is made a working day`,
            `${d.date} 是工作日，调休上班只能是周六或周日`,
          );
        }
        workdays[d.date] = name;
      } else holidays[d.date] = name;
    });
  };
  take(input.holidays, 'holidays');
  take(input.workdays, 'workdays');
  if (Object.keys(holidays).length === 0) {
    throw new RulesError(
      'INVALID_INPUT',
      'holidays',
      'a year has at least one holiday',
      '至少须有一天法定节假日',
    );
  }
  return { year, holidays, workdays };
}

/** The schedule of one year out of calendar data (an official year, to show or to correct). */
export function yearScheduleOf(data: TCalendarData, year: number): TYearSchedule {
  const inYear = (rec: Record<string, string>) =>
    Object.fromEntries(Object.entries(rec).filter(([d]) => d.startsWith(`${year}-`)));
  return { year, holidays: inYear(data.holidays), workdays: inYear(data.workdays) };
}

/** Calendar data without some years: a year a center entered replaces that year of the official data. */
export function withoutYears(data: TCalendarData, years: ReadonlyArray<number>): TCalendarData {
  if (years.length === 0) return data;
  const drop = new Set(years);
  const keep = (rec: Record<string, string>) =>
    Object.fromEntries(Object.entries(rec).filter(([d]) => !drop.has(Number(d.slice(0, 4)))));
  return {
    source: data.source,
    years: data.years.filter((y) => !drop.has(y)),
    holidays: keep(data.holidays),
    workdays: keep(data.workdays),
  };
}

/** A center's year schedules as one calendar layer covering their years. */
export function yearSchedulesLayer(
  schedules: ReadonlyArray<TYearSchedule>,
  source = 'center',
): TCalendarData {
  const layer: TCalendarData = { source, years: [], holidays: {}, workdays: {} };
  for (const s of schedules) {
    layer.years.push(s.year);
    Object.assign(layer.holidays, s.holidays);
    Object.assign(layer.workdays, s.workdays);
  }
  return layer;
}

/** True when every year from `from` to `to` (inclusive, either order) has its holidays in the calendar. */
export function isSpanCovered(calendar: TWorkCalendar, from: TIsoDate, to: TIsoDate): boolean {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!calendar.isCovered(y)) return false;
  return true;
}

/**
 * 暂定: a deadline counted through a year whose holidays are not yet known (the State Council
 * publishes them late in the year before). Only weekends were skipped there, so the day may move when
 * the year is entered.
 */
export function isDeadlineProvisional(
  calendar: TWorkCalendar,
  countedFrom: TIsoDate | null,
  deadline: TIsoDate | null,
): boolean {
  if (countedFrom === null || deadline === null) return false;
  return !isSpanCovered(calendar, countedFrom, deadline);
}

/** From this day of a year, administrators are told while the next year's schedule is missing. */
export const NEXT_YEAR_NOTICE_FROM = '11-01';

/**
 * The year an administrator should enter now: next year from November 1 while it is not covered, or
 * the current year itself when even that is missing. null when nothing is due.
 */
export function missingCalendarYear(calendar: TWorkCalendar, today: TIsoDate): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendar.isCovered(year)) return year;
  if (today.slice(5) >= NEXT_YEAR_NOTICE_FROM && !calendar.isCovered(year + 1)) return year + 1;
  return null;
}
