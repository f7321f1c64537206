import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TAwardKind, TRecordStatus } from '../database.ts';

/** 红旗窗口 (monthly / annual) and 黄牌警告 */
export interface TWindowAward {
  id: number;
  centerId: number;
  windowId: number;
  kind: TAwardKind;
  year: number;
  month: number | null;
  date: string;
  reason: string | null;
  recordId: number | null;
  status: TRecordStatus;
  revokeReason: string | null;
}

export async function insertAward(
  db: Db,
  a: Omit<TWindowAward, 'id' | 'status' | 'revokeReason'> & { createdBy: number | null },
): Promise<TWindowAward> {
  const row = await db
    .insertInto('window_awards')
    .values({
      center_id: a.centerId,
      window_id: a.windowId,
      kind: a.kind,
      year: a.year,
      month: a.month,
      date: a.date,
      reason: a.reason,
      record_id: a.recordId,
      status: 'active',
      created_by: a.createdBy,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const { createdBy: _, ...rest } = a;
  return { ...rest, id: row.id, status: 'active', revokeReason: null };
}

export async function listAwards(
  db: Db,
  f: {
    centerId: number;
    year?: number | undefined;
    fromYear?: number | undefined;
    toYear?: number | undefined;
    windowId?: number | undefined;
    kind?: TAwardKind | undefined;
  },
): Promise<TWindowAward[]> {
  let q = db
    .selectFrom('window_awards')
    .selectAll()
    .where('center_id', '=', f.centerId)
    .where('status', '=', 'active');
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.fromYear !== undefined) q = q.where('year', '>=', f.fromYear);
  if (f.toYear !== undefined) q = q.where('year', '<=', f.toYear);
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const rows = await q.orderBy('date').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    windowId: r.window_id,
    kind: r.kind,
    year: r.year,
    month: r.month,
    date: r.date,
    reason: r.reason,
    recordId: r.record_id,
    status: r.status as TRecordStatus,
    revokeReason: r.revoke_reason,
  }));
}
