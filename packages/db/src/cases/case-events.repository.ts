import type { TCaseEventKind } from '@chuangkou/rules';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import { readJson } from './json-column.ts';

/** A line of a case's event log: acceptance, each step, a reissued query password. */
export interface TCaseEventRecord {
  id: number;
  caseId: number;
  kind: TCaseEventKind;
  /** the step's date */
  day: string;
  payload: Record<string, unknown>;
  userId: number | null;
  /** when it was written */
  at: string;
}

export type TNewCaseEventRecord = Omit<TCaseEventRecord, 'id' | 'at'> & { centerId: number };

/** Appends to the event log (400 rows a statement); the database refuses to change or delete a line. */
export async function appendCaseEvents(db: Db, events: readonly TNewCaseEventRecord[]): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < events.length; i += 400) {
    await db
      .insertInto('case_events')
      .values(
        events.slice(i, i + 400).map((e) => ({
          case_id: e.caseId,
          center_id: e.centerId,
          kind: e.kind,
          day: e.day,
          payload: JSON.stringify(e.payload),
          user_id: e.userId,
          at,
        })),
      )
      .execute();
  }
}

/** The event log of a case, in the order it was written. */
export async function listCaseEvents(db: Db, caseId: number): Promise<TCaseEventRecord[]> {
  const rows = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as TCaseEventKind,
    day: r.day,
    payload: readJson(r.payload, {}),
    userId: r.user_id,
    at: r.at,
  }));
}

/** Of these cases, the events of one kind or by one user (kind, day, user and payload of each, by case). */
export async function caseEventsOfKindOrUser(
  db: Db,
  caseIds: readonly number[],
  kind: TCaseEventKind,
  userId: number,
): Promise<Map<number, Pick<TCaseEventRecord, 'kind' | 'day' | 'userId' | 'payload'>[]>> {
  const out = new Map<number, Pick<TCaseEventRecord, 'kind' | 'day' | 'userId' | 'payload'>[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_events')
      .select(['case_id', 'kind', 'day', 'user_id', 'payload'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .where((eb) => eb.or([eb('kind', '=', kind), eb('user_id', '=', userId)]))
      .execute();
    for (const r of rows) {
      const list = out.get(r.case_id) ?? [];
      list.push({
        kind: r.kind as TCaseEventKind,
        day: r.day,
        userId: r.user_id,
        payload: readJson(r.payload, {}),
      });
      out.set(r.case_id, list);
    }
  }
  return out;
}
