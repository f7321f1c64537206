import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TSignOffLine } from '../database.ts';

/** One signed line of a month's fines summary (签批). */
export interface TFineSignOff {
  id: number;
  centerId: number;
  year: number;
  month: number;
  line: TSignOffLine;
  userId: number;
  userName: string;
  signedAt: string;
  policyId: number;
  policyVersion: number;
  /** the summary as signed */
  summary: unknown;
}

interface TFineSignOffRow {
  id: number;
  center_id: number;
  year: number;
  month: number;
  line: TSignOffLine;
  user_id: number;
  user_name: string;
  signed_at: string;
  policy_id: number;
  policy_version: number;
  summary: string;
}

export function fineSignOffRowToSignOff(r: TFineSignOffRow): TFineSignOff {
  return {
    id: r.id,
    centerId: r.center_id,
    year: r.year,
    month: r.month,
    line: r.line,
    userId: r.user_id,
    userName: r.user_name,
    signedAt: r.signed_at,
    policyId: r.policy_id,
    policyVersion: r.policy_version,
    summary: JSON.parse(r.summary),
  };
}

/** Stores one signature; the unique key (center, year, month, line) refuses a second one for a line. */
export async function insertFineSignOff(
  db: Db,
  s: Omit<TFineSignOff, 'id' | 'signedAt'>,
): Promise<TFineSignOff> {
  const signedAt = nowIso();
  const row = await db
    .insertInto('fine_sign_offs')
    .values({
      center_id: s.centerId,
      year: s.year,
      month: s.month,
      line: s.line,
      user_id: s.userId,
      user_name: s.userName,
      signed_at: signedAt,
      policy_id: s.policyId,
      policy_version: s.policyVersion,
      summary: JSON.stringify(s.summary),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { ...s, id: row.id, signedAt };
}

/** The signatures of a month, oldest first. */
export async function listFineSignOffs(
  db: Db,
  centerId: number,
  year: number,
  month: number,
): Promise<TFineSignOff[]> {
  const rows = await db
    .selectFrom('fine_sign_offs')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('year', '=', year)
    .where('month', '=', month)
    .orderBy('id')
    .execute();
  return rows.map(fineSignOffRowToSignOff);
}

/** One signed line of a month's supplement (补充汇总). */
export interface TFineSupplementSignOff {
  id: number;
  supplement: number;
  line: TSignOffLine;
  userId: number;
  userName: string;
  signedAt: string;
  /** the month's summary as it stood when 审管科 signed the supplement */
  summary: unknown;
  /** the changes the supplement lists */
  changes: unknown;
}

export async function insertFineSupplementSignOff(
  db: Db,
  s: Omit<TFineSupplementSignOff, 'id' | 'signedAt'> & { centerId: number; year: number; month: number },
): Promise<TFineSupplementSignOff> {
  const signedAt = nowIso();
  const row = await db
    .insertInto('fine_supplement_sign_offs')
    .values({
      center_id: s.centerId,
      year: s.year,
      month: s.month,
      supplement: s.supplement,
      line: s.line,
      user_id: s.userId,
      user_name: s.userName,
      signed_at: signedAt,
      summary: JSON.stringify(s.summary),
      changes: JSON.stringify(s.changes),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    supplement: s.supplement,
    line: s.line,
    userId: s.userId,
    userName: s.userName,
    signedAt,
    summary: s.summary,
    changes: s.changes,
  };
}

/** The supplement signatures of a month, oldest first. */
export async function listFineSupplementSignOffs(
  db: Db,
  centerId: number,
  year: number,
  month: number,
): Promise<TFineSupplementSignOff[]> {
  const rows = await db
    .selectFrom('fine_supplement_sign_offs')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('year', '=', year)
    .where('month', '=', month)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    supplement: r.supplement,
    line: r.line,
    userId: r.user_id,
    userName: r.user_name,
    signedAt: r.signed_at,
    summary: JSON.parse(r.summary),
    changes: JSON.parse(r.changes),
  }));
}
