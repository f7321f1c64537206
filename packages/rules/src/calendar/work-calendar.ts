import { fromEpochDay, type TIsoDate, toEpochDay, weekdayOfEpochDay } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';

/** Public holidays and make-up working days (调休) as data: date → name. */
export interface TCalendarData {
  source?: string;
  /** the years the data is complete for */
  years: number[];
  /** 法定节假日: days off, weekday or not */
  holidays: Record<TIsoDate, string>;
  /** 调休上班: weekend days that are working days */
  workdays: Record<TIsoDate, string>;
}

const FIRST_DAY = toEpochDay('2000-01-01');
const LAST_DAY = toEpochDay('2100-12-31');

export interface TWorkCalendar {
  isWorkingDay(date: TIsoDate): boolean;
  /** the holiday's or make-up day's name, if any */
  dayName(date: TIsoDate): string | undefined;
  /** true when holiday data covers the year; outside it only weekends are days off */
  isCovered(year: number): boolean;
  /** working days d with from < d ≤ to (negative when to is before from) */
  workingDaysBetween(from: TIsoDate, to: TIsoDate): number;
  /** the nth working day after `date`; n = 0 gives `date` itself (即办: the same day) */
  addWorkingDays(date: TIsoDate, n: number): TIsoDate;
  /** working days past the deadline on `on` (0 when on time) */
  overdueWorkingDays(deadline: TIsoDate, on: TIsoDate): number;
  readonly coveredYears: readonly number[];
}

function checkDate(date: TIsoDate, field: string): number {
  const day = toEpochDay(date);
  if (!Number.isFinite(day) || day < FIRST_DAY || day > LAST_DAY) {
    throw new RulesError(
      'INVALID_INPUT',
      field,
      `date out of range (2000–2100): ${date}`,
      `日期超出范围：${date}`,
    );
  }
  return day;
}

/**
 * A working-day calendar: Monday to Friday, less public holidays, plus make-up working days. Deadlines
 * count working days as the Administrative Licensing Law counts its limits (不含法定节假日).
 * `layers` are applied in order, a later one overriding an earlier one date by date, so a center can
 * add a new year's State Council notice (or correct a day) as data without a release.
 */
export function createWorkCalendar(...layers: ReadonlyArray<TCalendarData>): TWorkCalendar {
  const names = new Map<number, string>();
  const kind = new Map<number, 'off' | 'work'>();
  const years = new Set<number>();
  for (const layer of layers) {
    for (const y of layer.years) years.add(y);
    for (const [d, name] of Object.entries(layer.holidays)) {
      kind.set(toEpochDay(d), 'off');
      names.set(toEpochDay(d), name);
    }
    for (const [d, name] of Object.entries(layer.workdays)) {
      kind.set(toEpochDay(d), 'work');
      names.set(toEpochDay(d), name);
    }
  }
  // cumulative working days from FIRST_DAY: workingDaysBetween in O(1)
  const span = LAST_DAY - FIRST_DAY + 1;
  const cumulative = new Int32Array(span + 1);
  for (let k = 0; k < span; k++) {
    const day = FIRST_DAY + k;
    const override = kind.get(day);
    const wd = weekdayOfEpochDay(day);
    const working = override === undefined ? wd !== 0 && wd !== 6 : override === 'work';
    cumulative[k + 1] = cumulative[k]! + (working ? 1 : 0);
  }
  const isWorking = (day: number) => cumulative[day - FIRST_DAY + 1]! - cumulative[day - FIRST_DAY]! === 1;
  const coveredYears = [...years].sort((a, b) => a - b);

  return {
    coveredYears,
    isWorkingDay: (date) => isWorking(checkDate(date, 'date')),
    dayName: (date) => names.get(toEpochDay(date)),
    isCovered: (year) => years.has(year),
    workingDaysBetween(from, to) {
      const a = checkDate(from, 'from');
      const b = checkDate(to, 'to');
      return cumulative[b - FIRST_DAY + 1]! - cumulative[a - FIRST_DAY + 1]!;
    },
    addWorkingDays(date, n) {
      let day = checkDate(date, 'date');
      if (!Number.isInteger(n) || n < 0) {
        throw new RulesError('INVALID_INPUT', 'days', `expected a whole number of days ≥ 0, got ${n}`);
      }
      for (let left = n; left > 0; ) {
        day++;
        if (day > LAST_DAY) throw new RulesError('INVALID_INPUT', 'days', 'deadline beyond 2100');
        if (isWorking(day)) left--;
      }
      return fromEpochDay(day);
    },
    overdueWorkingDays(deadline, on) {
      return Math.max(0, this.workingDaysBetween(deadline, on));
    },
  };
}
