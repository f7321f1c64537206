import type { TCase, TCasePatch, TJointDepartmentRecord, TMatter } from '@chuangkou/db';
import {
  decisionDayCounts,
  isDeadlineProvisional,
  RulesError,
  type TCaseState,
  type TWorkCalendar,
} from '@chuangkou/rules';
import { badInput } from '../../errors.ts';

/**
 * The rules' view of a stored case and its joint departments; with its matter, the related departments
 * it may copy and the materials a refusal may not cite.
 */
export function caseStateOf(
  c: TCase,
  joint: readonly TJointDepartmentRecord[],
  matter?: Pick<TMatter, 'relatedDepartments' | 'materials'>,
): TCaseState {
  const flags: TCaseState['flags'] = [];
  if (c.isOneTimeNotificationFailed) flags.push('oneTimeNotificationFailed');
  if (c.isJointDepartmentLate) flags.push('jointDepartmentLate');
  if (c.overdueDays > 0) flags.push('overdue');
  if (c.isSupplementAfterAcceptance) flags.push('supplementAfterAcceptance');
  if (c.isNotifiedLate) flags.push('notifiedLate');
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
    ...(matter && { matterDepartments: matter.relatedDepartments, matterMaterials: matter.materials }),
  };
}

/**
 * What a decision adds to the row: the working days the window took and the working days it was late,
 * on the window's own clock (the time upstairs and a late related department's time not counted).
 */
export function decisionDays(
  s: TCaseState,
  cal: TWorkCalendar,
): Pick<TCasePatch, 'decidedOn' | 'handlingDays' | 'overdueDays'> {
  const counts = decisionDayCounts(s, cal);
  return s.decidedOn && counts ? { decidedOn: s.decidedOn, ...counts } : {};
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
    isSupplementAfterAcceptance: s.flags.includes('supplementAfterAcceptance'),
    isNotifiedLate: s.flags.includes('notifiedLate'),
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
