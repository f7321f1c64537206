import {
  type Db,
  findPatrolFinding,
  findPatrolSheet,
  listPatrolSheets,
  readPatrolSheet,
  setPatrolSheetFiled,
  type TPatrolSheetDay,
  type TPatrolSheetSummary,
  type TUser,
} from '@chuangkou/db';
import { conflict, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { markSheetChanged } from './patrols.service.ts';
import { assertNotFutureDate, assertRangeBegun } from './periods.ts';
import { revokeRecordWithReason } from './records.service.ts';

/** `patrols.sheet`: the day's 巡查表 with every finding (corrected ones with their reason), or null. */
export async function patrolSheetOf(
  db: Db,
  centerId: number,
  today: string,
  date: string,
): Promise<TPatrolSheetDay | null> {
  assertNotFutureDate(date, today);
  return (await readPatrolSheet(db, centerId, date)) ?? null;
}

/** `patrols.sheets`: the sheets of a range that has begun, newest first (the past days' list). */
export async function patrolSheetsOf(
  db: Db,
  centerId: number,
  today: string,
  range: { from: string; to: string },
): Promise<TPatrolSheetSummary[]> {
  assertRangeBegun(range.from, today);
  return listPatrolSheets(db, { centerId, from: range.from, to: range.to });
}

/**
 * `patrols.revokeFinding`: a finding written in error is corrected by revoking the record or fine it
 * became, with the reason (never deleted; both in the audit log). The sheet shows it struck through.
 */
export async function revokePatrolFinding(
  db: Db,
  user: TUser,
  input: { id: number; reason: string; correctionReason?: string | undefined },
) {
  const finding = await findPatrolFinding(db, input.id);
  if (!finding || finding.centerId !== user.centerId) throw notFound('巡查发现', 'id');
  if (finding.recordId === null) throw conflict('该发现没有对应的记录，无法更正', 'id');
  const record = await revokeRecordWithReason(db, user, {
    id: finding.recordId,
    reason: input.reason,
    correctionReason: input.correctionReason,
  });
  await audit(db, user, 'patrolFinding', finding.id, 'revoke', null, { reason: input.reason });
  const sheet = await findPatrolSheet(db, user.centerId, finding.date);
  if (sheet) await markSheetChanged(db, user, sheet);
  return { id: finding.id, recordId: record.id, status: record.status, revokeReason: record.revokeReason };
}

/** `patrols.file`: the signed paper copy of the day's sheet is filed (归档). */
export async function filePatrolSheet(db: Db, user: TUser, today: string, date: string) {
  assertNotFutureDate(date, today);
  const sheet = await findPatrolSheet(db, user.centerId, date);
  if (!sheet) throw notFound(`${date}的巡查表`, 'date');
  if (sheet.filedAt !== null) throw conflict(`${date}的巡查表纸质签字件已归档`, 'date');
  await setPatrolSheetFiled(db, sheet.id, { by: user.id });
  await audit(db, user, 'patrolSheet', sheet.id, 'file', { filedAt: null }, { date });
  return (await findPatrolSheet(db, user.centerId, date))!;
}
