import type { TWorkCalendar } from '../calendar/work-calendar.ts';
import { isSpanCovered } from '../calendar/year-schedule.ts';
import { type TIsoDate, toEpochDay } from '../shared/dates.ts';
import { countedDecisionDay, jointDepartmentDue, windowClock } from './case-clock.ts';
import type { TCaseRules } from './case-rules.schema.ts';
import type { TCaseState } from './case-workflow.ts';

export type TCaseAlert =
  | { kind: 'deadlineNear'; level: 'yellow'; deadline: TIsoDate; workingDaysLeft: number }
  | { kind: 'overdue'; level: 'red'; deadline: TIsoDate; overdueWorkingDays: number }
  | {
      /** 等待上级: the time upstairs, shown and never counted on the window's clock */
      kind: 'awaitingUpper';
      level: 'info';
      forwardedOn: TIsoDate;
      daysWaiting: number;
      /** the explanation to the center, once filed (规程 三、4) */
      explanationFiledOn: TIsoDate | null;
    }
  | { kind: 'explanationDue'; level: 'red'; forwardedOn: TIsoDate; daysWaiting: number }
  | { kind: 'jointLate'; level: 'red'; department: string; due: TIsoDate }
  | { kind: 'notifyDue'; level: 'red'; decidedOn: TIsoDate; deadline: TIsoDate; overdueWorkingDays: number };

/** The last day of the window's limit, moved by the days its clock is paused. */
function effectiveDeadline(state: TCaseState, paused: number, calendar: TWorkCalendar): TIsoDate {
  if (paused === 0 || !state.acceptedOn) return state.deadline!;
  return calendar.addWorkingDays(state.acceptedOn, state.promisedDays + paused);
}

/** Days the case has waited upstairs on `today`, counted as the policy counts them. */
function daysWaitingUpstairs(forwardedOn: TIsoDate, today: TIsoDate, cal: TWorkCalendar, rules: TCaseRules) {
  return rules.escalation.dayKind === 'calendar'
    ? toEpochDay(today) - toEpochDay(forwardedOn)
    : cal.workingDaysBetween(forwardedOn, today);
}

/**
 * The alerts a case raises on `today` under the policy's case rules: yellow before the window's
 * deadline, red after it on the window's own clock (the time upstairs and a late related department's
 * time excluded); 等待上级 while upstairs, with the explanation due or filed; late departments; a
 * decision not yet notified past the limit.
 */
export function caseAlerts(
  state: TCaseState,
  today: TIsoDate,
  calendar: TWorkCalendar,
  rules: TCaseRules,
): TCaseAlert[] {
  const alerts: TCaseAlert[] = [];
  const clockRuns =
    state.stage === 'accepted' ||
    state.stage === 'forwarded' ||
    (state.stage === 'awaitingMaterials' && state.acceptedOn !== null);
  const clock = clockRuns ? windowClock(state, today, calendar) : null;
  if (clock && state.deadline) {
    const deadline = effectiveDeadline(state, clock.pausedWorkingDays, calendar);
    const waitingNow = clock.pauses.some((p) => p.to === today && today > p.from);
    if (clock.overdueWorkingDays > 0) {
      alerts.push({ kind: 'overdue', level: 'red', deadline, overdueWorkingDays: clock.overdueWorkingDays });
    } else if (!waitingNow) {
      const left = calendar.workingDaysBetween(today, deadline);
      if (left <= rules.warnWorkingDays)
        alerts.push({ kind: 'deadlineNear', level: 'yellow', deadline, workingDaysLeft: left });
    }
  }
  if (state.stage === 'forwarded' && state.forwardedOn) {
    const waited = daysWaitingUpstairs(state.forwardedOn, today, calendar, rules);
    alerts.push({
      kind: 'awaitingUpper',
      level: 'info',
      forwardedOn: state.forwardedOn,
      daysWaiting: waited,
      explanationFiledOn: state.explanationFiledOn,
    });
    if (!state.explanationFiledOn && waited > rules.escalation.replyDays) {
      alerts.push({
        kind: 'explanationDue',
        level: 'red',
        forwardedOn: state.forwardedOn,
        daysWaiting: waited,
      });
    }
  }
  if (state.stage === 'accepted') {
    for (const j of state.joint) {
      const due = jointDepartmentDue(j, calendar);
      if (!j.answeredOn && today > due)
        alerts.push({ kind: 'jointLate', level: 'red', department: j.department, due });
    }
  }
  if (state.stage === 'decided' && state.deadline) {
    const late = notificationLateDays(state, today, calendar);
    if (late > 0) {
      const paused = windowClock(state, today, calendar)?.pausedWorkingDays ?? 0;
      alerts.push({
        kind: 'notifyDue',
        level: 'red',
        decidedOn: state.decidedOn!,
        deadline: effectiveDeadline(state, paused, calendar),
        overdueWorkingDays: late,
      });
    }
  }
  return alerts;
}

/**
 * 规程 四、2: an approval is notified within the promised limit; a refusal decided on the spot (the day
 * the applicant came) at once, any other refusal within the limit. The working days by which the
 * notification on `on` (or still missing on `on`) is late, beyond what the decision itself was late.
 */
export function notificationLateDays(state: TCaseState, on: TIsoDate, calendar: TWorkCalendar): number {
  if (!state.decidedOn || !state.deadline) return 0;
  if (state.decision === 'refused' && state.decidedOn === state.receivedOn) {
    if (on <= state.decidedOn) return 0;
    return Math.max(1, calendar.workingDaysBetween(state.decidedOn, on));
  }
  const atDecision = windowClock(state, state.decidedOn, calendar)?.overdueWorkingDays ?? 0;
  const atNotice = windowClock(state, on, calendar)?.overdueWorkingDays ?? 0;
  return Math.max(0, atNotice - atDecision);
}

export interface TOverdueProposal {
  /** the person proposed for the deduction: 第一责任人 unless a supervisor decides otherwise */
  staff: string;
  item: string;
  qty: number;
  date: TIsoDate;
  reason: string;
}

/**
 * When a case was decided late on the window's own clock, proposes what the policy's
 * `overdueSanctions` name (the seed's: the B5 deduction, −3 per overdue working day, and the F3 fine)
 * for a supervisor to confirm or reject. The time upstairs (上报) and the time a related department was
 * late (联办) are not the window's: they never count here. Nothing is deducted here: these are proposals.
 * None while the days counted reach into a year whose holidays the calendar does not hold yet (the
 * deadline is 暂定 there).
 */
export function proposeOverdueSanctions(
  state: TCaseState,
  calendar: TWorkCalendar,
  rules: TCaseRules,
): TOverdueProposal[] {
  if (!state.decidedOn || !state.deadline) return [];
  // a day late is counted only on a known calendar: past the covered years nothing is proposed
  if (!isSpanCovered(calendar, state.acceptedOn ?? state.receivedOn, state.decidedOn)) return [];
  const clock = windowClock(state, state.decidedOn, calendar);
  const days = clock?.overdueWorkingDays ?? 0;
  if (!clock || days === 0) return [];
  const paused =
    clock.pausedWorkingDays > 0 ? `（不计上级审批或相关部门超时 ${clock.pausedWorkingDays} 个工作日）` : '';
  const holiday = calendar.isWorkingDay(state.decidedOn) ? '' : '（办结日为非工作日，按其后第一个工作日计）';
  const reason = `承诺时限 ${state.promisedDays} 个工作日，${state.decidedOn} 办结${holiday}，本窗口用时 ${clock.usedWorkingDays} 个工作日${paused}，超期 ${days} 个工作日`;
  return rules.overdueSanctions.map((s) => ({
    staff: state.acceptedBy,
    item: s.item,
    qty: s.per === 'overdueWorkingDay' ? days : 1,
    date: state.decidedOn!,
    reason,
  }));
}

/** A related department that answered after its own limit: recorded against that department. */
export interface TDepartmentReferral {
  department: string;
  due: TIsoDate;
  answeredOn: TIsoDate;
  lateWorkingDays: number;
  /** 规程 三、3: 无正当理由超时的，由纪检监察部门追究责任 */
  referredTo: '纪检监察';
}

/** The related departments of a 联办件 that answered late, each recorded against itself. */
export function lateDepartmentReferrals(state: TCaseState, calendar: TWorkCalendar): TDepartmentReferral[] {
  return state.joint.flatMap((j) => {
    if (!j.answeredOn) return [];
    const due = jointDepartmentDue(j, calendar);
    if (j.answeredOn <= due) return [];
    const counted = countedDecisionDay(j.answeredOn, due, calendar);
    return [
      {
        department: j.department,
        due,
        answeredOn: j.answeredOn,
        lateWorkingDays: calendar.workingDaysBetween(due, counted),
        referredTo: '纪检监察' as const,
      },
    ];
  });
}
