import type { TCase, TCasePatch, TJointDepartmentRecord } from '@chuangkou/db';
import { isDeadlineProvisional, RulesError, type TCaseState, type TWorkCalendar } from '@chuangkou/rules';
import { badInput } from '../../errors.ts';

/** The rules' view of a stored case and its joint departments. */
export function caseStateOf(c: TCase, joint: readonly TJointDepartmentRecord[]): TCaseState {
  const flags: TCaseState['flags'] = [];
  if (c.isOneTimeNotificationFailed) flags.push('oneTimeNotificationFailed');
  if (c.isJointDepartmentLate) flags.push('jointDepartmentLate');
  if (c.overdueDays > 0) flags.push('overdue');
  return {
    type: c.type,
    stage: c.stage,
    acceptedBy: c.staffId === null ? '' : String(c.staffId),
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    promisedDays: c.promisedDays,
    deadline: c.deadline,
    supplementCount: c.supplementCount,
    missingMaterials: c.missingMaterials,
    returnReasons: c.returnReasons,
    joint: joint.map((j) => ({
      department: j.department,
      limitDays: j.limitDays,
      copiedOn: j.copiedOn,
      ...(j.answeredOn !== null && { answeredOn: j.answeredOn }),
    })),
    forwardedOn: c.forwardedOn,
    upperReplyOn: c.upperReplyOn,
    explanationFiledOn: c.explanationFiledOn,
    decision: c.decision,
    decidedOn: c.decidedOn,
    notifiedOn: c.notifiedOn,
    pickedUpOn: c.pickedUpOn,
    flags,
  };
}

/** What a decision adds to the row: working days taken and working days late. */
export function decisionDays(
  s: TCaseState,
  cal: TWorkCalendar,
): Pick<TCasePatch, 'decidedOn' | 'handlingDays' | 'overdueDays'> {
  if (!s.decidedOn) return {};
  return {
    decidedOn: s.decidedOn,
    handlingDays: Math.max(0, cal.workingDaysBetween(s.acceptedOn ?? s.receivedOn, s.decidedOn)),
    overdueDays: s.deadline ? cal.overdueWorkingDays(s.deadline, s.decidedOn) : 0,
  };
}

/** The row's new values after a step of the rules (暂定 when the deadline's years are not all covered). */
export function patchOf(s: TCaseState, cal: TWorkCalendar): TCasePatch {
  return {
    stage: s.stage,
    acceptedOn: s.acceptedOn,
    deadline: s.deadline,
    isDeadlineProvisional: isDeadlineProvisional(cal, s.acceptedOn, s.deadline),
    supplementCount: s.supplementCount,
    missingMaterials: s.missingMaterials,
    returnReasons: s.returnReasons,
    isOneTimeNotificationFailed: s.flags.includes('oneTimeNotificationFailed'),
    isJointDepartmentLate: s.flags.includes('jointDepartmentLate'),
    forwardedOn: s.forwardedOn,
    upperReplyOn: s.upperReplyOn,
    explanationFiledOn: s.explanationFiledOn,
    decision: s.decision,
    notifiedOn: s.notifiedOn,
    pickedUpOn: s.pickedUpOn,
  };
}

/**
 * Runs a rules call; a refusal becomes bad input naming the field, under `prefix` when given (the row
 * of an import).
 */
export function atRow<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RulesError) throw badInput(prefix ? `${prefix}.${e.path}` : e.path, e.detailZh);
    throw e;
  }
}
