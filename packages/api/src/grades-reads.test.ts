import { type DbRoot, insertPeerRating, insertRecord, TEST_DIALECTS } from '@chuangkou/db';
import { quarterRange } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { createCaller } from './root.ts';
import { setupApi, type TApiSetup, TODAY } from './testing/api-test-setup.ts';

type TPlugin = Parameters<DbRoot['withPlugin']>[0];

/** Every statement a handle sends, compiled with its parameters (Kysely's query log, as a plugin). */
class StatementLog implements TPlugin {
  readonly statements: { sql: string; parameters: readonly unknown[] }[] = [];
  constructor(private readonly db: DbRoot) {}
  transformQuery(args: Parameters<TPlugin['transformQuery']>[0]): ReturnType<TPlugin['transformQuery']> {
    const { sql, parameters } = this.db.getExecutor().compileQuery(args.node, args.queryId);
    this.statements.push({ sql, parameters });
    return args.node;
  }
  transformResult(args: Parameters<TPlugin['transformResult']>[0]): ReturnType<TPlugin['transformResult']> {
    return Promise.resolve(args.result);
  }
}

type TQuarterKey = `${number}Q${1 | 2 | 3 | 4}`;

/**
 * The quarter a statement reads: one whose first or last day is among its parameters (records,
 * complaints, assignments), or whose year and quarter are (revisions, peer ratings); else null.
 */
function quarterOfStatement(
  statement: { sql: string; parameters: readonly unknown[] },
  quarters: TQuarterKey[],
): TQuarterKey | null {
  const p = statement.parameters.map(String);
  for (const key of quarters) {
    const [year, quarter] = key.split('Q').map(Number) as [number, 1 | 2 | 3 | 4];
    const { start, end } = quarterRange(year, quarter);
    if (p.includes(start) || p.includes(end)) return key;
    if (/quarter/.test(statement.sql)) {
      for (let i = 0; i + 1 < p.length; i++)
        if (p[i] === String(year) && p[i + 1] === String(quarter)) return key;
    }
  }
  return null;
}

/**
 * 分析 · 等级分布 of an ended quarter computes five drafts' worth of quarters (the quarter, the one
 * before and a year earlier, and each one's history: the quarter before it). The quarter before is
 * both compared and the history of the quarter: its data is read once, by one pass of reads shared by
 * the roster, the window awards on their dates and the engine.
 */
describe.each(TEST_DIALECTS)('the grades question reads each quarter once on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const [head, member] = s.f.staff;
    // a little of everything in the quarters read, so every read has rows
    for (const [date, year, quarter] of [
      ['2025-05-12', 2025, 2],
      ['2025-08-12', 2025, 3],
      ['2026-02-12', 2026, 1],
      ['2026-05-12', 2026, 2],
      ['2026-08-12', 2026, 3],
    ] as const) {
      await insertRecord(s.t.db, {
        centerId: s.f.centerId,
        staffId: member!.id,
        windowId: s.f.windowIds[0],
        scheme: 'points',
        item: 'A4',
        date,
        qty: 1,
        level: null,
        aggravated: false,
        note: null,
        source: 'manual',
        sourceId: null,
        recordedBy: null,
      });
      await insertPeerRating(s.t.db, {
        centerId: s.f.centerId,
        year,
        quarter,
        raterId: head!.id,
        rateeId: member!.id,
        tier: 'good',
      });
    }
  }, 60_000);
  afterAll(() => s.t.destroy());

  it('2026 Q3 compared with Q2 and with 2025 Q3: each quarter’s statements are sent once', async () => {
    const log = new StatementLog(s.t.db);
    const db = s.t.db.withPlugin(log);
    const caller = createCaller(createContextInner({ db, user: s.users.leader, today: () => TODAY }));
    const grades = await caller.analytics.grades({ year: 2026, quarter: 3 });
    expect(grades.current?.assessed).toBeGreaterThan(0);
    expect(grades.previous.value?.assessed).toBeGreaterThan(0);
    expect(grades.lastYear.value?.assessed).toBeGreaterThan(0);

    const quarters: TQuarterKey[] = ['2026Q3', '2026Q2', '2026Q1', '2025Q3', '2025Q2'];
    const perQuarter = Object.fromEntries(quarters.map((q) => [q, 0])) as Record<TQuarterKey, number>;
    for (const statement of log.statements) {
      const q = quarterOfStatement(statement, quarters);
      if (q) perQuarter[q] = (perQuarter[q] ?? 0) + 1;
    }
    // one pass of reads for a quarter: its revisions, assignments, records, complaints and peer ratings
    expect(perQuarter).toEqual({ '2026Q3': 5, '2026Q2': 5, '2026Q1': 5, '2025Q3': 5, '2025Q2': 5 });
    // and the center's windows, units and policy versions once for the whole question
    const reads = (pattern: RegExp) => log.statements.filter((x) => pattern.test(x.sql)).length;
    expect(reads(/from "windows"/)).toBe(1);
    expect(reads(/from "units"/)).toBe(1);
    expect(reads(/from "policies" where "center_id"/)).toBe(1);
    // no statement is sent twice with the same parameters
    const seen = new Map<string, number>();
    for (const x of log.statements) {
      const key = `${x.sql} ${JSON.stringify(x.parameters)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });
});
