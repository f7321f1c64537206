import type { TIsoDate } from '../shared/dates.ts';
import { CN_OFFICIAL_CALENDAR } from './cn-official.data.ts';
import { createWorkCalendar, type TCalendarData, type TWorkCalendar } from './work-calendar.ts';

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
 * A center's working-day calendar: the official Chinese calendar with the center's own overrides on
 * top, date by date. Every count of working days of a center uses it: case deadlines, the notice
 * period of the results.
 */
export function centerWorkCalendar(overrides: ReadonlyArray<TCalendarOverride>): TWorkCalendar {
  return createWorkCalendar(CN_OFFICIAL_CALENDAR, overridesLayer(overrides));
}
