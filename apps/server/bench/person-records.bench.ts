/**
 * `pnpm --filter @chuangkou/server exec tsx bench/person-records.bench.ts`: a person's and a window's
 * records (`records.list` as window staff and as the window's head) at BENCH_RECORDS records
 * (1,000,000 by default), on SQLite and on PostgreSQL (BENCH_PG_URL, the shared test server by default).
 *
 * A center of 100 windows × 5 people; the records in one SQL statement: 95 % a person's (some written
 * under another window), 5 % window-level (no person), over two years. The databases are built once
 * and kept (BENCH_DIR/sqlite, the PostgreSQL database `ck_bench_person_records`).
 *
 * BENCH_PAGES pages of 200 are walked newest first with the cursor, and each page is read three ways,
 * alternating: through `records.list` (createCaller: validation, scope, the repository, the valuation
 * of each record); the bare SQL the repository sends for it (captured from the same page, replayed on
 * the raw driver, prepared); and the bare SQL of the one OR query sorted whole, which the list sent
 * before its pages were merged from index-ordered lists. Reported: p50 of each and the ratios.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCaller, createContextInner } from '@chuangkou/api';
import {
  type Db,
  type DbRoot,
  findUser,
  insertCenter,
  insertPolicyVersion,
  insertStaff,
  insertUnit,
  insertUser,
  insertWindow,
  listRecords,
  migrateToLatest,
  openDatabase,
  type TDatabase,
  type TRecordFilter,
  type TUser,
} from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { type CompiledQuery, sql } from 'kysely';
import pg from 'pg';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const PAGES = Number(process.env.BENCH_PAGES ?? 20);
const PAGE = 200;
const WINDOWS = 100;
const PER_WINDOW = 5;
const TODAY = '2026-11-26';
const DIR = process.env.BENCH_DIR ?? `/tmp/ck-bench-person-records/${RECORDS}-b`;
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = `ck_bench_person_records_${RECORDS}_b`;

const log = (line: string) => process.stderr.write(`${line}\n`);
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The one query a person's or a window's records were read with before: an OR, sorted whole. */
function oneQuery(db: Db, f: TRecordFilter) {
  let q = db.selectFrom('conduct_records').selectAll().where('center_id', '=', f.centerId);
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
  if (f.windowIds !== undefined) {
    const windowIds = f.windowIds;
    q = q.where((eb) =>
      eb.or([
        eb('staff_id', 'in', eb.selectFrom('staff').select('id').where('window_id', 'in', windowIds)),
        eb.and([eb('staff_id', 'is', null), eb('window_id', 'in', windowIds)]),
      ]),
    );
  }
  if (f.before !== undefined) {
    const { date, id } = f.before;
    q = q.where((eb) => eb(eb.refTuple('date', 'id'), '<', eb.tuple(date, id)));
  }
  return q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 10_000)
    .compile();
}

interface TBench {
  handle: TDatabase;
  centerId: number;
  staff: TUser;
  head: TUser;
  headWindowId: number;
  /** runs a compiled statement on the raw driver, prepared */
  bare(q: CompiledQuery): Promise<unknown[]>;
  close(): Promise<void>;
}

async function build(handle: TDatabase): Promise<void> {
  const { db } = handle;
  await migrateToLatest(db);
  if (await db.selectFrom('centers').select('id').executeTakeFirst()) return;
  const t0 = performance.now();
  const center = await insertCenter(db, { code: 'B1', name: '基准市政务服务中心', city: '基准市' });
  for (const p of Object.values(DEFAULT_POLICIES))
    await insertPolicyVersion(db, {
      centerId: center.id,
      code: p.code,
      effectiveFrom: '2000-01-01',
      body: p,
      createdBy: null,
    });
  const unit = await insertUnit(db, { centerId: center.id, name: '基准单位' });
  const windows: number[] = [];
  const staff: number[] = [];
  for (let w = 0; w < WINDOWS; w++) {
    const win = await insertWindow(db, {
      centerId: center.id,
      unitId: unit.id,
      code: `W${w}`,
      name: `${w}号窗口`,
    });
    windows.push(win.id);
    for (let s = 0; s < PER_WINDOW; s++)
      staff.push(
        (
          await insertStaff(db, {
            centerId: center.id,
            unitId: unit.id,
            windowId: win.id,
            name: `人员${w}-${s}`,
            post: 'front',
            abRole: s % 2 === 0 ? 'A' : 'B',
            isWindowHead: s === 0,
            from: '2020-01-01',
          })
        ).id,
      );
  }
  await db.schema.createTable('bench_people').addColumn('i', 'integer').addColumn('id', 'integer').execute();
  await db.schema.createTable('bench_windows').addColumn('i', 'integer').addColumn('id', 'integer').execute();
  await db
    .insertInto('bench_people' as never)
    .values(staff.map((id, i) => ({ i, id })) as never)
    .execute();
  await db
    .insertInto('bench_windows' as never)
    .values(windows.map((id, i) => ({ i, id })) as never)
    .execute();
  const numbers =
    handle.dialect === 'sqlite'
      ? sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(RECORDS)})`
      : sql`with n(i) as (select generate_series(1, ${sql.lit(RECORDS)}))`;
  const date =
    handle.dialect === 'sqlite'
      ? sql`date(${TODAY}, '-' || ((n.i * 7) % 730) || ' days')`
      : sql`to_char(date ${sql.lit(TODAY)} - ((n.i * 7) % 730), 'YYYY-MM-DD')`;
  // every 20th record window-level (no person); every 10th person's record written under the next window
  await sql`${numbers}
    insert into conduct_records (center_id, scheme, staff_id, window_id, item, qty, level, aggravated, date,
      note, source, source_id, status, recorded_by, created_at)
    select ${center.id}, 'points',
      case when n.i % 20 = 0 then null else p.id end,
      case when n.i % 20 = 0 then w.id when n.i % 10 = 1 then wn.id else wp.id end,
      'A1', 1, null, 0, ${date}, null, 'manual', null, 'active', null, ${TODAY}
    from n
    join bench_people p on p.i = n.i % ${sql.lit(staff.length)}
    join bench_windows wp on wp.i = (n.i % ${sql.lit(staff.length)}) / ${sql.lit(PER_WINDOW)}
    join bench_windows wn on wn.i = ((n.i % ${sql.lit(staff.length)}) / ${sql.lit(PER_WINDOW)} + 1) % ${sql.lit(WINDOWS)}
    join bench_windows w on w.i = (n.i / 20) % ${sql.lit(WINDOWS)}`.execute(db);
  await db.schema.dropTable('bench_people').execute();
  await db.schema.dropTable('bench_windows').execute();
  await sql`analyze`.execute(db);
  log(
    `  ${handle.dialect}: ${RECORDS.toLocaleString()} records in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

async function usersOf(
  db: DbRoot,
  centerId: number,
): Promise<Pick<TBench, 'staff' | 'head' | 'headWindowId'>> {
  const people = await db
    .selectFrom('staff')
    .select(['id', 'window_id'])
    .where('center_id', '=', centerId)
    .orderBy('id')
    .limit(PER_WINDOW * 3)
    .execute();
  // the third window's head and one of its people
  const head = people[PER_WINDOW * 2]!;
  const person = people[PER_WINDOW * 2 + 1]!;
  const user = async (username: string, role: 'staff' | 'head', staffId: number): Promise<TUser> => {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (found) return (await findUser(db, found.id))!;
    return insertUser(db, { centerId, username, passwordHash: 'x', role, staffId, displayName: username });
  };
  return {
    staff: await user('bench_staff', 'staff', person.id),
    head: await user('bench_head', 'head', head.id),
    headWindowId: head.window_id!,
  };
}

async function openSqlite(): Promise<TBench> {
  mkdirSync(DIR, { recursive: true });
  const ready = path.join(DIR, 'ready');
  const handle = openDatabase({ dataDir: DIR, file: 'bench.sqlite' });
  if (!existsSync(ready)) {
    await build(handle);
    writeFileSync(ready, new Date().toISOString());
  }
  await migrateToLatest(handle.db);
  const centerId = (await handle.db.selectFrom('centers').select('id').executeTakeFirstOrThrow()).id;
  const sqlite = handle.sqlite!;
  const prepared = new Map<string, { all(...params: unknown[]): unknown[] }>();
  return {
    handle,
    centerId,
    ...(await usersOf(handle.db, centerId)),
    bare: async (q) => {
      let s = prepared.get(q.sql);
      if (!s) {
        s = sqlite.prepare(q.sql);
        prepared.set(q.sql, s);
      }
      return s.all(...(q.parameters as unknown[]));
    },
    close: () => handle.close(),
  };
}

async function openPostgres(): Promise<TBench> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [PG_NAME]);
  if (exists.rowCount === 0) await admin.query(`create database ${PG_NAME}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_NAME}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
  await build(handle);
  const centerId = (await handle.db.selectFrom('centers').select('id').executeTakeFirstOrThrow()).id;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const names = new Map<string, string>();
  return {
    handle,
    centerId,
    ...(await usersOf(handle.db, centerId)),
    bare: async (q) => {
      let name = names.get(q.sql);
      if (!name) {
        name = `s${names.size}`;
        names.set(q.sql, name);
      }
      return (await client.query({ name, text: q.sql, values: q.parameters as unknown[] })).rows;
    },
    close: async () => {
      await client.end();
      await handle.close();
    },
  };
}

/** The statements `listRecords` executes for `f`, compiled. */
async function statementsOf(db: DbRoot, f: TRecordFilter): Promise<CompiledQuery[]> {
  const compiled = new Map<unknown, CompiledQuery>();
  const executed: CompiledQuery[] = [];
  const capturing = db.withPlugin({
    transformQuery: (a) => {
      compiled.set(a.queryId, db.getExecutor().compileQuery(a.node, a.queryId));
      return a.node;
    },
    transformResult: async (a) => {
      executed.push(compiled.get(a.queryId)!);
      return a.result;
    },
  });
  await listRecords(capturing, f);
  return executed;
}

const results: string[] = [];
for (const open of [openSqlite, openPostgres]) {
  const b = await open();
  const { db } = b.handle;
  for (const [who, user] of [
    ['staff (own)', b.staff],
    ['head (window)', b.head],
  ] as const) {
    const api: number[] = [];
    const bareNew: number[] = [];
    const bareOld: number[] = [];
    let before: TRecordFilter['before'];
    let rows = 0;
    for (let page = 0; page < PAGES; page++) {
      const filter: TRecordFilter = {
        centerId: b.centerId,
        limit: PAGE,
        before,
        ...(user.role === 'staff' ? { staffId: user.staffId! } : { windowIds: [b.headWindowId] }),
      };
      const statements = await statementsOf(db, filter);
      const old = oneQuery(db, filter);
      // warm each once (prepared statements, plans), then time
      await b.bare(old);
      for (const s of statements) await b.bare(s);
      let t = performance.now();
      const caller = createCaller(createContextInner({ db, user, today: () => TODAY }));
      const got = await caller.records.list({ limit: PAGE, ...(before ? { before } : {}) });
      api.push(performance.now() - t);
      t = performance.now();
      let newRows: unknown[] = [];
      for (const s of statements) newRows = await b.bare(s);
      bareNew.push(performance.now() - t);
      t = performance.now();
      const oldRows = await b.bare(old);
      bareOld.push(performance.now() - t);
      if (got.length !== newRows.length || got.length !== oldRows.length)
        throw new Error(
          `page ${page}: ${got.length} via the API, ${newRows.length} new, ${oldRows.length} old`,
        );
      rows += got.length;
      const last = got.at(-1);
      if (!last || got.length < PAGE) break;
      before = { date: last.date, id: last.id };
    }
    const [a, n, o] = [p50(api), p50(bareNew), p50(bareOld)];
    const line = `| ${b.handle.dialect} | records.list (${who}) | ${api.length} / ${rows.toLocaleString()} | ${a.toFixed(1)} | ${n.toFixed(1)} | ${(a / n).toFixed(1)}× | ${o.toFixed(1)} | ${(o / n).toFixed(1)}× |`;
    log(line);
    results.push(line);
  }
  await b.close();
}
console.log(`# A person's and a window's records at ${RECORDS.toLocaleString()} records, pages of ${PAGE}`);
console.log(
  '| dialect | list (as) | pages / rows | API p50 ms | bare SQL p50 ms (merged pages) | API / bare | bare SQL p50 ms (one OR query, before) | before / now |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) console.log(r);
