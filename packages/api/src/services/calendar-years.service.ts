import {
  adjustSanctionProposal,
  type Db,
  decideSanctionProposal,
  findSanctionProposal,
  insertSanctionProposals,
  listCalendarYears,
  listCasesCountedOver,
  listCasesCountedThrough,
  listJointDepartmentsOfCases,
  listProposalsOfCases,
  recountJointDepartment,
  saveCalendarYear,
  setSanctionProposalRecheck,
  type TCase,
  type TJointDepartmentRecord,
  type TNewSanctionProposal,
  type TUser,
  updateCase,
  upsertCalendarDay,
} from '@chuangkou/db';
import {
  CN_OFFICIAL_CALENDAR,
  checkYearSchedule,
  isDeadlineProvisional,
  jointDepartmentDue,
  lateDepartmentReferrals,
  missingCalendarYear,
  recountDeadline,
  recountProposals,
  type TProposalChange,
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
 * What a calendar change counted again: cases recounted and changed, overdue proposals made anew,
 * waiting ones withdrawn (日历更正) or adjusted, confirmed ones flagged for a recheck.
 */
export interface TRecount {
  recounted: number;
  changed: number;
  proposals: number;
  withdrawn: number;
  adjusted: number;
  flagged: number;
}
const NO_RECOUNT: TRecount = {
  recounted: 0,
  changed: 0,
  proposals: 0,
  withdrawn: 0,
  adjusted: 0,
  flagged: 0,
};

/**
 * Enters or corrects a year's schedule (the rules check it), then counts again every deadline counted
 * through that year: 暂定 goes where the calendar now covers the span, a decided case gets its days
 * late again, and its overdue proposals are counted again (`recountCalendarChange`).
 * Run it inside a transaction: the year and the recount are one change.
 */
export async function enterCalendarYear(
  db: Db,
  user: TUser,
  input: TYearScheduleInput & { reason?: string | undefined; source?: string | undefined },
): Promise<{ year: number } & TRecount> {
  const schedule = atRow('', () => checkYearSchedule(input));
  const before = (await listCalendarYears(db, user.centerId)).find((y) => y.year === schedule.year) ?? null;
  const same = (x: Record<string, string>, y: Record<string, string>) =>
    JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
  // the same schedule entered again (an import run twice) changes nothing
  if (before && same(before.holidays, schedule.holidays) && same(before.workdays, schedule.workdays)) {
    return { year: schedule.year, ...NO_RECOUNT };
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
  const counted = await recountCalendarChange(
    db,
    user,
    await listCasesCountedThrough(db, user.centerId, schedule.year),
  );
  const result = { year: schedule.year, ...counted };
  await audit(db, user, 'calendarYear', schedule.year, before ? 'correct' : 'enter', before, {
    ...saved,
    ...result,
  });
  return result;
}

/**
 * Sets one date of the center's calendar (a holiday, or a make-up working day 调休), as an
 * administrator correcting a date does, then counts again every deadline whose count crosses that
 * date, as entering a whole year does. Run it inside a transaction: the date and the recount are one
 * change.
 */
export async function setCalendarDate(
  db: Db,
  user: TUser,
  day: { date: string; isWorking: boolean; note: string | null },
): Promise<{ date: string } & TRecount> {
  await upsertCalendarDay(db, user.centerId, day);
  const counted = await recountCalendarChange(
    db,
    user,
    await listCasesCountedOver(db, user.centerId, day.date, day.date),
  );
  return { date: day.date, ...counted };
}

/**
 * Counts again, on the center's calendar as it now is, the deadlines of these cases and of their
 * related departments (联办, 规程 三、3): the case's deadline and 暂定, the days a decided case took and
 * was late on the window's own clock, each related department's due date and late days (and the case's
 * late-department flag), and a decided case's overdue proposals (`recountProposals`): proposed where
 * now due, a waiting one withdrawn (日历更正) or adjusted, a confirmed one flagged for a recheck. Every
 * changed case and proposal is audited.
 */
async function recountCalendarChange(db: Db, user: TUser, cases: readonly TCase[]): Promise<TRecount> {
  const cal = await centerCalendar(db, user.centerId);
  const proposalsOf = new Map<number, Awaited<ReturnType<typeof listProposalsOfCases>>>();
  for (const p of await listProposalsOfCases(
    db,
    cases.filter((c) => c.decidedOn !== null).map((c) => c.id),
  )) {
    proposalsOf.set(p.caseId, [...(proposalsOf.get(p.caseId) ?? []), p]);
  }
  const jointOf = new Map<number, TJointDepartmentRecord[]>();
  const jointIds = cases.filter((c) => c.type === 'joint').map((c) => c.id);
  for (const j of await listJointDepartmentsOfCases(db, jointIds)) {
    jointOf.set(j.caseId, [...(jointOf.get(j.caseId) ?? []), j]);
  }
  const rulesOn = caseRulesByDate(db, user.centerId);
  const counts = { ...NO_RECOUNT, recounted: cases.length };
  for (const c of cases) {
    const joint = jointOf.get(c.id) ?? [];
    const s = recountDeadline(caseStateOf(c, joint), cal);
    const referrals = lateDepartmentReferrals(s, cal);
    const departments = joint.map((j) => ({
      department: j.department,
      dueOn: jointDepartmentDue(j, cal),
      lateDays: referrals.find((r) => r.department === j.department)?.lateWorkingDays ?? 0,
    }));
    const movedDepartments = departments.filter((d, k) => {
      const j = joint[k]!;
      return d.dueOn !== j.dueOn || d.lateDays !== j.lateDays;
    });
    const patch = {
      deadline: s.deadline,
      isDeadlineProvisional: isDeadlineProvisional(cal, s.acceptedOn, s.deadline),
      ...(c.type === 'joint' && { isJointDepartmentLate: referrals.length > 0 }),
      ...decisionDays(s, cal),
    };
    const isSame =
      movedDepartments.length === 0 &&
      patch.deadline === c.deadline &&
      patch.isDeadlineProvisional === c.isDeadlineProvisional &&
      (patch.isJointDepartmentLate ?? c.isJointDepartmentLate) === c.isJointDepartmentLate &&
      (patch.overdueDays ?? c.overdueDays) === c.overdueDays &&
      (patch.handlingDays ?? c.handlingDays) === c.handlingDays;
    if (isSame) continue;
    counts.changed++;
    await updateCase(db, c.id, patch);
    for (const d of movedDepartments) await recountJointDepartment(db, c.id, d.department, d);
    await audit(
      db,
      user,
      'case',
      c.id,
      'recountDeadline',
      { ...c, joint: joint.map(({ department, dueOn, lateDays }) => ({ department, dueOn, lateDays })) },
      { ...c, ...patch, joint: departments },
    );
    if (s.decidedOn) {
      const now = overdueProposalsOf(c, s, cal, await rulesOn(s.decidedOn));
      const changes = recountProposals(proposalsOf.get(c.id) ?? [], now);
      const applied = await applyProposalChanges(db, user, changes);
      for (const k of ['proposals', 'withdrawn', 'adjusted', 'flagged'] as const) counts[k] += applied[k];
    }
  }
  return counts;
}

const CALENDAR_AUDIT_ACTIONS = {
  withdraw: 'calendarWithdraw',
  adjust: 'calendarAdjust',
  flag: 'calendarRecheck',
  unflag: 'calendarRecheckCleared',
} as const;

/** Writes what a calendar correction does to a case's proposals, each audited; counts them by kind. */
async function applyProposalChanges(
  db: Db,
  user: TUser,
  changes: readonly TProposalChange<TNewSanctionProposal>[],
): Promise<Pick<TRecount, 'proposals' | 'withdrawn' | 'adjusted' | 'flagged'>> {
  const proposed = changes.flatMap((c) => (c.kind === 'propose' ? [c.proposal] : []));
  await insertSanctionProposals(db, proposed);
  for (const change of changes) {
    if (change.kind === 'propose') continue;
    const before = (await findSanctionProposal(db, change.id))!;
    if (change.kind === 'withdraw') {
      await decideSanctionProposal(db, change.id, {
        status: 'rejected',
        by: user.id,
        reason: change.reason,
        recordId: null,
        staffId: before.staffId,
      });
    } else if (change.kind === 'adjust') {
      await adjustSanctionProposal(db, change.id, change);
    } else {
      await setSanctionProposalRecheck(db, change.id, change.kind === 'flag' ? change.recheckReason : null);
    }
    const after = await findSanctionProposal(db, change.id);
    await audit(
      db,
      user,
      'caseSanctionProposal',
      change.id,
      CALENDAR_AUDIT_ACTIONS[change.kind],
      before,
      after,
    );
  }
  const n = (kind: TProposalChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return { proposals: proposed.length, withdrawn: n('withdraw'), adjusted: n('adjust'), flagged: n('flag') };
}
