import type { Db } from '../client.ts';
import { num } from '../client.ts';

/** 联办: a related department copied on a joint case, with its own limit. */
export interface TJointDepartmentRecord {
  caseId: number;
  department: string;
  limitDays: number;
  copiedOn: string;
  dueOn: string;
  answeredOn: string | null;
  opinion: string | null;
  /** working days the answer came late: recorded against the department (规程 三、3, 纪检监察) */
  lateDays: number;
}

export async function insertJointDepartments(
  db: Db,
  centerId: number,
  rows: readonly Omit<TJointDepartmentRecord, 'answeredOn' | 'opinion' | 'lateDays'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('case_joint_departments')
    .values(
      rows.map((r) => ({
        case_id: r.caseId,
        center_id: centerId,
        department: r.department,
        limit_days: r.limitDays,
        copied_on: r.copiedOn,
        due_on: r.dueOn,
      })),
    )
    .execute();
}

/** A department's answer (opinion) on a joint case. */
export async function answerJointDepartment(
  db: Db,
  caseId: number,
  department: string,
  answer: { on: string; opinion: string | null; lateDays: number },
): Promise<void> {
  await db
    .updateTable('case_joint_departments')
    .set({ answered_on: answer.on, opinion: answer.opinion, late_days: answer.lateDays })
    .where('case_id', '=', caseId)
    .where('department', '=', department)
    .execute();
}

/** A related department's due date and late days counted again (the calendar changed). */
export async function recountJointDepartment(
  db: Db,
  caseId: number,
  department: string,
  counted: { dueOn: string; lateDays: number },
): Promise<void> {
  await db
    .updateTable('case_joint_departments')
    .set({ due_on: counted.dueOn, late_days: counted.lateDays })
    .where('case_id', '=', caseId)
    .where('department', '=', department)
    .execute();
}

export async function listJointDepartments(db: Db, caseId: number): Promise<TJointDepartmentRecord[]> {
  return listJointDepartmentsOfCases(db, [caseId]);
}

/** The departments copied on any of these cases, in copy order. */
export async function listJointDepartmentsOfCases(
  db: Db,
  caseIds: readonly number[],
): Promise<TJointDepartmentRecord[]> {
  const out: TJointDepartmentRecord[] = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_joint_departments')
      .selectAll()
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .orderBy('copied_on')
      .orderBy('department')
      .execute();
    for (const r of rows)
      out.push({
        caseId: r.case_id,
        department: r.department,
        limitDays: num(r.limit_days),
        copiedOn: r.copied_on,
        dueOn: r.due_on,
        answeredOn: r.answered_on,
        opinion: r.opinion,
        lateDays: num(r.late_days),
      });
  }
  return out;
}
