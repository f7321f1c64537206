import type { TIsoDate } from '../shared/dates.ts';
import { CN_OFFICIAL_CALENDAR } from './cn-official.data.ts';
import { createWorkCalendar, type TCalendarData, type TWorkCalendar } from './work-calendar.ts';
import { type TYearSchedule, withoutYears, yearSchedulesLayer } from './year-schedule.ts';

/** A center's own ruling on a date: a holiday (法定节假日 or a local day off) or a make-up working day (调休). */
export interface TCalendarOverride {
  date: TIsoDate;
  isWorking: boolean;
  note?: string | null | undefined;
}

/** A center's overrides as a calendar layer. */
export function overridesLayer(
  overrides: ReadonlyArray<TCalendarOverride>,
  source = 'center',
): TCalendarData {
  const layer: TCalendarData = { source, years: [], holidays: {}, workdays: {} };
  for (const d of overrides) {
    if (d.isWorking) layer.workdays[d.date] = d.note ?? '调休上班';
    else layer.holidays[d.date] = d.note ?? '休息日';
  }
  return layer;
}

/**
 * A center's working-day calendar: the official Chinese calendar, each year the center entered in
 * place of that year's official data (a later year, or a correction), and the center's own date
 * overrides on top. Every count of working days of a center uses it: case deadlines, the notice
 * period of the results. A year neither in the official data nor entered is not covered: deadlines
 * counted into it are provisional (暂定).
 */
export function centerWorkCalendar(
  overrides: ReadonlyArray<TCalendarOverride>,
  schedules: ReadonlyArray<TYearSchedule> = [],
): TWorkCalendar {
  return createWorkCalendar(
    withoutYears(
      CN_OFFICIAL_CALENDAR,
      schedules.map((s) => s.year),
    ),
    yearSchedulesLayer(schedules),
    overridesLayer(overrides),
  );
}
