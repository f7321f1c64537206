/**
 * `pnpm --filter @chuangkou/api exec tsx bench/case-list.bench.ts`: the case register's pages.
 *
 * BENCH_LIST_CASES cases (200,000 by default; the issue's 10 M takes ~40 s per million to generate)
 * are copied from one accepted case in one SQL statement. Then, as 审管科 (the whole center, no
 * filter) and as window staff (their own cases), 40 pages of 200 are walked newest first through
 * `cases.list` (createCaller: validation, scope, the repository, the mapper) and through the bare SQL
 * of the same page (prepared once, better-sqlite3), in the same run. Reported: p50 of each and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertPolicyVersion, insertUser, migrateToLatest, openDatabase, seedFixture } from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { createContextInner } from '../src/context.ts';
import { createCaller } from '../src/root.ts';

const CASES = Number(process.env.BENCH_LIST_CASES ?? 200_000);
const PAGES = 40;
const PAGE = 200;
const TODAY = '2026-11-26';

const dir = mkdtempSync(path.join(tmpdir(), 'ck-list-bench-'));
const handle = openDatabase({ dataDir: dir, file: 'bench.sqlite' });
const { db } = handle;
const sqlite = handle.sqlite!;
try {
  await migrateToLatest(db);
  const f = await seedFixture(db);
  for (const p of Object.values(DEFAULT_POLICIES))
    await insertPolicyVersion(db, {
      centerId: f.centerId,
      code: p.code,
      effectiveFrom: '2000-01-01',
      body: p,
      createdBy: null,
    });
  const mk = (role: 'supervisor' | 'staff', staffId: number | null) =>
    insertUser(db, {
      centerId: f.centerId,
      username: `bench_${role}`,
      passwordHash: 'x',
      role,
      staffId,
      displayName: role,
    });
  const supervisor = await mk('supervisor', null);
  const staff = await mk('staff', f.staff[1]!.id);
  const api = createCaller(createContextInner({ db, user: supervisor, today: () => TODAY }));
  const matter = await api.cases.matters.create({
    unitId: f.unitId,
    name: '不动产转移登记',
    type: 'promised',
    promisedDays: 3,
  });
  const template = await api.cases.accept({
    matterId: matter.id,
    staffId: f.staff[1]!.id,
    applicantName: '王小明',
    applicantPhone: '13800000000',
    on: '2026-11-02',
  });
  const columns = (sqlite.prepare('select name from pragma_table_info(?)').all('cases') as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id');
  const started = performance.now();
  // one in four cases to the bench clerk, the rest to another person: the clerk's scope is selective
  const others = f.staff[0]!.id;
  sqlite
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into cases (${columns.join(', ')})
       select ${columns
         .map((c) =>
           c === 'acceptance_code'
             ? `'B' || n.i`
             : c === 'staff_id'
               ? `case when n.i % 4 = 0 then staff_id else ${others} end`
               : c,
         )
         .join(', ')}
       from n, cases where cases.id = ?`,
    )
    .run(CASES, template.case.id);
  sqlite.pragma('optimize');
  console.log(
    `${CASES.toLocaleString()} cases generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bare = {
    center: sqlite.prepare(
      `select cases.*, matters.name as matter_name, windows.name as window_name, staff.name as staff_name
       from cases join matters on matters.id = cases.matter_id join windows on windows.id = cases.window_id
       left join staff on staff.id = cases.staff_id
       where cases.center_id = ? and cases.id < ? order by cases.id desc limit ?`,
    ),
    self: sqlite.prepare(
      `select cases.*, matters.name as matter_name, windows.name as window_name, staff.name as staff_name
       from cases join matters on matters.id = cases.matter_id join windows on windows.id = cases.window_id
       left join staff on staff.id = cases.staff_id
       where cases.center_id = ? and cases.staff_id = ? and cases.id < ? order by cases.id desc limit ?`,
    ),
  };
  for (const [who, user] of [
    ['审管科 (whole center)', supervisor],
    ['staff (own cases)', staff],
  ] as const) {
    const caller = createCaller(createContextInner({ db, user, today: () => TODAY }));
    const viaApi: number[] = [];
    const viaSql: number[] = [];
    let before: number | undefined;
    let beforeSql = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < PAGES; i++) {
      let t = performance.now();
      const page = await caller.cases.list({
        limit: PAGE,
        ...(before !== undefined && { beforeId: before }),
      });
      viaApi.push(performance.now() - t);
      before = page[page.length - 1]?.id;
      t = performance.now();
      const rows = (
        user === staff
          ? bare.self.all(f.centerId, staff.staffId, beforeSql, PAGE)
          : bare.center.all(f.centerId, beforeSql, PAGE)
      ) as { id: number }[];
      viaSql.push(performance.now() - t);
      beforeSql = rows[rows.length - 1]?.id ?? 0;
      if (page.length !== rows.length) throw new Error(`page ${i}: ${page.length} vs ${rows.length} rows`);
    }
    const [a, b] = [p50(viaApi), p50(viaSql)];
    console.log(
      `${who}: cases.list page of ${PAGE} p50 ${a.toFixed(2)} ms; bare SQL ${b.toFixed(2)} ms; ratio ${(a / b).toFixed(1)}×`,
    );
  }
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
