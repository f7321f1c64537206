import {
  type Db,
  findPatrolBySession,
  findPatrolSheet,
  insertPatrol,
  insertPatrolFinding,
  insertPatrolSheet,
  listPatrols,
  setPatrolSheetFiled,
  type TPatrol,
  type TPatrolSession,
  type TUser,
  updatePatrolSheetSigners,
} from '@chuangkou/db';
import { DomainError } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFutureDate, assertRangeBegun } from './periods.ts';
import { createRecord } from './records.service.ts';

/**
 * `patrols.list`: the patrol records of a date range that has begun (`periodField` names the field of
 * the caller's own input). The patrol form of a day reads through the same function.
 */
export async function listPatrolsFor(
  db: Db,
  centerId: number,
  today: string,
  range: { from: string; to: string },
  periodField = 'from',
): Promise<TPatrol[]> {
  assertRangeBegun(range.from, today, periodField);
  return listPatrols(db, { centerId, from: range.from, to: range.to });
}

export interface TPatrolInput {
  date: string;
  session: TPatrolSession;
  dutyLeader: string;
  inspectors: string;
  findings: {
    clause: string;
    finding: string;
    staffId?: number | undefined;
    windowId?: number | undefined;
    qty?: number | undefined;
    level?: string | undefined;
    aggravated?: boolean | undefined;
  }[];
  correctionReason?: string | undefined;
}

/**
 * The day's sheet, created on its first findings. Signers written anew replace the sheet's (audited);
 * a sheet whose paper copy was filed is marked not filed when it changes, as the copy no longer matches.
 */
async function sheetOfDay(
  db: Db,
  user: TUser,
  input: Pick<TPatrolInput, 'date' | 'dutyLeader' | 'inspectors'>,
) {
  const sheet = await findPatrolSheet(db, user.centerId, input.date);
  if (!sheet) {
    const id = await insertPatrolSheet(db, {
      centerId: user.centerId,
      date: input.date,
      dutyLeader: input.dutyLeader,
      inspectors: input.inspectors,
      createdBy: user.id,
    });
    await audit(db, user, 'patrolSheet', id, 'create', null, input);
    return id;
  }
  if (sheet.dutyLeader !== input.dutyLeader || sheet.inspectors !== input.inspectors) {
    await updatePatrolSheetSigners(db, sheet.id, input);
    await audit(
      db,
      user,
      'patrolSheet',
      sheet.id,
      'sign',
      { dutyLeader: sheet.dutyLeader, inspectors: sheet.inspectors },
      { dutyLeader: input.dutyLeader, inspectors: input.inspectors },
    );
  }
  await markSheetChanged(db, user, sheet);
  return sheet.id;
}

/** A filed sheet that changes is no longer what the filed paper copy says: it is marked not filed. */
export async function markSheetChanged(
  db: Db,
  user: TUser,
  sheet: { id: number; filedAt: string | null },
): Promise<void> {
  if (sheet.filedAt === null) return;
  await setPatrolSheetFiled(db, sheet.id, null);
  await audit(db, user, 'patrolSheet', sheet.id, 'unfile', { filedAt: sheet.filedAt }, { filedAt: null });
}

/**
 * 巡查表: writes findings into a session (上午 / 下午) of the day's sheet, creating the sheet and the
 * session on first use, so the afternoon's findings join the morning's on one sheet. Every finding
 * becomes a record (policy A) or a fine (policy B).
 */
export async function createPatrol(db: Db, user: TUser, today: string, input: TPatrolInput) {
  assertNotFutureDate(input.date, today);
  const sheetId = await sheetOfDay(db, user, input);
  const existing = await findPatrolBySession(db, user.centerId, input.date, input.session);
  const patrolId =
    existing?.id ??
    (await insertPatrol(db, {
      centerId: user.centerId,
      date: input.date,
      session: input.session,
      dutyLeader: input.dutyLeader,
      inspectors: input.inspectors,
      createdBy: user.id,
    }));
  const findings = [];
  for (const [i, f] of input.findings.entries()) {
    const record = await createRecord(
      db,
      user,
      today,
      {
        staffId: f.staffId,
        windowId: f.windowId,
        item: f.clause,
        qty: f.qty,
        level: f.level,
        aggravated: f.aggravated,
        date: input.date,
        note: f.finding,
        correctionReason: input.correctionReason,
      },
      'patrol',
      patrolId,
    ).catch((e: unknown) => {
      // name the finding in the error: findings[2].staffId
      if (e instanceof DomainError) {
        const field = e.field === 'item' ? 'clause' : (e.field ?? 'clause');
        throw new DomainError(e.code, `第${i + 1}条发现：${e.message}`, `findings[${i}].${field}`);
      }
      throw e;
    });
    const id = await insertPatrolFinding(db, {
      patrolId,
      clause: f.clause,
      finding: f.finding,
      staffId: f.staffId ?? null,
      windowId: f.windowId ?? null,
      recordId: record.id,
    });
    findings.push({ id, recordId: record.id, scheme: record.scheme });
  }
  await audit(db, user, 'patrol', patrolId, existing ? 'addFindings' : 'create', null, input);
  return { id: patrolId, sheetId, findings };
}
