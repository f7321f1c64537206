import type { Db } from '../client.ts';
import { bool, nowIso } from '../client.ts';
import type { TRecordScheme, TRecordSource, TRecordStatus } from '../database.ts';

/** A conduct record: a deduction, bonus (scheme 'points') or fine (scheme 'fine'). */
export interface TConductRecord {
  id: number;
  centerId: number;
  scheme: TRecordScheme;
  staffId: number | null;
  windowId: number | null;
  item: string;
  qty: number;
  level: string | null;
  aggravated: boolean;
  date: string;
  note: string | null;
  source: TRecordSource;
  sourceId: number | null;
  status: TRecordStatus;
  revokeReason: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
  recordedBy: number | null;
  createdAt: string;
}

export type TNewConductRecord = Pick<
  TConductRecord,
  | 'centerId'
  | 'scheme'
  | 'staffId'
  | 'windowId'
  | 'item'
  | 'qty'
  | 'level'
  | 'aggravated'
  | 'date'
  | 'note'
  | 'source'
  | 'sourceId'
  | 'recordedBy'
>;

interface TRecordRow {
  id: number;
  center_id: number;
  scheme: TRecordScheme;
  staff_id: number | null;
  window_id: number | null;
  item: string;
  qty: number;
  level: string | null;
  aggravated: number;
  date: string;
  note: string | null;
  source: TRecordSource;
  source_id: number | null;
  status: TRecordStatus;
  revoke_reason: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
  recorded_by: number | null;
  created_at: string;
}

export function recordRowToRecord(r: TRecordRow): TConductRecord {
  return {
    id: r.id,
    centerId: r.center_id,
    scheme: r.scheme,
    staffId: r.staff_id,
    windowId: r.window_id,
    item: r.item,
    qty: Number(r.qty),
    level: r.level,
    aggravated: bool(r.aggravated),
    date: r.date,
    note: r.note,
    source: r.source,
    sourceId: r.source_id,
    status: r.status,
    revokeReason: r.revoke_reason,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  };
}

export async function insertRecord(db: Db, r: TNewConductRecord): Promise<TConductRecord> {
  const createdAt = nowIso();
  const row = await db
    .insertInto('conduct_records')
    .values({
      center_id: r.centerId,
      scheme: r.scheme,
      staff_id: r.staffId,
      window_id: r.windowId,
      item: r.item,
      qty: r.qty,
      level: r.level,
      aggravated: r.aggravated ? 1 : 0,
      date: r.date,
      note: r.note,
      source: r.source,
      source_id: r.sourceId,
      status: 'active',
      recorded_by: r.recordedBy,
      created_at: createdAt,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    ...r,
    id: row.id,
    status: 'active',
    revokeReason: null,
    revokedAt: null,
    revokedBy: null,
    createdAt,
  };
}

export async function findRecord(db: Db, id: number): Promise<TConductRecord | undefined> {
  const row = await db.selectFrom('conduct_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row && recordRowToRecord(row);
}

/** Marks a record revoked with its reason; the row stays. */
export async function revokeRecord(
  db: Db,
  id: number,
  revoke: { reason: string; by: number | null },
): Promise<void> {
  await db
    .updateTable('conduct_records')
    .set({ status: 'revoked', revoke_reason: revoke.reason, revoked_at: nowIso(), revoked_by: revoke.by })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

export interface TRecordFilter {
  centerId: number;
  from?: string | undefined;
  to?: string | undefined;
  staffId?: number | undefined;
  windowId?: number | undefined;
  /** records of these windows' staff, plus window-level records of these windows */
  windowIds?: number[] | undefined;
  scheme?: TRecordScheme | undefined;
  status?: TRecordStatus | undefined;
  limit?: number | undefined;
  /** keyset: continue after this record (newest first: an earlier date, or the same date and a lower id) */
  before?: { date: string; id: number } | undefined;
}

export async function listRecords(db: Db, f: TRecordFilter): Promise<TConductRecord[]> {
  let q = db.selectFrom('conduct_records').selectAll().where('center_id', '=', f.centerId);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.staffId !== undefined) {
    const staffId = f.staffId;
    // a person's records include their window's window-level records (B8, D6)
    q = q.where((eb) =>
      eb.or([
        eb('staff_id', '=', staffId),
        eb.and([
          eb('staff_id', 'is', null),
          eb('window_id', 'in', eb.selectFrom('staff').select('window_id').where('id', '=', staffId)),
        ]),
      ]),
    );
  }
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (f.windowIds !== undefined) {
    const windowIds = f.windowIds;
    // a window's records: its people's (wherever the record was written) and its window-level ones
    q = q.where((eb) =>
      windowIds.length === 0
        ? eb.lit(false)
        : eb.or([
            eb('staff_id', 'in', eb.selectFrom('staff').select('id').where('window_id', 'in', windowIds)),
            eb.and([eb('staff_id', 'is', null), eb('window_id', 'in', windowIds)]),
          ]),
    );
  }
  if (f.before !== undefined) {
    const { date, id } = f.before;
    q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(date, id)));
  }
  if (f.scheme) q = q.where('scheme', '=', f.scheme);
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 10_000)
    .execute();
  return rows.map(recordRowToRecord);
}

export async function countRecords(db: Db): Promise<number> {
  const row = await db
    .selectFrom('conduct_records')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
