import type { TFollowUpStatus } from '@chuangkou/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { num } from '../client.ts';
import type { ServiceRatingFollowUpsTable } from './case.tables.ts';

/** 差评回访整改: the follow-up of a poor service rating, open until a supervisor closes it. */
export interface TFollowUp {
  id: number;
  caseId: number;
  serviceRatingId: number;
  centerId: number;
  openedOn: string;
  dueOn: string;
  status: TFollowUpStatus;
  closedOn: string | null;
  closedBy: number | null;
  note: string | null;
}

const followUpRowToFollowUp = (r: Selectable<ServiceRatingFollowUpsTable>): TFollowUp => ({
  id: r.id,
  caseId: r.case_id,
  serviceRatingId: r.service_rating_id,
  centerId: r.center_id,
  openedOn: r.opened_on,
  dueOn: r.due_on,
  status: r.status,
  closedOn: r.closed_on,
  closedBy: r.closed_by,
  note: r.note,
});

export async function insertFollowUp(
  db: Db,
  f: { caseId: number; serviceRatingId: number; centerId: number; openedOn: string; dueOn: string },
): Promise<TFollowUp> {
  const row = await db
    .insertInto('service_rating_follow_ups')
    .values({
      case_id: f.caseId,
      service_rating_id: f.serviceRatingId,
      center_id: f.centerId,
      opened_on: f.openedOn,
      due_on: f.dueOn,
      status: 'open',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return followUpRowToFollowUp(row);
}

export async function findFollowUp(db: Db, id: number): Promise<TFollowUp | undefined> {
  const r = await db
    .selectFrom('service_rating_follow_ups')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && followUpRowToFollowUp(r);
}

/** A follow-up with the case and rating it is about, as the supervisors' list shows it. */
export interface TFollowUpListRow extends TFollowUp {
  acceptanceCode: string | null;
  matterName: string;
  windowName: string;
  staffName: string | null;
  level: number;
  comment: string | null;
}

/** Follow-ups by due date (at most 1,000), of a center or one window. */
export async function listFollowUps(
  db: Db,
  f: { centerId: number; status?: TFollowUpStatus | undefined; windowId?: number | undefined },
): Promise<TFollowUpListRow[]> {
  let q = db
    .selectFrom('service_rating_follow_ups as f')
    .innerJoin('cases', 'cases.id', 'f.case_id')
    .innerJoin('service_ratings as r', 'r.id', 'f.service_rating_id')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .innerJoin('windows', 'windows.id', 'cases.window_id')
    .leftJoin('staff', 'staff.id', 'cases.staff_id')
    .selectAll('f')
    .select([
      'cases.acceptance_code as acceptance_code',
      'matters.name as matter_name',
      'windows.name as window_name',
      'staff.name as staff_name',
      'r.level as level',
      'r.comment as comment',
    ])
    .where('f.center_id', '=', f.centerId);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.windowId !== undefined) q = q.where('cases.window_id', '=', f.windowId);
  const rows = await q.orderBy('f.due_on').orderBy('f.id').limit(1000).execute();
  return rows.map((r) => ({
    acceptanceCode: r.acceptance_code,
    matterName: r.matter_name,
    windowName: r.window_name,
    staffName: r.staff_name,
    level: num(r.level),
    comment: r.comment,
    ...followUpRowToFollowUp(r),
  }));
}

export async function closeFollowUp(
  db: Db,
  id: number,
  c: { closedOn: string; closedBy: number; note: string },
): Promise<void> {
  await db
    .updateTable('service_rating_follow_ups')
    .set({ status: 'closed', closed_on: c.closedOn, closed_by: c.closedBy, note: c.note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}
