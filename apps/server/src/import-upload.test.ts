import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { forgetImportJobs, IMPORT_KINDS, SESSION_COOKIE, sessionIdOf, type TImportJob } from '@chuangkou/api';
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
  /** The job as the page polls it (tRPC), or the refusal's status. */
  async function poll(id: string, as = 'admin'): Promise<TImportJob | number> {
    const q = await fetch(`${base}/trpc/imports.job?input=${encodeURIComponent(JSON.stringify({ id }))}`, {
      headers: { cookie: cookies.get(as)! },
    });
    if (q.status !== 200) return q.status;
    return ((await q.json()) as { result: { data: TImportJob } }).result.data;
  }
  /** Polls the job, as the page does, until it ends. */
  async function finished(res: Response, as = 'admin'): Promise<TImportJob> {
    expect(res.status).toBe(202);
    let job = (await res.json()) as TImportJob;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      const next = await poll(job.id, as);
      if (typeof next === 'number') throw new Error(`imports.job answered ${next}`);
      job = next;
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

  it('tells a job the server forgot (a restart): done when it committed (from its audit entry), else 导入中断 with nothing written', async () => {
    const c = (await caseToRateAtAcceptance(t.db, 1))!;
    const header = '评价阶段,受理编号,工号,评价等级,评价时间,评价渠道,评价内容';
    const file = `${header}\n受理,${c.acceptanceCode},${c.staffNo},4,${c.acceptedOn} 10:00:00,窗口评价器,\n`;
    const done = await finished(await upload('ratings', file, { as: 'supervisor' }), 'supervisor');
    expect(done.state).toBe('done');
    const dry = await finished(
      await upload('ratings', file, { dryRun: true, as: 'supervisor' }),
      'supervisor',
    );
    expect(dry.state).toBe('done');
    const audits = await countAudit(t.db);

    forgetImportJobs(); // what a restart of the server does to them
    expect(await poll(done.id, 'supervisor')).toMatchObject({
      id: done.id,
      kind: 'ratings',
      state: 'done',
      isDryRun: false,
      result: { counts: done.result!.counts, summary: done.result!.summary },
    });
    // the dry run, like an import cut off by the restart, never committed: nothing was written
    expect(await poll(dry.id, 'supervisor')).toMatchObject({
      id: dry.id,
      state: 'interrupted',
      result: null,
      message: expect.stringContaining('未写入任何数据'),
    });
    expect(await countAudit(t.db)).toBe(audits);
    // another user's job does not exist for them; an id never started reads as interrupted, not as an error
    expect(await poll(done.id, 'admin')).toBe(404);
    expect(await poll('00000000-0000-4000-8000-000000000000', 'admin')).toMatchObject({
      state: 'interrupted',
    });
  });

  it('lets 审管科 import cases and 好差评 (as the command line does) but not a roster, matters or a calendar', async () => {
    for (const kind of ['roster', 'matters', 'calendar']) {
      expect((await upload(kind, 'x', { as: 'supervisor' })).status).toBe(403);
      const tpl = await fetch(`${base}${IMPORT_PATH}${kind}/template`, {
        headers: { cookie: cookies.get('supervisor')! },
      });
      expect(tpl.status).toBe(403);
    }
    const kinds = await fetch(`${base}/trpc/imports.kinds`, {
      headers: { cookie: cookies.get('supervisor')! },
    });
    const list = ((await kinds.json()) as { result: { data: { kind: string }[] } }).result.data;
    expect(list.map((k) => k.kind)).toEqual(['cases', 'ratings']);
    const tpl = await fetch(`${base}${IMPORT_PATH}cases/template`, {
      headers: { cookie: cookies.get('supervisor')! },
    });
    expect(tpl.status).toBe(200);
    const job = await finished(
      await upload('cases', new Uint8Array(await tpl.arrayBuffer()), {
        as: 'supervisor',
        dryRun: true,
        name: 'cases.xlsx',
      }),
      'supervisor',
    );
    expect([job.state, job.errors]).toEqual(['done', []]);
  });

  it('lets only the kind’s importers upload or download a template, and refuses an unknown kind', async () => {
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
