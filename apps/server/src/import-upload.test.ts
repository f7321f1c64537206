import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { IMPORT_KINDS, SESSION_COOKIE, sessionIdOf, type TImportJob } from '@chuangkou/api';
import {
  caseToRateAtAcceptance,
  countAudit,
  createTestDatabase,
  enrichCaseWorkflowDemo,
  generateDemo,
  insertSession,
  listCaseServiceRatings,
  listStaff,
  listWindows,
  type TTestDatabase,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PATH } from './import-upload.ts';
import { createServer } from './server.ts';

const TODAY = '2026-11-26';

describe('POST /api/imports/<kind> and GET /api/imports/<kind>/template', { timeout: 120_000 }, () => {
  let t: TTestDatabase;
  let base: string;
  let close: () => Promise<void>;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await generateDemo(t.db, { today: TODAY, caseFraction: 0.01, hashPassword: async () => 'x' });
    // the demo as the server seeds it: open cases with acceptance codes, service ratings
    await enrichCaseWorkflowDemo(t.db, { today: TODAY });
    for (const role of ['admin', 'supervisor', 'staff']) {
      const row = await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', role)
        .executeTakeFirstOrThrow();
      await insertSession(t.db, {
        id: sessionIdOf(`token-${role}`),
        userId: row.id,
        expiresAt: '2999-01-01T00:00:00Z',
      });
      cookies.set(role, `${SESSION_COOKIE}=token-${role}`);
    }
    const server = createServer({
      db: t.db,
      webDist: path.join(import.meta.dirname, 'missing'),
      maxBodyBytes: 64 * 1024,
      maxBatchSize: 5,
      isSecure: false,
      today: () => TODAY,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await t?.destroy();
  });

  const upload = (
    kind: string,
    body: string | Uint8Array,
    opts: { as?: string; dryRun?: boolean; name?: string } = {},
  ) => {
    const cookie = cookies.get(opts.as ?? 'admin');
    return fetch(`${base}${IMPORT_PATH}${kind}${opts.dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: {
        ...(cookie && { cookie }),
        'X-File-Name': encodeURIComponent(opts.name ?? `${kind}.csv`),
        'Content-Type': 'application/octet-stream',
      },
      body,
    });
  };
  /** Polls the job through tRPC, as the page does, until it ends. */
  async function finished(res: Response): Promise<TImportJob> {
    expect(res.status).toBe(202);
    let job = (await res.json()) as TImportJob;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      const q = await fetch(
        `${base}/trpc/imports.job?input=${encodeURIComponent(JSON.stringify({ id: job.id }))}`,
        {
          headers: { cookie: cookies.get('admin')! },
        },
      );
      job = ((await q.json()) as { result: { data: TImportJob } }).result.data;
    }
    return job;
  }

  it('imports a roster: the dry run names the bad row and writes nothing; fixed, it commits; again, nothing changes', async () => {
    const windows = await listWindows(t.db, 1);
    const w = windows[0]!;
    const unit = (
      await t.db.selectFrom('units').select('name').where('id', '=', w.unitId).executeTakeFirstOrThrow()
    ).name;
    const header = '单位,窗口编号,窗口名称,工号,姓名,岗位,AB角,窗口负责人';
    const bad = `${header}\n${unit},${w.code},${w.name},N001,新来的甲,前台,A,否\n${unit},${w.code},${w.name},N002,新来的乙,门卫,B,否\n`;
    const before = await countAudit(t.db);
    const dry = await finished(await upload('roster', bad, { dryRun: true }));
    expect(dry.state).toBe('badRows');
    expect(dry.errors).toEqual([
      { line: 3, column: '岗位', message: expect.stringContaining('收到「门卫」') },
    ]);
    expect(await countAudit(t.db)).toBe(before);

    const good = bad.replace('门卫', '后台');
    const check = await finished(await upload('roster', good, { dryRun: true }));
    expect([check.state, check.result?.counts]).toEqual([
      'done',
      { rows: 2, units: 0, windows: 0, staff: 2, updated: 0, unchanged: 0 },
    ]);
    expect(await countAudit(t.db)).toBe(before);

    const staffBefore = (await listStaff(t.db, { centerId: 1 })).length;
    const done = await finished(await upload('roster', good));
    expect([done.state, done.isDryRun, done.result?.counts.staff]).toEqual(['done', false, 2]);
    expect((await listStaff(t.db, { centerId: 1 })).length).toBe(staffBefore + 2);

    const again = await finished(await upload('roster', good));
    expect(again.result?.counts).toEqual({
      rows: 2,
      units: 0,
      windows: 0,
      staff: 0,
      updated: 0,
      unchanged: 2,
    });
    expect((await listStaff(t.db, { centerId: 1 })).length).toBe(staffBefore + 2);
  });

  it('imports 好差评 ratings: the dry run names a level out of range; fixed, it commits; again, nothing changes', async () => {
    const c = (await caseToRateAtAcceptance(t.db, 1))!;
    const header = '评价阶段,受理编号,工号,评价等级,评价时间,评价渠道,评价内容';
    const bad = `${header}\n受理,${c.acceptanceCode},${c.staffNo},7,${c.acceptedOn} 09:00:00,窗口评价器,\n`;
    const dry = await finished(await upload('ratings', bad, { dryRun: true }));
    expect([dry.state, dry.errors]).toEqual([
      'badRows',
      [{ line: 2, column: '评价等级', message: expect.stringContaining('收到「7」') }],
    ]);
    const good = bad.replace(',7,', ',4,');
    const done = await finished(await upload('ratings', good));
    expect([done.state, done.result?.counts]).toEqual([
      'done',
      { rows: 1, imported: 1, skipped: 0, afterReset: 0, followUps: 0 },
    ]);
    const id = (
      await t.db
        .selectFrom('cases')
        .select('id')
        .where('acceptance_code', '=', c.acceptanceCode)
        .executeTakeFirstOrThrow()
    ).id;
    const stored = await listCaseServiceRatings(t.db, id);
    expect(stored.filter((r) => r.stage === 'accepted').map((r) => r.level)).toEqual([2]);
    const again = await finished(await upload('ratings', good));
    expect(again.result?.counts).toEqual({ rows: 1, imported: 0, skipped: 1, afterReset: 0, followUps: 0 });
    expect(await listCaseServiceRatings(t.db, id)).toEqual(stored);
  });

  it('refuses a file of another kind in one line, as the job’s message', async () => {
    const job = await finished(await upload('cases', '姓名,岗位\n张三,前台\n', { name: '名册.csv' }));
    expect([job.state, job.message]).toEqual([
      'refused',
      '名册.csv：表头不符，缺少列 受理编号、事项名称、受理人、申请人、收件日期（请下载该类模板）',
    ]);
  });

  it('lets only the administrator upload or download a template, and refuses an unknown kind', async () => {
    expect((await upload('roster', 'x', { as: 'supervisor' })).status).toBe(403);
    expect((await upload('roster', 'x', { as: 'staff' })).status).toBe(403);
    expect((await upload('roster', 'x', { as: 'nobody' })).status).toBe(401);
    expect((await upload('payroll', 'x')).status).toBe(404);
    const noHeader = await fetch(`${base}${IMPORT_PATH}roster`, {
      method: 'POST',
      headers: { cookie: cookies.get('admin')! },
      body: 'x',
    });
    expect(noHeader.status).toBe(400);
  });

  it.each(IMPORT_KINDS.map((k) => [k] as const))(
    'serves the %s template, whose example row imports cleanly into the demo center',
    async (kind) => {
      const res = await fetch(`${base}${IMPORT_PATH}${kind}/template`, {
        headers: { cookie: cookies.get('admin')! },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const xlsx = new Uint8Array(await res.arrayBuffer());
      const job = await finished(await upload(kind, xlsx, { dryRun: true, name: `${kind}.xlsx` }));
      expect({ state: job.state, errors: job.errors, message: job.message }).toEqual({
        state: 'done',
        errors: [],
        message: null,
      });
    },
  );
});
