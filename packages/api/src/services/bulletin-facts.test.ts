import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { centerBulletinOf as bulletinOf } from './bulletin.service.ts';

/** What the notices print about a person is what the records and the complaints say. */
describe.each(TEST_DIALECTS)('notices print the facts on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const complaint = async (date: string, staffId: number, content = '办事拖拉') =>
    s.as('supervisor').complaints.create({ channel: 'online', date, staffId, content });

  it('考核细则 二(三): nothing of a complaint is applied before it is verified, nor recorded by hand', async () => {
    const person = s.f.staff[1]!.id;
    const pending = await complaint('2026-11-20', person, '态度生硬');
    const records = await s.as('leader').records.list({ staffId: person });
    expect(records.filter((r) => r.source === 'complaint')).toEqual([]);
    const q4 = await s.as('leader').assessment.draft({ year: 2026, quarter: 4 });
    expect(q4.results.find((r) => r.staffId === person)?.vetoed).toBe(false);
    for (const item of ['A3', 'F7b']) {
      await expect(
        s.as('supervisor').records.create({ staffId: person, item, date: '2026-11-20' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^item：.*只能在投诉核实为有效后/),
      });
    }
    expect(pending.status).toBe('pending');
  });

  it('处罚办法 一、7: a valid complaint records F7b (30 yuan) beside A3, and the month summary shows it', async () => {
    const person = s.f.staff[2]!.id;
    const c = await complaint('2026-10-19', person, '态度生硬');
    await s.as('supervisor').complaints.verify({ id: c.id, isValid: true, cause: 'attitude' });
    const october = await s.as('supervisor').fines.monthly({ year: 2026, month: 10 });
    const line = october.staff.find((r) => r.staffId === person)?.lines.find((l) => l.item === 'F7b');
    expect(line).toEqual({ item: 'F7b', count: 1, amount: 30, dates: ['2026-10-19'] });
  });

  it('a red-flag notice counts the window’s valid complaints of the month, never claiming none', async () => {
    const windowId = s.f.windowIds[1];
    await s.as('supervisor').awards.grant({
      windowId,
      kind: 'redFlagMonthly',
      year: 2026,
      month: 10,
      reason: '当月按时办结率领先',
    });
    const bulletin = await bulletinOf(s.t.db, s.f.centerId, { kind: 'awards', year: 2026, month: 10 }, TODAY);
    if (bulletin.kind !== 'awards') throw new Error(bulletin.kind);
    expect(bulletin.rows).toHaveLength(1);
    expect(bulletin.rows[0]).toMatchObject({ window: '不动产登记2号窗口', validComplaints: 1 });
  });

  it('the behaviours notice lists every valid complaint, counts one 人次 per fact and cites both documents', async () => {
    const person = s.f.staff[3]!.id;
    const c = await complaint('2026-10-21', person, '材料一拖再拖');
    await s.as('supervisor').complaints.verify({ id: c.id, isValid: true, cause: 'procrastination' });
    const bulletin = await bulletinOf(
      s.t.db,
      s.f.centerId,
      { kind: 'behaviours', year: 2026, month: 10 },
      TODAY,
    );
    if (bulletin.kind !== 'behaviours') throw new Error(bulletin.kind);
    // procrastination records no A3: the complaint still stands on the notice, as the veto's reason
    const listed = (bulletin.complaints ?? []).map((r) => [r.name, r.cause, r.vetoes]);
    expect(listed.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN'))).toEqual([
      ['王五', '服务态度', true],
      ['赵六', '工作拖拉', true],
    ]);
    // 王五's complaint is recorded twice (A3 −5, F7b 30 yuan): one fact
    const wang = bulletin.rows.filter((r) => r.name === '王五');
    expect(wang.map((r) => r.item).sort()).toEqual(['A3', 'F7b']);
    expect(new Set(wang.map((r) => r.event)).size).toBe(1);
    expect(bulletin.policyTitles).toEqual([
      '房管局行政服务中心窗口工作人员考核细则',
      '新建区行政服务中心各科室各窗口绩效考核处罚办法',
    ]);
  });

  it('prints a lateness recorded as C4 in the patrol form’s row 1 (无故迟到或早退), not under 其他', async () => {
    await s.as('supervisor').patrols.create({
      date: '2026-11-17',
      session: 'morning',
      dutyLeader: '周主任',
      inspectors: '审管科 郑干事、审管科 冯干事、审管科 陈科长',
      findings: [{ clause: 'C4', finding: '8:47到岗', staffId: s.f.staff[1]!.id }],
    });
    const bulletin = await bulletinOf(s.t.db, s.f.centerId, { kind: 'patrol', date: '2026-11-17' }, TODAY);
    if (bulletin.kind !== 'patrol') throw new Error(bulletin.kind);
    expect(bulletin.clauses).toHaveLength(10);
    expect(bulletin.patrol?.findings[1]?.morning).toBe('不动产登记1号窗口 李四：8:47到岗（C4）');
    expect(bulletin.patrol?.findings[11]).toBeUndefined();
  });

  it('the results notice of a correction says 更正 and why; the objection contact is the center’s setting', async () => {
    await s.as('leader').assessment.publish({ year: 2026, quarter: 3 });
    const first = await bulletinOf(s.t.db, s.f.centerId, { kind: 'results', year: 2026, quarter: 3 }, TODAY);
    if (first.kind !== 'results') throw new Error(first.kind);
    expect(first.correction).toBeUndefined();
    expect(first.objectionPhone).toBeNull();
    await s
      .as('admin')
      .org.setObjectionContact({ objectionOffice: '审管科', objectionPhone: '0791-83761234' });
    await s.as('supervisor').records.create({
      staffId: s.f.staff[0]!.id,
      item: 'C4',
      date: '2026-08-12',
      correctionReason: '漏记8月12日迟到',
    });
    await s.as('leader').assessment.correct({ year: 2026, quarter: 3, reason: '漏记8月12日迟到' });
    const corrected = await bulletinOf(
      s.t.db,
      s.f.centerId,
      { kind: 'results', year: 2026, quarter: 3 },
      TODAY,
    );
    if (corrected.kind !== 'results') throw new Error(corrected.kind);
    expect(corrected.correction).toEqual({ revision: 2, reason: '漏记8月12日迟到' });
    expect(corrected).toMatchObject({ objectionOffice: '审管科', objectionPhone: '0791-83761234' });
    await expect(
      s.as('supervisor').org.setObjectionContact({ objectionOffice: null, objectionPhone: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
