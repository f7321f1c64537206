import {
  answerJointDepartment,
  appendCaseEvents,
  type Db,
  findCase,
  findMatter,
  insertJointDepartments,
  insertSanctionProposals,
  listJointDepartments,
  type TCase,
  type TNewSanctionProposal,
  type TUser,
  updateCase,
} from '@chuangkou/db';
import {
  applyCaseEvent,
  jointDepartmentDue,
  lateDepartmentReferrals,
  proposeOverdueSanctions,
  type TCaseEvent,
  type TCaseRules,
  type TCaseState,
  type TWorkCalendar,
} from '@chuangkou/rules';
import { conflict } from '../../errors.ts';
import { audit } from '../audit.ts';
import { centerCalendar } from '../calendar.service.ts';
import { assertNotFutureDate } from '../periods.ts';
import { caseForUser } from './case-access.ts';
import { caseRulesInForce } from './case-rules.ts';
import { caseStateOf, decisionDays, patchOf } from './case-state.ts';

/** A step as the API takes it: the rules' event plus what only the record keeps (texts). */
export type TStepInput =
  | Exclude<TCaseEvent, { kind: 'jointAnswer' } | { kind: 'fileExplanation' }>
  | { kind: 'jointAnswer'; on: string; department: string; opinion?: string | undefined }
  | { kind: 'fileExplanation'; on: string; explanation: string };

/**
 * The overdue proposals of a case decided late, under the case rules in force on the decision day
 * (policy D: B5 per overdue working day, F3 per case), for the first responsible person.
 */
export function overdueProposalsOf(
  c: Pick<TCase, 'id' | 'centerId' | 'staffId'>,
  s: TCaseState,
  cal: TWorkCalendar,
  rules: TCaseRules,
): TNewSanctionProposal[] {
  return proposeOverdueSanctions(s, cal, rules).map((p) => ({
    caseId: c.id,
    centerId: c.centerId,
    staffId: c.staffId,
    item: p.item,
    qty: p.qty,
    day: p.date,
    reason: p.reason,
  }));
}

const eventOf = (step: TStepInput): TCaseEvent =>
  step.kind === 'jointAnswer'
    ? { kind: 'jointAnswer', on: step.on, department: step.department }
    : step.kind === 'fileExplanation'
      ? { kind: 'fileExplanation', on: step.on }
      : step;

/**
 * Applies one step of the workflow to a stored case: the rules decide whether it is allowed and what
 * changes; this writes the change (the rollup moves with a decision), the event, the audit entry and,
 * for a case decided late, the proposals of the case rules (never records: a supervisor confirms them).
 */
export async function stepCase(
  db: Db,
  user: TUser,
  today: string,
  id: number,
  step: TStepInput,
): Promise<TCase> {
  assertNotFutureDate(step.on, today, 'on');
  const before = await caseForUser(db, user, id);
  const joint = before.type === 'joint' ? await listJointDepartments(db, id) : [];
  const [cal, matter] = await Promise.all([
    centerCalendar(db, user.centerId),
    findMatter(db, before.matterId),
  ]);
  const next = applyCaseEvent(caseStateOf(before, joint, matter), eventOf(step), cal);
  const patch = { ...patchOf(next, cal), ...(step.kind === 'decide' && decisionDays(next, cal)) };
  if (step.kind === 'fileExplanation') patch.explanation = step.explanation;
  const isWritten = await updateCase(db, id, patch, before.version);
  if (!isWritten) throw conflict('该办件刚被他人处理，请刷新后重试', 'id');

  if (step.kind === 'copyJoint') {
    await insertJointDepartments(
      db,
      user.centerId,
      step.departments.map((d) => ({
        caseId: id,
        department: d.department,
        limitDays: d.limitDays,
        copiedOn: step.on,
        dueOn: jointDepartmentDue({ copiedOn: step.on, limitDays: d.limitDays }, cal),
      })),
    );
  }
  let referral: { lateWorkingDays: number; referredTo: string } | undefined;
  if (step.kind === 'jointAnswer') {
    // 规程 三、3: a late related department is recorded against itself (纪检监察), not the lead's clerk
    referral = lateDepartmentReferrals(next, cal).find((r) => r.department === step.department);
    await answerJointDepartment(db, id, step.department, {
      on: step.on,
      opinion: step.opinion ?? null,
      lateDays: referral?.lateWorkingDays ?? 0,
    });
  }
  if (step.kind === 'decide') {
    const rules = await caseRulesInForce(db, user.centerId, step.on);
    await insertSanctionProposals(db, overdueProposalsOf(before, next, cal, rules));
  }
  const { kind, on, ...details } = step;
  const payload = referral
    ? { ...details, lateWorkingDays: referral.lateWorkingDays, referredTo: referral.referredTo }
    : details;
  await appendCaseEvents(db, [
    { caseId: id, centerId: user.centerId, kind, day: on, payload, userId: user.id },
  ]);
  const after = (await findCase(db, id))!;
  await audit(db, user, 'case', id, kind, before, after);
  return after;
}
