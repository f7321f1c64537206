import type { TWorkCalendar } from '../calendar/work-calendar.ts';
import { fromEpochDay, type TIsoDate, toEpochDay } from '../shared/dates.ts';
import type { TCaseState, TJointDepartment } from './case-workflow.ts';

// The window's clock (规程 三、2–4): the promised limit counts only the window's own stages. The time a
// 上报件 spends with the upper authority, and the time a 联办件 waits for a related department past that
// department's own limit, are shown but never counted against the lead window's 第一责任人.

/**
 * The last day of a related department's own limit (联办, 规程 三、3): its working days counted from the
 * copy (抄告). The one count the workflow, the clock, the referrals and a calendar recount all use.
 */
export const jointDepartmentDue = (
  j: Pick<TJointDepartment, 'copiedOn' | 'limitDays'>,
  calendar: TWorkCalendar,
): TIsoDate => calendar.addWorkingDays(j.copiedOn, j.limitDays);

/** A span of days the window's clock does not count: from (exclusive) to (inclusive). */
export interface TClockPause {
  kind: 'upstairs' | 'lateDepartment';
  from: TIsoDate;
  to: TIsoDate;
  /** the related department waited for (联办) */
  department?: string;
}

/**
 * The day a decision counts as made: a decision on a day off after the deadline counts as made on the
 * next working day, so deciding on a holiday after the deadline is never 0 days late.
 */
export function countedDecisionDay(on: TIsoDate, deadline: TIsoDate, calendar: TWorkCalendar): TIsoDate {
  if (on <= deadline || calendar.isWorkingDay(on)) return on;
  return calendar.addWorkingDays(on, 1);
}

/** The spans not counted on the window's clock up to `on`. */
export function clockPauses(state: TCaseState, on: TIsoDate, calendar: TWorkCalendar): TClockPause[] {
  const pauses: TClockPause[] = [];
  if (state.type === 'escalated' && state.forwardedOn) {
    const to = state.upperReplyOn ?? on;
    if (to > state.forwardedOn) pauses.push({ kind: 'upstairs', from: state.forwardedOn, to });
  }
  if (state.type === 'joint') {
    for (const j of state.joint) {
      const due = jointDepartmentDue(j, calendar);
      const to = j.answeredOn ?? on;
      if (to > due) pauses.push({ kind: 'lateDepartment', from: due, to, department: j.department });
    }
  }
  return pauses;
}

/** Working days d with from < d ≤ to that fall in at least one pause (overlapping pauses count once). */
function pausedWorkingDays(pauses: readonly TClockPause[], to: TIsoDate, calendar: TWorkCalendar): number {
  const end = toEpochDay(to);
  const spans = pauses
    .map((p) => [toEpochDay(p.from), Math.min(toEpochDay(p.to), end)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    const from = Math.max(a, coveredTo);
    if (b > from) total += calendar.workingDaysBetween(fromEpochDay(from), fromEpochDay(b));
    coveredTo = Math.max(coveredTo, b);
  }
  return total;
}

/** The window's clock on `on`: its own working days used, the days paused, and the days past its limit. */
export interface TWindowClock {
  /** working days counted on the window's clock since the official acceptance */
  usedWorkingDays: number;
  /** working days not counted (upstairs, or waiting for a late related department) */
  pausedWorkingDays: number;
  /** working days past the promised limit on the window's own clock (0 when on time) */
  overdueWorkingDays: number;
  pauses: TClockPause[];
}

/**
 * The window's clock of a case on `on` (a decision day, or today for an open case). Null before the
 * official acceptance (补办 awaited) and once returned.
 */
export function windowClock(state: TCaseState, on: TIsoDate, calendar: TWorkCalendar): TWindowClock | null {
  if (!state.acceptedOn || !state.deadline) return null;
  const day = countedDecisionDay(on, state.deadline, calendar);
  const pauses = clockPauses(state, day, calendar);
  const paused = pausedWorkingDays(pauses, day, calendar);
  const used = Math.max(0, calendar.workingDaysBetween(state.acceptedOn, day) - paused);
  return {
    usedWorkingDays: used,
    pausedWorkingDays: paused,
    overdueWorkingDays: Math.max(0, used - state.promisedDays),
    pauses,
  };
}

/**
 * What a decided case keeps (办结用时, 超期): the working days the window took and the working days it
 * was late, on the window's own clock (the time upstairs and a late related department's time not
 * counted). Without a running clock (补办 awaited, returned) the days from receipt, never late. Null
 * while undecided. The API stores these at the decision, and the demo generator asks the same.
 */
export function decisionDayCounts(
  state: TCaseState,
  calendar: TWorkCalendar,
): { handlingDays: number; overdueDays: number } | null {
  if (!state.decidedOn) return null;
  const clock = windowClock(state, state.decidedOn, calendar);
  return {
    handlingDays: clock
      ? clock.usedWorkingDays
      : Math.max(0, calendar.workingDaysBetween(state.acceptedOn ?? state.receivedOn, state.decidedOn)),
    overdueDays: clock?.overdueWorkingDays ?? 0,
  };
}

/** Working days past the window's own limit on `on` (0 when on time, or before the clock starts). */
export const windowOverdueDays = (state: TCaseState, on: TIsoDate, calendar: TWorkCalendar): number =>
  windowClock(state, on, calendar)?.overdueWorkingDays ?? 0;

/**
 * The last day of the window's limit once the upper authority has replied: the days the window had
 * left when it forwarded, counted from the reply (at least the reply day itself).
 */
export function deadlineAfterReply(state: TCaseState, replyOn: TIsoDate, calendar: TWorkCalendar): TIsoDate {
  if (!state.acceptedOn || !state.forwardedOn) return replyOn;
  const usedBefore = Math.max(0, calendar.workingDaysBetween(state.acceptedOn, state.forwardedOn));
  return calendar.addWorkingDays(replyOn, Math.max(0, state.promisedDays - usedBefore));
}
