import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TPatrolSession, TRecordStatus } from '../database.ts';

/** 巡查表: the day's sheet, who signed it and whether the signed paper copy was filed. */
export interface TPatrolSheet {
  id: number;
  centerId: number;
  date: string;
  dutyLeader: string;
  inspectors: string;
  /** when the signed paper copy was filed (null: not yet) */
  filedAt: string | null;
  filedByName: string | null;
}

/** A finding on the sheet with the state of the record or fine it became. */
export interface TPatrolSheetFinding {
  id: number;
  session: TPatrolSession;
  clause: string;
  finding: string;
  staffId: number | null;
  staffName: string | null;
  windowId: number | null;
  windowName: string | null;
  recordId: number | null;
  qty: number | null;
  /** the record's status: a finding corrected away is revoked with its reason, never deleted */
  status: TRecordStatus;
  revokeReason: string | null;
  revokedAt: string | null;
}

/** The day's sheet: its signers, the sessions recorded and every finding, corrected ones included. */
export interface TPatrolSheetDay {
  sheet: TPatrolSheet;
  sessions: TPatrolSession[];
  findings: TPatrolSheetFinding[];
}

/** A day in the list of sheets: its signers, filing and the findings in force per session. */
export interface TPatrolSheetSummary extends TPatrolSheet {
  sessions: TPatrolSession[];
  activeFindings: number;
  revokedFindings: number;
}

function sheetQuery(db: Db) {
  return db
    .selectFrom('patrol_sheets as s')
    .leftJoin('users as u', 'u.id', 's.filed_by')
    .select([
      's.id',
      's.center_id',
      's.date',
      's.duty_leader',
      's.inspectors',
      's.filed_at',
      'u.display_name as filed_by_name',
    ]);
}

type TSheetRow = {
  id: number;
  center_id: number;
  date: string;
  duty_leader: string;
  inspectors: string;
  filed_at: string | null;
  filed_by_name: string | null;
};

function sheetRowToSheet(r: TSheetRow): TPatrolSheet {
  return {
    id: r.id,
    centerId: r.center_id,
    date: r.date,
    dutyLeader: r.duty_leader,
    inspectors: r.inspectors,
    filedAt: r.filed_at,
    filedByName: r.filed_by_name,
  };
}

export async function findPatrolSheet(
  db: Db,
  centerId: number,
  date: string,
): Promise<TPatrolSheet | undefined> {
  const row = await sheetQuery(db)
    .where('s.center_id', '=', centerId)
    .where('s.date', '=', date)
    .executeTakeFirst();
  return row ? sheetRowToSheet(row) : undefined;
}

export async function insertPatrolSheet(
  db: Db,
  s: {
    centerId: number;
    date: string;
    dutyLeader: string;
    inspectors: string;
    createdBy: number | null;
    filedAt?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('patrol_sheets')
    .values({
      center_id: s.centerId,
      date: s.date,
      duty_leader: s.dutyLeader,
      inspectors: s.inspectors,
      filed_at: s.filedAt ?? null,
      filed_by: s.filedAt ? s.createdBy : null,
      created_by: s.createdBy,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePatrolSheetSigners(
  db: Db,
  id: number,
  s: { dutyLeader: string; inspectors: string },
): Promise<void> {
  await db
    .updateTable('patrol_sheets')
    .set({ duty_leader: s.dutyLeader, inspectors: s.inspectors })
    .where('id', '=', id)
    .execute();
}

/** Marks the signed paper copy filed (`filed` by a user), or not filed (null) once the sheet changed. */
export async function setPatrolSheetFiled(db: Db, id: number, filed: { by: number } | null): Promise<void> {
  await db
    .updateTable('patrol_sheets')
    .set(filed ? { filed_at: nowIso(), filed_by: filed.by } : { filed_at: null, filed_by: null })
    .where('id', '=', id)
    .execute();
}

/** The sheet of a day with its sessions and findings (each with its record's state), or undefined. */
export async function readPatrolSheet(
  db: Db,
  centerId: number,
  date: string,
): Promise<TPatrolSheetDay | undefined> {
  const sheet = await findPatrolSheet(db, centerId, date);
  if (!sheet) return undefined;
  const sessions = await db
    .selectFrom('patrols')
    .select('session')
    .where('center_id', '=', centerId)
    .where('date', '=', date)
    .orderBy('session', 'desc')
    .execute();
  const rows = await db
    .selectFrom('patrol_findings as f')
    .innerJoin('patrols as p', 'p.id', 'f.patrol_id')
    .leftJoin('conduct_records as r', 'r.id', 'f.record_id')
    .leftJoin('staff as st', 'st.id', 'f.staff_id')
    .leftJoin('windows as w', 'w.id', 'f.window_id')
    .select([
      'f.id',
      'p.session',
      'f.clause',
      'f.finding',
      'f.staff_id',
      'st.name as staff_name',
      'f.window_id',
      'w.name as window_name',
      'f.record_id',
      'r.qty',
      'r.status',
      'r.revoke_reason',
      'r.revoked_at',
    ])
    .where('p.center_id', '=', centerId)
    .where('p.date', '=', date)
    .orderBy('f.id')
    .execute();
  return {
    sheet,
    sessions: sessions.map((s) => s.session),
    findings: rows.map((r) => ({
      id: r.id,
      session: r.session,
      clause: r.clause,
      finding: r.finding,
      staffId: r.staff_id,
      staffName: r.staff_name,
      windowId: r.window_id,
      windowName: r.window_name,
      recordId: r.record_id,
      qty: r.qty === null ? null : Number(r.qty),
      status: r.status ?? 'active',
      revokeReason: r.revoke_reason,
      revokedAt: r.revoked_at,
    })),
  };
}

/** The sheets of a date range, newest first, with their sessions and counts of findings. */
export async function listPatrolSheets(
  db: Db,
  f: { centerId: number; from: string; to: string },
): Promise<TPatrolSheetSummary[]> {
  const sheets = await sheetQuery(db)
    .where('s.center_id', '=', f.centerId)
    .where('s.date', '>=', f.from)
    .where('s.date', '<=', f.to)
    .orderBy('s.date', 'desc')
    .limit(400)
    .execute();
  if (sheets.length === 0) return [];
  const counts = await db
    .selectFrom('patrols as p')
    .leftJoin('patrol_findings as f', 'f.patrol_id', 'p.id')
    .leftJoin('conduct_records as r', 'r.id', 'f.record_id')
    .select((eb) => [
      'p.date',
      'p.session',
      eb.fn.count<number>('f.id').as('findings'),
      eb.fn.count<number>('r.revoked_at').as('revoked'),
    ])
    .where('p.center_id', '=', f.centerId)
    .where('p.date', '>=', f.from)
    .where('p.date', '<=', f.to)
    .groupBy(['p.date', 'p.session'])
    .execute();
  return sheets.map((row) => {
    const day = counts.filter((c) => c.date === row.date);
    const findings = day.reduce((sum, c) => sum + Number(c.findings), 0);
    const revoked = day.reduce((sum, c) => sum + Number(c.revoked), 0);
    return {
      sessions: day
        .map((c) => c.session)
        .sort()
        .reverse(),
      activeFindings: findings - revoked,
      revokedFindings: revoked,
      ...sheetRowToSheet(row),
    };
  });
}

/** A finding with the sheet it is on (for a correction). */
export async function findPatrolFinding(
  db: Db,
  id: number,
): Promise<
  { id: number; centerId: number; date: string; session: TPatrolSession; recordId: number | null } | undefined
> {
  const row = await db
    .selectFrom('patrol_findings as f')
    .innerJoin('patrols as p', 'p.id', 'f.patrol_id')
    .select(['f.id', 'p.center_id', 'p.date', 'p.session', 'f.record_id'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, centerId: row.center_id, date: row.date, session: row.session, recordId: row.record_id }
    : undefined;
}
