import { CN_OFFICIAL_CALENDAR } from './cn-official.data.ts';
import { createWorkCalendar, type TCalendarData, type TWorkCalendar } from './work-calendar.ts';

export * from './center-calendar.ts';
export { CN_OFFICIAL_CALENDAR } from './cn-official.data.ts';
export * from './work-calendar.ts';
export * from './year-schedule.ts';

/** The official Chinese calendar (seeded from chinese-days), with any later layers on top. */
export function chinaWorkCalendar(...extra: ReadonlyArray<TCalendarData>): TWorkCalendar {
  return createWorkCalendar(CN_OFFICIAL_CALENDAR, ...extra);
}
