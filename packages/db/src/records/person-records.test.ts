import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { insertRecord, listRecords, revokeRecord, type TRecordFilter } from './records.repository.ts';

/**
 * The one query a person's and a window's records were read with before they were merged from
 * index-ordered lists: an OR over the columns, sorted whole. The reference the pages are checked against.
 */
async function orderedByOneQuery(db: Db, f: TRecordFilter): Promise<number[]> {
  let q = db.selectFrom('conduct_records').select('id').where('center_id', '=', f.centerId);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.staffId !== undefined) {
    const staffId = f.staffId;
    q = q.where((eb) =>
      eb.or([
        eb('staff_id', '=', staffId),
        eb.and([
          eb('staff_id', 'is', null),
          eb('window_id', 'in', eb.selectFrom('staff').select('window_id').where('id', '=', staffId)),
        ]),
      ]),
    );
  }
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (f.windowIds !== undefined) {
    const windowIds = f.windowIds;
    q = q.where((eb) =>
      windowIds.length === 0
        ? eb.lit(false)
        : eb.or([
            eb('staff_id', 'in', eb.selectFrom('staff').select('id').where('window_id', 'in', windowIds)),
            eb.and([eb('staff_id', 'is', null), eb('window_id', 'in', windowIds)]),
          ]),
    );
  }
  if (f.before !== undefined) {
    const { date, id } = f.before;
    q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(date, id)));
  }
  if (f.scheme) q = q.where('scheme', '=', f.scheme);
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 10_000)
    .execute();
  return rows.map((r) => r.id);
}

/** A deterministic sequence (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(TEST_DIALECTS)('listRecords for a person and for a window on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;
  let filters: [string, TRecordFilter][];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedFixture(t.db);
    const next = random(15);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const [w1, w2] = f.windowIds;
    // 600 records over 40 days (many on one date, so the id breaks ties): a person's records under
    // their own window, another window or none; window-level records of either window; and the other
    // center's, which no list of this center may show
    for (let i = 0; i < 600; i++) {
      const kind = pick(['person', 'person', 'person', 'window', 'other'] as const);
      const staff = pick(f.staff);
      const record = await insertRecord(t.db, {
        centerId: kind === 'other' ? f.otherCenterId : f.centerId,
        scheme: pick(['points', 'fine'] as const),
        staffId: kind === 'person' ? staff.id : kind === 'other' ? f.otherStaff.id : null,
        windowId:
          kind === 'person'
            ? pick([staff.windowId, staff.windowId, w1 === staff.windowId ? w2 : w1, null])
            : kind === 'other'
              ? f.otherWindowId
              : pick([w1, w2]),
        item: 'A1',
        qty: 1,
        level: null,
        aggravated: false,
        date: `2026-0${1 + Math.floor(next() * 2)}-${String(10 + Math.floor(next() * 19)).padStart(2, '0')}`,
        note: null,
        source: 'manual',
        sourceId: null,
        recordedBy: null,
      });
      if (next() < 0.2) await revokeRecord(t.db, record.id, { reason: '录入有误', by: null });
    }
    const scopes: [string, Partial<TRecordFilter>][] = [
      ...f.staff.map((s, i): [string, Partial<TRecordFilter>] => [`person ${i + 1}`, { staffId: s.id }]),
      ['window 1', { windowIds: [w1] }],
      ['window 2', { windowIds: [w2] }],
      ['both windows', { windowIds: [w1, w2] }],
      ['no window', { windowIds: [] }],
      ['a person of the other center', { staffId: f.otherStaff.id }],
    ];
    const narrowing: [string, Partial<TRecordFilter>][] = [
      ['', {}],
      [' in January', { from: '2026-01-01', to: '2026-01-31' }],
      [' fines', { scheme: 'fine' }],
      [' active', { status: 'active' }],
      [' written under window 2', { windowId: w2 }],
      [' revoked points from Jan 20', { from: '2026-01-20', scheme: 'points', status: 'revoked' }],
    ];
    filters = scopes.flatMap(([scope, s]) =>
      narrowing.map(([n, x]): [string, TRecordFilter] => [
        `${scope}${n}`,
        { centerId: f.centerId, ...s, ...x },
      ]),
    );
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('answers every list whole with the rows and the order of the one query', async () => {
    expect(filters).toHaveLength(54);
    let seen = 0;
    for (const [name, filter] of filters) {
      const ids = (await listRecords(t.db, filter)).map((r) => r.id);
      expect({ name, ids }).toEqual({ name, ids: await orderedByOneQuery(t.db, filter) });
      seen += ids.length;
    }
    // the lists are not empty: the comparison compared rows
    expect(seen).toBeGreaterThan(2_000);
  });

  it('walks every list a page at a time with the cursor, each page that of the one query', async () => {
    for (const [name, filter] of filters) {
      const walked: number[] = [];
      let before: TRecordFilter['before'];
      for (let page = 0; page < 100; page++) {
        const rows = await listRecords(t.db, { ...filter, limit: 7, before });
        expect({ name, page, ids: rows.map((r) => r.id) }).toEqual({
          name,
          page,
          ids: await orderedByOneQuery(t.db, { ...filter, limit: 7, before }),
        });
        walked.push(...rows.map((r) => r.id));
        const last = rows.at(-1);
        if (rows.length < 7 || last === undefined) break;
        before = { date: last.date, id: last.id };
      }
      expect({ name, walked }).toEqual({ name, walked: await orderedByOneQuery(t.db, filter) });
    }
  });

  it('reads a person’s and a window’s page along their own indexes, never sorting the whole history', async () => {
    if (dialect !== 'sqlite') return;
    const statements: CompiledQuery[] = [];
    const db = t.db.withPlugin({
      transformQuery: (a) => {
        statements.push(t.db.getExecutor().compileQuery(a.node, a.queryId));
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    await listRecords(db, {
      centerId: f.centerId,
      staffId: f.staff[1]!.id,
      from: '2026-01-05',
      before: { date: '2026-02-20', id: 400 },
      limit: 20,
    });
    await listRecords(db, { centerId: f.centerId, windowIds: [f.windowIds[0]], limit: 20 });
    const pages = statements.filter((s) => s.sql.includes('union all'));
    // a person's page (their own, their window's) and a window's (two people, the window's own)
    expect(pages.map((s) => s.sql.split('union all').length)).toEqual([2, 3]);
    for (const s of pages) {
      const plan = (
        t.sqlite!.prepare(`explain query plan ${s.sql}`).all(...(s.parameters as unknown[])) as {
          detail: string;
        }[]
      ).map((p) => p.detail);
      expect(plan).toContain('MERGE (UNION ALL)');
      const reads = plan.filter((d) => d.includes('conduct_records'));
      expect(reads.length).toBe(s.sql.split('union all').length);
      for (const read of reads)
        expect(read).toMatch(
          /^SEARCH conduct_records USING INDEX (conduct_records_staff|conduct_records_window_level_page) /,
        );
    }
  });
});
