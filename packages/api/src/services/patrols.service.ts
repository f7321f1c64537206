import {
  type Db,
  findPatrolBySession,
  insertPatrol,
  insertPatrolFinding,
  listPatrols,
  type TPatrol,
  type TPatrolSession,
  type TUser,
} from '@chuangkou/db';
import { conflict, DomainError } from '../errors.ts';
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

/** 巡查表: stores a patrol and turns every finding into a record (policy A) or a fine (policy B). */
export async function createPatrol(db: Db, user: TUser, today: string, input: TPatrolInput) {
  assertNotFutureDate(input.date, today);
  if (await findPatrolBySession(db, user.centerId, input.date, input.session)) {
    throw conflict(`${input.date} ${input.session === 'morning' ? '上午' : '下午'}的巡查表已存在`, 'session');
  }
  const patrolId = await insertPatrol(db, {
    centerId: user.centerId,
    date: input.date,
    session: input.session,
    dutyLeader: input.dutyLeader,
    inspectors: input.inspectors,
    createdBy: user.id,
  });
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
  await audit(db, user, 'patrol', patrolId, 'create', null, input);
  return { id: patrolId, findings };
}
