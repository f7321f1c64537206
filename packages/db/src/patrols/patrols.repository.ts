import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TPatrolSession } from '../database.ts';

/** A section (上午 / 下午) of the day's 巡查表 with its findings in force and the sheet's signers. */
export interface TPatrol {
  id: number;
  centerId: number;
  date: string;
  session: TPatrolSession;
  dutyLeader: string;
  inspectors: string;
  findings: TPatrolFinding[];
}

export interface TPatrolFinding {
  id: number;
  clause: string;
  finding: string;
  staffId: number | null;
  windowId: number | null;
  recordId: number | null;
}

export async function insertPatrol(
  db: Db,
  p: Omit<TPatrol, 'id' | 'findings'> & { createdBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('patrols')
    .values({
      center_id: p.centerId,
      date: p.date,
      session: p.session,
      duty_leader: p.dutyLeader,
      inspectors: p.inspectors,
      created_by: p.createdBy,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPatrolFinding(
  db: Db,
  f: Omit<TPatrolFinding, 'id'> & { patrolId: number },
): Promise<number> {
  const row = await db
    .insertInto('patrol_findings')
    .values({
      patrol_id: f.patrolId,
      clause: f.clause,
      finding: f.finding,
      staff_id: f.staffId,
      window_id: f.windowId,
      record_id: f.recordId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPatrolBySession(
  db: Db,
  centerId: number,
  date: string,
  session: TPatrolSession,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('patrols')
    .select('id')
    .where('center_id', '=', centerId)
    .where('date', '=', date)
    .where('session', '=', session)
    .executeTakeFirst();
}

export async function listPatrols(
  db: Db,
  f: { centerId: number; from: string; to: string },
): Promise<TPatrol[]> {
  // the signers are the day's sheet's (a section keeps what was written when it was first recorded)
  const patrols = await db
    .selectFrom('patrols as p')
    .leftJoin('patrol_sheets as s', (j) =>
      j.onRef('s.center_id', '=', 'p.center_id').onRef('s.date', '=', 'p.date'),
    )
    .select((eb) => [
      'p.id',
      'p.center_id',
      'p.date',
      'p.session',
      eb.fn.coalesce('s.duty_leader', 'p.duty_leader').as('duty_leader'),
      eb.fn.coalesce('s.inspectors', 'p.inspectors').as('inspectors'),
    ])
    .where('p.center_id', '=', f.centerId)
    .where('p.date', '>=', f.from)
    .where('p.date', '<=', f.to)
    .orderBy('p.date', 'desc')
    .orderBy('p.session')
    .limit(2000)
    .execute();
  if (patrols.length === 0) return [];
  // a finding corrected away (its record revoked) is no longer on the sheet in force
  const findings = await db
    .selectFrom('patrol_findings as x')
    .leftJoin('conduct_records as r', 'r.id', 'x.record_id')
    .selectAll('x')
    .where(
      'x.patrol_id',
      'in',
      patrols.map((p) => p.id),
    )
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '!=', 'revoked')]))
    .orderBy('x.id')
    .execute();
  return patrols.map((p) => ({
    id: p.id,
    centerId: p.center_id,
    date: p.date,
    session: p.session,
    dutyLeader: p.duty_leader,
    inspectors: p.inspectors,
    findings: findings
      .filter((x) => x.patrol_id === p.id)
      .map((x) => ({
        id: x.id,
        clause: x.clause,
        finding: x.finding,
        staffId: x.staff_id,
        windowId: x.window_id,
        recordId: x.record_id,
      })),
  }));
}
