import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import { statementParts } from '../statement-sizes.ts';
import { newCaseRow, type TNewCase } from './case.row.ts';
import type { TNewCaseEventRecord } from './case-events.repository.ts';
import { applyRollup, rollupDelta } from './case-rollup.ts';
import type { TNewSanctionProposal } from './sanction-proposals.repository.ts';

/** Rows a statement of a bulk insert at most (the parameters stay far below both dialects' limits). */
const ROWS_PER_STATEMENT = 500;

const texts = new Map<string, string>();

/**
 * The text of a multi-row INSERT, made once per table, columns, row count and dialect (the SQLite
 * handle then reuses its prepared statement by this text).
 */
function insertText(isPg: boolean, table: string, columns: readonly string[], n: number, tail: string) {
  const key = `${isPg}|${table}|${columns.join(',')}|${n}|${tail}`;
  let text = texts.get(key);
  if (text === undefined) {
    const w = columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < n; r++) {
      const marks: string[] = [];
      for (let c = 0; c < w; c++) marks.push(isPg ? `$${r * w + c + 1}` : '?');
      tuples.push(`(${marks.join(', ')})`);
    }
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}${tail}`;
    texts.set(key, text);
  }
  return text;
}

/**
 * Inserts rows given as value lists in `columns` order, ROWS_PER_STATEMENT a statement, without
 * building a query object per statement; `tail` ends each statement (`returning …`, `on conflict …`).
 * Returns the rows each statement returned, in order.
 */
async function bulkInsert<R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  tail = '',
): Promise<R[]> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const out: R[] = [];
  for (const part of statementParts(rows, ROWS_PER_STATEMENT)) {
    const params: unknown[] = [];
    for (const r of part) for (const v of r) params.push(v);
    const r = await db.executeQuery<R>(
      CompiledQuery.raw(insertText(isPg, table, columns, part.length, tail), params),
    );
    for (const x of r.rows) out.push(x);
  }
  return out;
}

const CASE_COLUMNS = Object.keys(newCaseRow({} as TNewCase));

/** One imported case with its log and its overdue proposals (their case id is given by the insert). */
export interface TImportedCaseRows {
  case: TNewCase;
  events: readonly Omit<TNewCaseEventRecord, 'caseId'>[];
  proposals: readonly Omit<TNewSanctionProposal, 'caseId'>[];
}

/**
 * Writes a batch of imported cases as `insertCases`, `appendCaseEvents` and `insertSanctionProposals`
 * would (the same rows, the case_daily rollup counted once for the batch), with multi-row statements
 * built without a query object per statement. Returns the cases' ids in input order.
 */
export async function insertImportedCases(db: Db, batch: readonly TImportedCaseRows[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const caseRows = batch.map((b) => Object.values(newCaseRow(b.case)));
  // both dialects return the rows of a multi-row insert in VALUES order
  const ids = (await bulkInsert<{ id: number }>(db, 'cases', CASE_COLUMNS, caseRows, ' returning "id"')).map(
    (r) => r.id,
  );
  const at = nowIso();
  const events: unknown[][] = [];
  const proposals: unknown[][] = [];
  for (const [i, b] of batch.entries()) {
    const caseId = ids[i]!;
    for (const e of b.events)
      events.push([caseId, e.centerId, e.kind, e.day, JSON.stringify(e.payload), e.userId, at]);
    for (const p of b.proposals)
      proposals.push([caseId, p.centerId, p.staffId, p.item, p.qty, p.day, p.reason, 'proposed', at]);
  }
  await bulkInsert(
    db,
    'case_events',
    ['case_id', 'center_id', 'kind', 'day', 'payload', 'user_id', 'at'],
    events,
  );
  await bulkInsert(
    db,
    'case_sanction_proposals',
    ['case_id', 'center_id', 'staff_id', 'item', 'qty', 'day', 'reason', 'status', 'created_at'],
    proposals,
  );
  await applyRollup(
    db,
    batch.map(({ case: c }) =>
      rollupDelta(
        {
          centerId: c.centerId,
          unitId: c.unitId,
          windowId: c.windowId,
          type: c.type,
          receivedOn: c.receivedOn,
          promisedDays: c.promisedDays,
          decidedOn: c.decidedOn ?? null,
          handlingDays: c.handlingDays ?? null,
          overdueDays: c.overdueDays ?? 0,
        },
        1,
      ),
    ),
  );
  return ids;
}

/**
 * The acceptance codes one import has read so far, in a temporary table of its transaction (on disk
 * on SQLite, so memory stays the same however long the file): `record` returns which of the given
 * codes were not there yet and adds them. `close` drops the table before the transaction commits.
 */
export async function openImportCodeSet(db: Db): Promise<{
  record(codes: readonly string[]): Promise<Set<string>>;
  close(): Promise<void>;
}> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql
    .raw(
      isPg
        ? 'create temporary table import_codes (code text primary key) on commit drop'
        : 'create temp table import_codes (code text primary key)',
    )
    .execute(db);
  return {
    async record(codes) {
      const rows = await bulkInsert<{ code: string }>(
        db,
        'import_codes',
        ['code'],
        codes.map((c) => [c]),
        ' on conflict do nothing returning "code"',
      );
      return new Set(rows.map((r) => r.code));
    },
    async close() {
      await sql.raw('drop table import_codes').execute(db);
    },
  };
}
