import { type Db, listCalendarDays } from '@chuangkou/db';
import { chinaWorkCalendar, type TCalendarData, type TWorkCalendar } from '@chuangkou/rules';

const calendars = new Map<string, TWorkCalendar>();

/**
 * The center's working-day calendar: the official one with the center's own overrides
 * (calendar_days, editable by an administrator) on top. Built once per set of overrides.
 */
export async function centerCalendar(db: Db, centerId: number): Promise<TWorkCalendar> {
  const days = await listCalendarDays(db, centerId);
  const key = JSON.stringify(days);
  let cal = calendars.get(key);
  if (!cal) {
    const layer: TCalendarData = { source: `center ${centerId}`, years: [], holidays: {}, workdays: {} };
    for (const d of days) {
      if (d.isWorking) layer.workdays[d.date] = d.note ?? '调休上班';
      else layer.holidays[d.date] = d.note ?? '休息日';
    }
    cal = chinaWorkCalendar(layer);
    if (calendars.size > 50) calendars.clear();
    calendars.set(key, cal);
  }
  return cal;
}
