import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TComplaintCause, TComplaintChannel } from '../database.ts';

/** 投诉 */
export interface TComplaint {
  id: number;
  centerId: number;
  channel: TComplaintChannel;
  date: string;
  windowId: number | null;
  staffId: number | null;
  content: string;
  status: 'pending' | 'verified';
  isValid: boolean | null;
  cause: TComplaintCause | null;
  verificationNote: string | null;
  verifiedBy: number | null;
  verifiedAt: string | null;
  recordId: number | null;
}

interface TComplaintRow {
  id: number;
  center_id: number;
  channel: TComplaintChannel;
  date: string;
  window_id: number | null;
  staff_id: number | null;
  content: string;
  status: 'pending' | 'verified';
  is_valid: number | null;
  cause: TComplaintCause | null;
  verification_note: string | null;
  verified_by: number | null;
  verified_at: string | null;
  record_id: number | null;
}

export function complaintRowToComplaint(r: TComplaintRow): TComplaint {
  return {
    id: r.id,
    centerId: r.center_id,
    channel: r.channel,
    date: r.date,
    windowId: r.window_id,
    staffId: r.staff_id,
    content: r.content,
    status: r.status,
    isValid: r.is_valid === null ? null : Number(r.is_valid) === 1,
    cause: r.cause,
    verificationNote: r.verification_note,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    recordId: r.record_id,
  };
}

export async function insertComplaint(
  db: Db,
  c: Pick<TComplaint, 'centerId' | 'channel' | 'date' | 'windowId' | 'staffId' | 'content'> & {
    createdBy: number | null;
  },
): Promise<TComplaint> {
  const row = await db
    .insertInto('complaints')
    .values({
      center_id: c.centerId,
      channel: c.channel,
      date: c.date,
      window_id: c.windowId,
      staff_id: c.staffId,
      content: c.content,
      status: 'pending',
      created_by: c.createdBy,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return (await findComplaint(db, row.id))!;
}

export async function findComplaint(db: Db, id: number): Promise<TComplaint | undefined> {
  const row = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  return row && complaintRowToComplaint(row);
}

export async function setComplaintVerification(
  db: Db,
  id: number,
  v: {
    isValid: boolean;
    cause: TComplaintCause | null;
    note: string | null;
    by: number | null;
    recordId: number | null;
  },
): Promise<void> {
  await db
    .updateTable('complaints')
    .set({
      status: 'verified',
      is_valid: v.isValid ? 1 : 0,
      cause: v.cause,
      verification_note: v.note,
      verified_by: v.by,
      verified_at: nowIso(),
      record_id: v.recordId,
    })
    .where('id', '=', id)
    .execute();
}

export async function listComplaints(
  db: Db,
  f: {
    centerId: number;
    from?: string | undefined;
    to?: string | undefined;
    staffId?: number | undefined;
    windowId?: number | undefined;
    isValid?: boolean | undefined;
    /** pending (not yet verified) or verified */
    status?: 'pending' | 'verified' | undefined;
    /** at most this many, newest first (all of them, for the assessments, without) */
    limit?: number | undefined;
    /** keyset: continue after this complaint (an earlier date, or the same date and a lower id) */
    before?: { date: string; id: number } | undefined;
  },
): Promise<TComplaint[]> {
  let q = db.selectFrom('complaints').selectAll().where('center_id', '=', f.centerId);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.staffId !== undefined) q = q.where('staff_id', '=', f.staffId);
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (f.isValid !== undefined) q = q.where('is_valid', '=', f.isValid ? 1 : 0);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.before !== undefined) {
    const { date, id } = f.before;
    q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(date, id)));
  }
  const rows = await q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 5000)
    .execute();
  return rows.map(complaintRowToComplaint);
}
