import { OPEN_CASE_STAGES, type TCaseStage, type TCaseType } from '@chuangkou/rules';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import { statementParts } from '../statement-sizes.ts';
import {
  CASE_COLUMNS,
  caseRowToCase,
  newCaseRow,
  patchColumns,
  type TCase,
  type TCasePatch,
  type TNewCase,
} from './case.row.ts';
import { applyRollup, rollupDelta } from './case-rollup.ts';

export * from './case.row.ts';

const rollupFacts = (c: TNewCase | TCase) => ({
  centerId: c.centerId,
  unitId: c.unitId,
  windowId: c.windowId,
  type: c.type,
  receivedOn: c.receivedOn,
  promisedDays: c.promisedDays,
  decidedOn: c.decidedOn ?? null,
  handlingDays: c.handlingDays ?? null,
  overdueDays: c.overdueDays ?? 0,
});

/**
 * Inserts cases (multi-row, 500 a statement) and counts them in the daily rollup in the same call;
 * returns their ids in input order.
 */
export async function insertCases(db: Db, cases: readonly TNewCase[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < cases.length; i += 500) {
    const rows = await db
      .insertInto('cases')
      .values(cases.slice(i, i + 500).map(newCaseRow))
      .returning('id')
      .execute();
    // both dialects return the rows of a multi-row insert in VALUES order
    for (const r of rows) ids.push(r.id);
  }
  await applyRollup(
    db,
    cases.map((c) => rollupDelta(rollupFacts(c), 1)),
  );
  return ids;
}

export async function findCase(db: Db, id: number): Promise<TCase | undefined> {
  const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return r && caseRowToCase(r);
}

/** The case behind an acceptance code, with the hash to check (the public status query). */
export async function findCaseByCode(
  db: Db,
  code: string,
): Promise<{ case: TCase; queryPasswordHash: string | null } | undefined> {
  const r = await db.selectFrom('cases').selectAll().where('acceptance_code', '=', code).executeTakeFirst();
  return r && { case: caseRowToCase(r), queryPasswordHash: r.query_password_hash };
}

/** Which of these acceptance codes are already used. */
export async function takenAcceptanceCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of statementParts(codes, 500)) {
    const rows = await db
      .selectFrom('cases')
      .select('acceptance_code')
      .where('acceptance_code', 'in', part)
      .execute();
    for (const r of rows) if (r.acceptance_code !== null) taken.add(r.acceptance_code);
  }
  return taken;
}

/** The center's cases behind these acceptance codes, by code. */
export async function findCasesByCodes(
  db: Db,
  centerId: number,
  codes: readonly string[],
): Promise<Map<string, TCase>> {
  const out = new Map<string, TCase>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where('center_id', '=', centerId)
      .where('acceptance_code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.acceptance_code !== null) out.set(r.acceptance_code, caseRowToCase(r));
  }
  return out;
}

export async function isAcceptanceCodeTaken(db: Db, code: string): Promise<boolean> {
  const r = await db.selectFrom('cases').select('id').where('acceptance_code', '=', code).executeTakeFirst();
  return r !== undefined;
}

/** The day the first case of the database was received, or null without cases. */
export async function firstCaseDay(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.min('received_on').as('day'))
    .executeTakeFirst();
  return r?.day ?? null;
}

/** Whether a patch changes what the rollup counts (the decision and its days). */
const touchesRollup = (p: TCasePatch) =>
  p.decidedOn !== undefined || p.handlingDays !== undefined || p.overdueDays !== undefined;

/**
 * Writes a step's changes, and moves the case in the rollup when its decision changes. With
 * `expectVersion` (the `version` read before the step) the row is changed only if nobody changed it
 * meanwhile (two clerks acting on one case at once: the second gets false and nothing is written).
 */
export async function updateCase(
  db: Db,
  id: number,
  patch: TCasePatch,
  expectVersion?: string | null,
): Promise<boolean> {
  const before = touchesRollup(patch) ? await findCase(db, id) : undefined;
  let q = db
    .updateTable('cases')
    .set({ ...patchColumns(patch), version: `${nowIso()}#${Math.random().toString(36).slice(2, 8)}` })
    .where('id', '=', id);
  if (expectVersion !== undefined) {
    q = expectVersion === null ? q.where('version', 'is', null) : q.where('version', '=', expectVersion);
  }
  const r = await q.executeTakeFirst();
  const isWritten = Number(r.numUpdatedRows) === 1;
  if (isWritten && before) {
    const after: TCase = {
      ...before,
      decidedOn: patch.decidedOn !== undefined ? patch.decidedOn : before.decidedOn,
      handlingDays: patch.handlingDays !== undefined ? patch.handlingDays : before.handlingDays,
      overdueDays: patch.overdueDays ?? before.overdueDays,
    };
    await applyRollup(db, [rollupDelta(rollupFacts(before), -1), rollupDelta(rollupFacts(after), 1)]);
  }
  return isWritten;
}

/** A case in the registry, with the names the dashboard shows. */
export interface TCaseListRow extends TCase {
  matterName: string;
  windowName: string;
  staffName: string | null;
}

export interface TCaseFilter {
  centerId: number;
  windowId?: number | undefined;
  staffId?: number | undefined;
  matterId?: number | undefined;
  type?: TCaseType | undefined;
  stages?: readonly TCaseStage[] | undefined;
  /** the day the applicant came, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  isOverdue?: boolean | undefined;
  isFlagged?: boolean | undefined;
  acceptanceCode?: string | undefined;
  limit?: number | undefined;
  /** id below which to continue (newest first) */
  beforeId?: number | undefined;
}

const CASE_LIST_COLUMNS = CASE_COLUMNS.map((c) => `cases.${c}` as const);

/** The registry, newest first. */
export async function listCases(db: Db, f: TCaseFilter): Promise<TCaseListRow[]> {
  let q = db
    .selectFrom('cases')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .innerJoin('windows', 'windows.id', 'cases.window_id')
    .leftJoin('staff', 'staff.id', 'cases.staff_id')
    .select(CASE_LIST_COLUMNS)
    .select(['matters.name as matter_name', 'windows.name as window_name', 'staff.name as staff_name'])
    .where('cases.center_id', '=', f.centerId);
  if (f.windowId !== undefined) q = q.where('cases.window_id', '=', f.windowId);
  if (f.staffId !== undefined) q = q.where('cases.staff_id', '=', f.staffId);
  if (f.matterId !== undefined) q = q.where('cases.matter_id', '=', f.matterId);
  if (f.type !== undefined) q = q.where('cases.type', '=', f.type);
  if (f.stages && f.stages.length > 0) q = q.where('cases.stage', 'in', f.stages);
  if (f.from !== undefined) q = q.where('cases.received_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('cases.received_on', '<=', f.to);
  if (f.isOverdue) q = q.where('cases.overdue_days', '>', 0);
  if (f.isFlagged)
    q = q.where((eb) =>
      eb.or([
        eb('cases.is_one_time_notification_failed', '=', 1),
        eb('cases.is_joint_department_late', '=', 1),
        eb('cases.overdue_days', '>', 0),
      ]),
    );
  if (f.acceptanceCode !== undefined) q = q.where('cases.acceptance_code', '=', f.acceptanceCode);
  if (f.beforeId !== undefined) q = q.where('cases.id', '<', f.beforeId);
  const rows = await q
    .orderBy('cases.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    matterName: r.matter_name,
    windowName: r.window_name,
    staffName: r.staff_name,
    ...caseRowToCase(r),
  }));
}

/** How many open cases one read of `openCasesInChunks` takes. */
export const OPEN_CASES_CHUNK = 500;

/**
 * The open cases (clock running, or waiting upstairs) of a center or a part of it, what the alerts
 * read: chunk by chunk, a stage at a time, each chunk read along an index (scope, stage, id) after the
 * last id of the one before, and the event loop let go between chunks. So no read holds the server for
 * more than one chunk, however many cases are open.
 */
export async function* openCasesInChunks(
  db: Db,
  f: { centerId: number; windowId?: number | undefined; staffId?: number | undefined },
  chunk = OPEN_CASES_CHUNK,
): AsyncGenerator<TCaseListRow[]> {
  for (const stage of OPEN_CASE_STAGES) {
    let beforeId: number | undefined;
    for (;;) {
      const rows = await listCases(db, {
        centerId: f.centerId,
        windowId: f.windowId,
        staffId: f.staffId,
        stages: [stage],
        beforeId,
        limit: chunk,
      });
      // awaiting materials before the official acceptance, the clock has not started
      const open = rows.filter((r) => r.stage !== 'awaitingMaterials' || r.acceptedOn !== null);
      if (open.length > 0) yield open;
      if (rows.length < chunk) break;
      beforeId = rows[rows.length - 1]!.id;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** The open cases of a center or a part of it, all of them (read in chunks: `openCasesInChunks`). */
export async function listOpenCases(
  db: Db,
  f: { centerId: number; windowId?: number | undefined; staffId?: number | undefined },
): Promise<TCaseListRow[]> {
  const out: TCaseListRow[] = [];
  for await (const rows of openCasesInChunks(db, f)) out.push(...rows);
  return out.sort((a, b) => b.id - a.id);
}

/**
 * The cases of a center whose deadline was counted through `year` (or is provisional): the ones to
 * recount when the year's schedule is entered or corrected.
 */
export async function listCasesCountedThrough(db: Db, centerId: number, year: number): Promise<TCase[]> {
  return listCasesCountedOver(db, centerId, `${year}-01-01`, `${year}-12-31`);
}

/**
 * The cases with a running or counted clock whose count may cross a day from `first` to `last`
 * (accepted by `last`, with a deadline or a decision on or after `first`), and every provisional
 * (暂定) one: what a calendar change (a year, or a single date) has to count again.
 */
export async function listCasesCountedOver(
  db: Db,
  centerId: number,
  first: string,
  last: string,
): Promise<TCase[]> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('accepted_on', 'is not', null)
    .where('deadline', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('is_deadline_provisional', '=', 1),
        eb.and([
          eb('accepted_on', '<=', last),
          eb.or([eb('deadline', '>=', first), eb('decided_on', '>=', first)]),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(caseRowToCase);
}
