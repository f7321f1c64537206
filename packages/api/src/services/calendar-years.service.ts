import {
  casesWithProposals,
  type Db,
  insertSanctionProposals,
  listCalendarYears,
  listCasesCountedThrough,
  saveCalendarYear,
  type TUser,
  updateCase,
} from '@chuangkou/db';
import {
  CN_OFFICIAL_CALENDAR,
  checkYearSchedule,
  isDeadlineProvisional,
  missingCalendarYear,
  recountDeadline,
  type TYearScheduleInput,
  yearScheduleOf,
} from '@chuangkou/rules';
import { audit } from './audit.ts';
import { centerCalendar } from './calendar.service.ts';
import { caseRulesByDate } from './cases/case-rules.ts';
import { atRow, caseStateOf, decisionDays } from './cases/case-state.ts';
import { overdueProposalsOf } from './cases/step-case.service.ts';

const asList = (rec: Record<string, string>) =>
  Object.entries(rec)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, name }));

/**
 * Which years the center's calendar covers and where each comes from (the official data shipped, or
 * entered by the center), the year an administrator should enter now (next year from November 1),
 * and how many open deadlines are provisional (暂定).
 */
export async function calendarCoverage(db: Db, centerId: number, today: string) {
  const entered = await listCalendarYears(db, centerId);
  const cal = await centerCalendar(db, centerId);
  const byYear = new Map(entered.map((y) => [y.year, y]));
  const years = cal.coveredYears.map((year) => {
    const own = byYear.get(year);
    const s = own ?? yearScheduleOf(CN_OFFICIAL_CALENDAR, year);
    return {
      year,
      source: own ? ('center' as const) : ('official' as const),
      holidays: Object.keys(s.holidays).length,
      workdays: Object.keys(s.workdays).length,
      enteredAt: own?.enteredAt ?? null,
      reason: own?.reason ?? null,
    };
  });
  const provisional = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('center_id', '=', centerId)
    .where('is_deadline_provisional', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    years,
    missingYear: missingCalendarYear(cal, today),
    provisionalCases: Number(provisional.n),
  };
}

/** One year's schedule to show or correct: the center's, else the official one, else empty. */
export async function calendarYear(db: Db, centerId: number, year: number) {
  const own = (await listCalendarYears(db, centerId)).find((y) => y.year === year);
  const s = own ?? yearScheduleOf(CN_OFFICIAL_CALENDAR, year);
  const isOfficial = !own && CN_OFFICIAL_CALENDAR.years.includes(year);
  return {
    year,
    source: own ? ('center' as const) : isOfficial ? ('official' as const) : null,
    holidays: asList(s.holidays),
    workdays: asList(s.workdays),
    reason: own?.reason ?? null,
  };
}

/**
 * Enters or corrects a year's schedule (the rules check it), then counts again every deadline counted
 * through that year: 暂定 goes where the calendar now covers the span, a decided case gets its days
 * late again, and a case now late on a known calendar gets its overdue proposals (never twice).
 * Run it inside a transaction: the year and the recount are one change.
 */
export async function enterCalendarYear(
  db: Db,
  user: TUser,
  input: TYearScheduleInput & { reason?: string | undefined; source?: string | undefined },
): Promise<{ year: number; recounted: number; changed: number; proposals: number }> {
  const schedule = atRow('', () => checkYearSchedule(input));
  const before = (await listCalendarYears(db, user.centerId)).find((y) => y.year === schedule.year) ?? null;
  const same = (x: Record<string, string>, y: Record<string, string>) =>
    JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
  // the same schedule entered again (an import run twice) changes nothing
  if (before && same(before.holidays, schedule.holidays) && same(before.workdays, schedule.workdays)) {
    return { year: schedule.year, recounted: 0, changed: 0, proposals: 0 };
  }
  const saved = await saveCalendarYear(db, {
    centerId: user.centerId,
    year: schedule.year,
    holidays: schedule.holidays,
    workdays: schedule.workdays,
    source: input.source ?? 'manual',
    reason: input.reason ?? null,
    enteredBy: user.id,
  });
  const cal = await centerCalendar(db, user.centerId);
  const cases = await listCasesCountedThrough(db, user.centerId, schedule.year);
  const hasProposals = await casesWithProposals(
    db,
    cases.filter((c) => c.decidedOn !== null).map((c) => c.id),
  );
  const rulesOn = caseRulesByDate(db, user.centerId);
  let changed = 0;
  let proposals = 0;
  for (const c of cases) {
    const s = recountDeadline(caseStateOf(c, []), cal);
    const patch = {
      deadline: s.deadline,
      isDeadlineProvisional: isDeadlineProvisional(cal, s.acceptedOn, s.deadline),
      ...decisionDays(s, cal),
    };
    const isSame =
      patch.deadline === c.deadline &&
      patch.isDeadlineProvisional === c.isDeadlineProvisional &&
      (patch.overdueDays ?? c.overdueDays) === c.overdueDays &&
      (patch.handlingDays ?? c.handlingDays) === c.handlingDays;
    if (isSame) continue;
    changed++;
    await updateCase(db, c.id, patch);
    await audit(db, user, 'case', c.id, 'recountDeadline', c, { ...c, ...patch });
    if (s.decidedOn && !hasProposals.has(c.id)) {
      const proposed = overdueProposalsOf(c, s, cal, await rulesOn(s.decidedOn));
      await insertSanctionProposals(db, proposed);
      proposals += proposed.length;
    }
  }
  const result = { year: schedule.year, recounted: cases.length, changed, proposals };
  await audit(db, user, 'calendarYear', schedule.year, before ? 'correct' : 'enter', before, {
    ...saved,
    ...result,
  });
  return result;
}
