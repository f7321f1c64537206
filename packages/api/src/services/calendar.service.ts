import { type Db, listCalendarDays, listCalendarYears } from '@chuangkou/db';
import { centerWorkCalendar, type TWorkCalendar } from '@chuangkou/rules';

const calendars = new Map<string, TWorkCalendar>();

/**
 * The center's working-day calendar (`centerWorkCalendar` of @chuangkou/rules: the official calendar,
 * each year the center entered in place of that year's official data, and the center's calendar_days
 * on top). Case deadlines and the notice period of the results both count on it. Calendars are kept
 * by their data, so an edited day or an entered year takes effect at once.
 */
export async function centerCalendar(db: Db, centerId: number): Promise<TWorkCalendar> {
  const days = await listCalendarDays(db, centerId);
  const years = (await listCalendarYears(db, centerId)).map((y) => ({
    year: y.year,
    holidays: y.holidays,
    workdays: y.workdays,
  }));
  const key = JSON.stringify([days, years]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = centerWorkCalendar(days, years);
    if (calendars.size > 50) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}
