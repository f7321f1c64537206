import { type Db, listCalendarDays } from '@chuangkou/db';
import { centerWorkCalendar, type TWorkCalendar } from '@chuangkou/rules';

const calendars = new Map<string, TWorkCalendar>();

/**
 * The center's working-day calendar (`centerWorkCalendar` of @chuangkou/rules: the official calendar
 * with the center's calendar_days on top). Case deadlines and the notice period of the results both
 * count on it. Calendars are kept by their overrides, so an edited day takes effect at once.
 */
export async function centerCalendar(db: Db, centerId: number): Promise<TWorkCalendar> {
  const days = await listCalendarDays(db, centerId);
  const key = JSON.stringify(days);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = centerWorkCalendar(days);
    if (calendars.size > 50) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}
