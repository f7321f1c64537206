import { sql } from 'kysely';
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

/** The most lists one page is merged from (SQLite allows 500 terms in a compound select). */
const PAGE_BRANCHES_MAX = 100;

/**
 * One list a person's or a window's page is merged from: a person's own records (along
 * `conduct_records_staff_page`), or a window's window-level records, those with no person on them
 * (along `conduct_records_window_level_page`); the window is given or is a person's window.
 */
type TRecordBranch = { staffId: number } | { windowId: number } | { windowOfStaffId: number };

/**
 * The filters every list shares: the center, the period, the window, the kind, the cursor. In a
 * branch of a person's or a window's page the center is a filter only (`+center_id`, which no index
 * serves), so the planner walks the branch's own index, never the center's.
 */
function filtered(db: Db, f: TRecordFilter, isBranch = false) {
  let q = db
    .selectFrom('conduct_records')
    .selectAll()
    .where(isBranch ? sql<number>`+${sql.ref('center_id')}` : sql.ref('center_id'), '=', f.centerId);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (f.before !== undefined) {
    const { date, id } = f.before;
    q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(date, id)));
  }
  if (f.scheme) q = q.where('scheme', '=', f.scheme);
  if (f.status) q = q.where('status', '=', f.status);
  return q;
}

/**
 * The lists a page is merged from: a person's own records and their window's window-level ones; a
 * window's people's records (wherever the record was written) and its window-level ones. `undefined`
 * for the center's list (one index, one list), and for a set of windows with more people than a page
 * merges from, or a person and windows at once (read as one list, which sorts).
 */
async function branchesOf(db: Db, f: TRecordFilter): Promise<TRecordBranch[] | undefined> {
  if (f.staffId !== undefined && f.windowIds !== undefined) return undefined;
  if (f.staffId !== undefined) return [{ staffId: f.staffId }, { windowOfStaffId: f.staffId }];
  if (f.windowIds === undefined) return undefined;
  if (f.windowIds.length === 0) return [];
  const people = await db
    .selectFrom('staff')
    .select('id')
    .where('window_id', 'in', f.windowIds)
    .orderBy('id')
    .execute();
  const branches: TRecordBranch[] = [
    ...people.map((p) => ({ staffId: p.id })),
    ...f.windowIds.map((windowId) => ({ windowId })),
  ];
  return branches.length <= PAGE_BRANCHES_MAX ? branches : undefined;
}

/**
 * Records newest first (date, then id), a page of `limit` after the cursor `before`. A person's list
 * and a window's list are each a union of lists that an index orders ({@link TRecordBranch}): each
 * is read a page deep along its index and the pages merged, so a page never sorts a person's or a
 * window's whole history. The rows and their order are those of the one query
 * `staff_id = S or (staff_id is null and window_id = S's window)` ordered by (date, id).
 */
export async function listRecords(db: Db, f: TRecordFilter): Promise<TConductRecord[]> {
  const limit = f.limit ?? 10_000;
  const branches = await branchesOf(db, f);
  if (branches?.length === 0) return [];
  if (branches === undefined) {
    let q = filtered(db, f);
    if (f.staffId !== undefined) {
      const staffId = f.staffId;
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
    if (f.windowIds !== undefined) {
      const windowIds = f.windowIds;
      q = q.where((eb) =>
        eb.or([
          eb('staff_id', 'in', eb.selectFrom('staff').select('id').where('window_id', 'in', windowIds)),
          eb.and([eb('staff_id', 'is', null), eb('window_id', 'in', windowIds)]),
        ]),
      );
    }
    const rows = await q.orderBy('date', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(recordRowToRecord);
  }
  const pages = branches.map((b) => {
    let q = filtered(db, f, true);
    if ('staffId' in b) q = q.where('staff_id', '=', b.staffId);
    else if ('windowId' in b) q = q.where('staff_id', 'is', null).where('window_id', '=', b.windowId);
    else
      q = q
        .where('staff_id', 'is', null)
        .where('window_id', '=', (eb) =>
          eb.selectFrom('staff').select('window_id').where('id', '=', b.windowOfStaffId),
        );
    const page = q.orderBy('date', 'desc').orderBy('id', 'desc').limit(limit);
    return db.selectFrom(page.as('b')).selectAll();
  });
  const rows = await pages
    .slice(1)
    .reduce((all, page) => all.unionAll(page), pages[0]!)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
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
