import type { TWorkCalendar } from '../calendar/work-calendar.ts';
import type { TAssessmentRules } from '../policy/policy.schema.ts';
import type { TIsoDate } from '../shared/dates.ts';

/** 公示期: the first and the last day the results stay on the notice board, inclusive. */
export interface TNoticePeriod {
  from: TIsoDate;
  to: TIsoDate;
}

/**
 * The notice period of results published on a date (考核细则 二(二): 在公示栏上公布), counted in
 * working days of the center's calendar: it starts on the day of publication, or the next working day
 * when that is a day off, and lasts the policy's `notice.workingDays`.
 *
 * @example noticePeriod(calendar, '2026-10-05', POLICY_A.assessment!) // { from: '2026-10-08', to: '2026-10-13' }
 */
export function noticePeriod(
  calendar: TWorkCalendar,
  publishedOn: TIsoDate,
  rules: Pick<TAssessmentRules, 'notice'>,
): TNoticePeriod {
  const from = calendar.isWorkingDay(publishedOn) ? publishedOn : calendar.addWorkingDays(publishedOn, 1);
  return { from, to: calendar.addWorkingDays(from, rules.notice.workingDays - 1) };
}
