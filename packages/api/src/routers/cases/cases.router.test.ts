import { countAudit, findCase, TEST_DIALECTS, type TRole, updateCase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.ts';
import { createCaller } from '../../root.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('cases router on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  let applicantAt: TCaseSetup['applicantAt'];
  beforeAll(async () => {
    ({ s, matters, acceptAs, applicantAt } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  /** A caller on a server whose "today" is `today` (the host's setting; never the caller's input). */
  const onDay = (role: TRole, today: string) =>
    createCaller(
      createContextInner({ db: s.t.db, user: s.users[role as keyof TApiSetup['users']], today: () => today }),
    );

  describe('cases.matters', () => {
    it('keeps the eight fields of the service guide and the departments of a joint matter', async () => {
      const list = await s.as('staff').cases.matters.list();
      const joint = list.find((m) => m.id === matters.joint)!;
      expect(joint).toMatchObject({
        name: '企业开办联办',
        type: 'joint',
        promisedDays: 5,
        legalBasis: '《不动产登记暂行条例》第十七条',
        materials: ['不动产登记申请书', '申请人身份证明', '不动产权属证书'],
        procedure: '受理—审核—登簿—发证',
        fees: '80元/件',
        feeBasis: '发改价格规〔2016〕2559号',
        inquiryPhone: '0571-88000001',
        complaintPhone: '12345',
        leadDepartment: '市场监管局',
        relatedDepartments: ['税务局', '公安局'],
      });
    });

    it('refuses an immediate matter with a limit, and staff may not edit the catalog', async () => {
      const before = await countAudit(s.t.db);
      const r = await refusal(
        s
          .as('supervisor')
          .cases.matters.create({ unitId: s.f.unitId, name: 'x', type: 'immediate', promisedDays: 2 }),
      );
      expect(r).toMatchObject({ code: 'BAD_REQUEST' });
      expect(r.message).toContain('promisedDays');
      expect(
        (
          await refusal(
            s
              .as('staff')
              .cases.matters.create({ unitId: s.f.unitId, name: 'x', type: 'promised', promisedDays: 2 }),
          )
        ).code,
      ).toBe('FORBIDDEN');
      expect(await countAudit(s.t.db)).toBe(before);
    });

    it('revokes a matter with a reason; it can no longer be accepted but stays listed on request', async () => {
      const sup = s.as('supervisor');
      const m = await sup.cases.matters.create({
        unitId: s.f.unitId,
        name: '旧事项',
        type: 'promised',
        promisedDays: 2,
      });
      await sup.cases.matters.revoke({ id: m.id, reason: '事项已取消' });
      expect((await sup.cases.matters.list()).map((x) => x.id)).not.toContain(m.id);
      expect(
        (await sup.cases.matters.list({ includeRevoked: true })).find((x) => x.id === m.id),
      ).toMatchObject({
        isActive: false,
        revokeReason: '事项已取消',
      });
      expect((await refusal(acceptAs('staff', m.id, '2026-11-02'))).message).toContain('已停用');
    });
  });

  describe('cases.accept', () => {
    it('issues the receipt with the eight fields, a code and a password stored only as its hash', async () => {
      const { case: c, receipt } = await acceptAs('staff', matters.promised, '2026-09-30', {
        handlerPhone: '0571-88000002',
      });
      // Wednesday 30 Sept + 3 working days: 国庆 1–7 Oct off, Thu 8, Fri 9, Saturday 10 Oct (调休上班)
      expect(c).toMatchObject({
        stage: 'accepted',
        acceptedOn: '2026-09-30',
        deadline: '2026-10-10',
        staffId: s.f.staff[1]!.id,
      });
      expect(receipt).toMatchObject({
        applicant: { name: '王小明', phone: '13800000000' },
        matter: { name: '不动产转移登记', legalBasis: '《不动产登记暂行条例》第十七条' },
        acceptingBody: '测试市政务服务中心 不动产登记中心',
        handler: { name: '李四', phone: '0571-88000002' },
        promisedDays: 3,
        receivedOn: '2026-09-30',
        pickupOn: '2026-10-10',
        channels: { complaintPhone: '12345', inquiryPhone: '0571-88000001' },
      });
      expect(receipt.acceptanceCode).toMatch(/^20260930\d{8}$/);
      expect(receipt.queryPassword).toMatch(/^[A-Z2-9]{8}$/);
      const row = await s.t.db
        .selectFrom('cases')
        .select(['query_password_hash'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(row.query_password_hash).toMatch(/^scrypt\$/);
      expect(row.query_password_hash).not.toContain(receipt.queryPassword!);
      // the reprinted receipt never carries the password
      expect((await s.as('staff').cases.receipt({ id: c.id })).queryPassword).toBeNull();
    });

    it('counts the limit across the Spring Festival with its make-up Saturday', async () => {
      const { case: c } = await acceptAs('supervisor', matters.joint, '2026-02-12', {
        staffId: s.f.staff[0]!.id,
      });
      // Thursday 12 Feb + 5: Fri 13, Sat 14 (调休), then 24, 25, 26 after 春节 15–23
      expect(c.deadline).toBe('2026-02-26');
    });

    it('counts the case in the daily rollup of its window', async () => {
      await acceptAs('staff', matters.immediate, '2026-11-03');
      const row = await s.t.db
        .selectFrom('case_daily')
        .selectAll()
        .where('window_id', '=', s.f.windowIds[0])
        .where('day', '=', '2026-11-03')
        .executeTakeFirstOrThrow();
      expect(Number(row.cases)).toBe(1);
      expect(Number(row.immediate)).toBe(1);
    });

    it('lets staff accept only as themselves and refuses a future day, writing nothing', async () => {
      const before = await countAudit(s.t.db);
      expect(
        (await refusal(acceptAs('staff', matters.promised, '2026-11-02', { staffId: s.f.staff[2]!.id })))
          .code,
      ).toBe('FORBIDDEN');
      expect((await refusal(acceptAs('staff', matters.promised, '2026-12-01'))).message).toContain('on');
      expect(
        (await refusal(acceptAs('staff', matters.promised, '2026-11-02', { applicantPhone: 'abc' }))).message,
      ).toContain('applicantPhone');
      expect(await countAudit(s.t.db)).toBe(before);
    });
  });

  describe('补办 and 退回', () => {
    it('stops the clock until the materials are complete, and restarts it from that day', async () => {
      const staff = s.as('staff');
      const { case: c, receipt } = await acceptAs('staff', matters.promised, '2026-11-02', {
        missing: ['申请人身份证明'],
      });
      expect(c).toMatchObject({
        stage: 'awaitingMaterials',
        acceptedOn: null,
        deadline: null,
        missingMaterials: ['申请人身份证明'],
      });
      expect(receipt.pickupOn).toBeNull();
      const notice = await staff.cases.noticeFile({ id: c.id, kind: 'supplementNotice' });
      expect(notice.fileName).toBe(`补办件通知单-${receipt.acceptanceCode}.xlsx`);
      const done = await staff.cases.materialsComplete({ id: c.id, on: '2026-11-05' });
      // Thursday 5 Nov + 3 working days → Tuesday 10 Nov
      expect(done).toMatchObject({
        stage: 'accepted',
        acceptedOn: '2026-11-05',
        deadline: '2026-11-10',
        isOneTimeNotificationFailed: false,
      });
      const events = await staff.cases.get({ id: c.id });
      expect(events.events.map((e) => e.kind)).toEqual(['accept', 'requestMaterials', 'materialsComplete']);
    });

    it('flags a second 补办 on one case as a failure of one-time notification', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      await staff.cases.requestMaterials({ id: c.id, on: '2026-11-02', missing: ['委托书'] });
      await staff.cases.materialsComplete({ id: c.id, on: '2026-11-03' });
      const again = await staff.cases.requestMaterials({ id: c.id, on: '2026-11-04', missing: ['公证书'] });
      expect(again).toMatchObject({
        supplementCount: 2,
        isOneTimeNotificationFailed: true,
        stage: 'awaitingMaterials',
      });
      expect((await staff.cases.list({ flaggedOnly: true })).map((x) => x.id)).toContain(c.id);
    });

    it('refuses "materials incomplete" as a reason to return, and a return without reasons', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      const before = await countAudit(s.t.db);
      expect(
        (await refusal(staff.cases.return({ id: c.id, on: '2026-11-02', reasons: ['申请材料不全'] })))
          .message,
      ).toContain('补办');
      expect(
        (await refusal(staff.cases.return({ id: c.id, on: '2026-11-02', reasons: [] }))).message,
      ).toContain('理由');
      expect(await countAudit(s.t.db)).toBe(before);
      const r = await staff.cases.return({
        id: c.id,
        on: '2026-11-02',
        reasons: ['申请事项不属于本中心受理范围'],
      });
      expect(r).toMatchObject({
        stage: 'returned',
        returnReasons: ['申请事项不属于本中心受理范围'],
        deadline: null,
      });
      const file = await staff.cases.noticeFile({ id: c.id, kind: 'returnNotice' });
      expect(file.fileName).toMatch(/^退回件通知单-\d+\.xlsx$/);
      expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      expect((await refusal(staff.cases.noticeFile({ id: c.id, kind: 'acceptanceNotice' }))).code).toBe(
        'BAD_REQUEST',
      );
      // a returned case takes no further step
      expect(
        (await refusal(staff.cases.decide({ id: c.id, on: '2026-11-03', decision: 'approved' }))).message,
      ).toContain('已退回');
    });

    it('refuses materialsComplete on a case that awaits nothing', async () => {
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      expect(
        (await refusal(s.as('staff').cases.materialsComplete({ id: c.id, on: '2026-11-03' }))).code,
      ).toBe('BAD_REQUEST');
    });
  });

  describe('即办, 承诺 and the overdue proposals', () => {
    it('decides an immediate case the same day, on time, with no proposal', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.immediate, '2026-11-04');
      expect(c.deadline).toBe('2026-11-04');
      const d = await staff.cases.decide({ id: c.id, on: '2026-11-04', decision: 'approved' });
      expect(d).toMatchObject({ stage: 'decided', decidedOn: '2026-11-04', overdueDays: 0, handlingDays: 0 });
      expect((await s.as('supervisor').cases.get({ id: c.id })).proposals).toEqual([]);
    });

    it('notifies and hands over in that order only', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      expect((await refusal(staff.cases.notify({ id: c.id, on: '2026-11-03' }))).code).toBe('BAD_REQUEST');
      await staff.cases.decide({ id: c.id, on: '2026-11-03', decision: 'approved' });
      expect((await refusal(staff.cases.pickUp({ id: c.id, on: '2026-11-03' }))).message).toContain('已办结');
      await staff.cases.notify({ id: c.id, on: '2026-11-04' });
      const p = await staff.cases.pickUp({ id: c.id, on: '2026-11-05' });
      expect(p).toMatchObject({ stage: 'pickedUp', notifiedOn: '2026-11-04', pickedUpOn: '2026-11-05' });
      expect(
        (await refusal(staff.cases.decide({ id: c.id, on: '2026-11-05', decision: 'approved' }))).code,
      ).toBe('BAD_REQUEST');
    });

    it('refuses a refusal without reasons and a step dated before the last one', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      expect(
        (await refusal(staff.cases.decide({ id: c.id, on: '2026-11-03', decision: 'refused' }))).message,
      ).toContain('理由');
      expect(
        (await refusal(staff.cases.decide({ id: c.id, on: '2026-11-01', decision: 'approved' }))).message,
      ).toContain('日期');
    });
  });

  describe('联办', () => {
    it('waits for every department, flags a late one and shows it in the alerts', async () => {
      const head = s.as('head');
      const { case: c } = await acceptAs('head', matters.joint, '2026-11-02');
      expect(
        (await refusal(head.cases.copyJoint({ id: c.id, on: '2026-11-02', departments: [] }))).code,
      ).toBe('BAD_REQUEST');
      await head.cases.copyJoint({
        id: c.id,
        on: '2026-11-02',
        departments: [
          { department: '税务局', limitDays: 2 },
          { department: '公安局', limitDays: 3 },
        ],
      });
      expect(
        (
          await refusal(
            head.cases.copyJoint({
              id: c.id,
              on: '2026-11-02',
              departments: [{ department: '税务局', limitDays: 2 }],
            }),
          )
        ).message,
      ).toContain('已抄告');
      // 税务局 due Wednesday 4 Nov; on Thursday 5 Nov it is late and unanswered
      const alerts = await onDay('head', '2026-11-05').cases.alerts();
      expect(alerts.filter((a) => a.caseId === c.id).map((a) => a.alert)).toEqual([
        { kind: 'jointLate', level: 'red', department: '税务局', due: '2026-11-04' },
      ]);
      expect(
        (await refusal(head.cases.decide({ id: c.id, on: '2026-11-05', decision: 'approved' }))).message,
      ).toContain('税务局');
      await head.cases.jointAnswer({ id: c.id, on: '2026-11-04', department: '公安局', opinion: '同意' });
      const late = await head.cases.jointAnswer({
        id: c.id,
        on: '2026-11-05',
        department: '税务局',
        opinion: '同意',
      });
      expect(late.isJointDepartmentLate).toBe(true);
      expect(
        (await refusal(head.cases.jointAnswer({ id: c.id, on: '2026-11-05', department: '税务局' }))).message,
      ).toContain('已反馈');
      expect(
        (await refusal(head.cases.jointAnswer({ id: c.id, on: '2026-11-05', department: '教育局' }))).message,
      ).toContain('未抄告');
      const d = await head.cases.decide({ id: c.id, on: '2026-11-06', decision: 'approved' });
      expect(d).toMatchObject({ stage: 'decided', overdueDays: 0 });
      const joint = (await head.cases.get({ id: c.id })).joint;
      expect(joint.map((j) => [j.department, j.dueOn, j.answeredOn, j.opinion])).toEqual([
        ['公安局', '2026-11-05', '2026-11-04', '同意'],
        ['税务局', '2026-11-04', '2026-11-05', '同意'],
      ]);
    });

    it('copies departments only on a joint case', async () => {
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      expect(
        (
          await refusal(
            s.as('staff').cases.copyJoint({
              id: c.id,
              on: '2026-11-02',
              departments: [{ department: '税务局', limitDays: 2 }],
            }),
          )
        ).message,
      ).toContain('联办');
    });
  });

  describe('上报', () => {
    it('asks for an explanation after 15 days without a reply, until it is filed', async () => {
      const staff = s.as('staff');
      const { case: c } = await acceptAs('staff', matters.escalated, '2026-10-19');
      expect(
        (await refusal(staff.cases.fileExplanation({ id: c.id, on: '2026-10-20', explanation: '说明' })))
          .code,
      ).toBe('BAD_REQUEST');
      await staff.cases.forward({ id: c.id, on: '2026-10-20' });
      expect(
        (await refusal(staff.cases.decide({ id: c.id, on: '2026-10-21', decision: 'approved' }))).message,
      ).toContain('上级');
      const due = (await onDay('staff', '2026-11-05').cases.alerts()).filter((a) => a.caseId === c.id);
      expect(due.map((a) => a.alert.kind)).toContain('explanationDue');
      expect(
        (await onDay('staff', '2026-11-04').cases.alerts()).filter(
          (a) => a.caseId === c.id && a.alert.kind === 'explanationDue',
        ),
      ).toEqual([]);
      await staff.cases.fileExplanation({
        id: c.id,
        on: '2026-11-05',
        explanation: '省厅尚在审查，已电话催办',
      });
      expect(
        (await onDay('staff', '2026-11-06').cases.alerts()).filter(
          (a) => a.caseId === c.id && a.alert.kind === 'explanationDue',
        ),
      ).toEqual([]);
      expect(
        (await refusal(staff.cases.fileExplanation({ id: c.id, on: '2026-11-06', explanation: '再次说明' })))
          .message,
      ).toContain('已向中心');
      await staff.cases.upperReply({ id: c.id, on: '2026-11-09' });
      const d = await staff.cases.decide({ id: c.id, on: '2026-11-10', decision: 'approved' });
      expect(d).toMatchObject({
        stage: 'decided',
        explanation: '省厅尚在审查，已电话催办',
        forwardedOn: '2026-10-20',
        upperReplyOn: '2026-11-09',
      });
    });

    it('forwards only an escalated case', async () => {
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
      expect((await refusal(s.as('staff').cases.forward({ id: c.id, on: '2026-11-02' }))).message).toContain(
        '上报',
      );
    });
  });

  describe('cases.alerts', () => {
    it('takes "today" from the server only: a caller cannot move it', async () => {
      expect((await refusal(s.as('staff').cases.alerts({ today: '2030-01-01' } as never))).code).toBe(
        'BAD_REQUEST',
      );
    });

    it('is yellow on the last working day and red once the deadline has passed', async () => {
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-16');
      expect(c.deadline).toBe('2026-11-19');
      const on = async (today: string) =>
        (await onDay('staff', today).cases.alerts()).filter((a) => a.caseId === c.id).map((a) => a.alert);
      expect(await on('2026-11-16')).toEqual([]);
      expect(await on('2026-11-19')).toEqual([
        { kind: 'deadlineNear', level: 'yellow', deadline: '2026-11-19', workingDaysLeft: 0 },
      ]);
      expect(await on('2026-11-23')).toEqual([
        { kind: 'overdue', level: 'red', deadline: '2026-11-19', overdueWorkingDays: 2 },
      ]);
    });
  });

  describe('scope', () => {
    it('hides a case from another window and from another center', async () => {
      const { case: other } = await acceptAs('supervisor', matters.promised, '2026-11-02', {
        staffId: s.f.staff[2]!.id,
      });
      const { case: mine } = await acceptAs('staff', matters.promised, '2026-11-02');
      const { case: heads } = await acceptAs('head', matters.promised, '2026-11-02');
      expect((await refusal(s.as('staff').cases.get({ id: other.id }))).code).toBe('NOT_FOUND');
      expect(
        (await refusal(s.as('head').cases.decide({ id: other.id, on: '2026-11-03', decision: 'approved' })))
          .code,
      ).toBe('NOT_FOUND');
      expect((await refusal(s.asUser(s.otherLeader).cases.get({ id: other.id }))).code).toBe('NOT_FOUND');
      const ofDay = { from: '2026-11-02', to: '2026-11-02' };
      // the head sees window 1 (李四's and their own), the clerk their own, the center all three
      const ids = async (role: 'head' | 'staff' | 'supervisor') =>
        (await s.as(role).cases.list(ofDay)).map((x) => x.id);
      expect(await ids('head')).toEqual(expect.arrayContaining([mine.id, heads.id]));
      expect(await ids('head')).not.toContain(other.id);
      expect(await ids('staff')).toContain(mine.id);
      expect(await ids('staff')).not.toContain(heads.id);
      expect(await ids('supervisor')).toEqual(expect.arrayContaining([mine.id, heads.id, other.id]));
      const windows = new Set((await s.as('head').cases.list()).map((x) => x.windowId));
      expect([...windows]).toEqual([s.f.windowIds[0]]);
      const people = new Set((await s.as('staff').cases.list()).map((x) => x.staffId));
      expect([...people]).toEqual([s.f.staff[1]!.id]);
      expect(await s.asUser(s.otherLeader).cases.list(ofDay)).toEqual([]);
      expect((await refusal(s.as('staff').cases.list({ staffId: s.f.staff[2]!.id }))).code).toBe('FORBIDDEN');
    });
  });

  describe('cases.list pages', () => {
    it('caps a page at 200 and pages on by the last id seen, newest first, without overlap', async () => {
      const staff = s.as('staff');
      expect((await refusal(staff.cases.list({ limit: 201 }))).code).toBe('BAD_REQUEST');
      for (let i = 0; i < 3; i++) await acceptAs('staff', matters.promised, '2026-11-23');
      const first = await staff.cases.list({ limit: 2 });
      expect(first).toHaveLength(2);
      const next = await staff.cases.list({ limit: 2, beforeId: first[1]!.id });
      const ids = [...first, ...next].map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });
  });

  describe('cases.import', () => {
    it('imports handled cases through the rules, with their proposals, all or none', async () => {
      const sup = s.as('supervisor');
      const base = { matterId: matters.promised, staffId: s.f.staff[3]!.id, applicantName: '导入申请人' };
      const before = await countAudit(s.t.db);
      const bad = await refusal(
        sup.cases.import({
          cases: [
            { ...base, receivedOn: '2026-11-02', decidedOn: '2026-11-03' },
            { ...base, receivedOn: '2026-11-02', decidedOn: '2026-11-01' },
          ],
        }),
      );
      expect(bad.message).toContain('cases[1]');
      expect(await countAudit(s.t.db)).toBe(before);
      const rollup = async () => {
        const row = await s.t.db
          .selectFrom('case_daily')
          .select(['cases', 'completed', 'on_time', 'overdue', 'overdue_days'])
          .where('window_id', '=', s.f.windowIds[1])
          .where('day', '=', '2026-11-02')
          .executeTakeFirst();
        return [row?.cases, row?.completed, row?.on_time, row?.overdue, row?.overdue_days].map((n) =>
          Number(n ?? 0),
        );
      };
      const rollupBefore = await rollup();
      // received Monday 2 Nov, due Thursday 5 Nov; decided Tuesday 10 Nov: Fri 6, Mon 9, Tue 10 late
      const r = await sup.cases.import({
        cases: [
          {
            ...base,
            receivedOn: '2026-11-02',
            decidedOn: '2026-11-03',
            notifiedOn: '2026-11-03',
            pickedUpOn: '2026-11-04',
          },
          { ...base, receivedOn: '2026-11-02', decidedOn: '2026-11-10' },
          { ...base, receivedOn: '2026-11-02', missing: ['身份证明'] },
          { ...base, receivedOn: '2026-11-02', acceptanceCode: 'EXT-0001' },
        ],
      });
      expect(r).toEqual({ imported: 4, decided: 2, proposals: 2 });
      // the decided ones count in the rollup as decided: 4 cases, 2 completed, 1 on time, 1 late by 3
      const rollupAfter = await rollup();
      expect(rollupAfter.map((n, i) => n - rollupBefore[i]!)).toEqual([4, 2, 1, 1, 3]);
      const rows = await sup.cases.list({ staffId: s.f.staff[3]!.id });
      expect(rows.map((x) => [x.stage, x.overdueDays]).sort()).toEqual(
        [
          ['accepted', 0],
          ['awaitingMaterials', 0],
          ['decided', 3],
          ['pickedUp', 0],
        ].sort(),
      );
      expect((await sup.cases.list({ acceptanceCode: 'EXT-0001' })).length).toBe(1);
      // the late one's F3 fine, once confirmed, is a fine record (policy B), not points
      const late = rows.find((x) => x.overdueDays === 3)!;
      const f3 = (await sup.cases.get({ id: late.id })).proposals.find((p) => p.item === 'F3')!;
      const confirmed = await sup.cases.sanctionProposals.confirm({ id: f3.id, note: '经核实系个人原因' });
      const fines = await sup.records.list({ staffId: s.f.staff[3]!.id });
      expect(fines.find((r) => r.id === confirmed.recordId)).toMatchObject({
        item: 'F3',
        qty: 1,
        scheme: 'fine',
        source: 'case',
      });
      // an imported case has no query password until a window issues one
      const a = applicantAt('198.51.100.8');
      expect((await refusal(a.cases.publicStatus({ code: 'EXT-0001', password: 'ANYTHING' }))).code).toBe(
        'UNAUTHORIZED',
      );
      const id = (await sup.cases.list({ acceptanceCode: 'EXT-0001' }))[0]!.id;
      const reissued = await sup.cases.resetQueryPassword({ id, reason: '申请人遗失受理通知书' });
      expect(
        (await a.cases.publicStatus({ code: 'EXT-0001', password: reissued.queryPassword! })).stage,
      ).toBe('accepted');
      expect(
        (
          await refusal(
            sup.cases.import({ cases: [{ ...base, receivedOn: '2026-11-02', acceptanceCode: 'EXT-0001' }] }),
          )
        ).message,
      ).toContain('已存在');
    });
  });

  it('writes every step to the append-only event log and the audit log', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
    await s.as('staff').cases.decide({ id: c.id, on: '2026-11-03', decision: 'approved' });
    const audit = await s.as('leader').audit.list({ entity: 'case', entityId: String(c.id) });
    expect(audit.map((a) => a.action)).toEqual(['decide', 'accept']);
    await expect(
      s.t.db.updateTable('case_events').set({ kind: 'x' }).where('case_id', '=', c.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(s.t.db.deleteFrom('case_events').where('case_id', '=', c.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('writes a step only over the version it read (two clerks on one case)', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
    const stale = (await findCase(s.t.db, c.id))!.version;
    await s.as('staff').cases.requestMaterials({ id: c.id, on: '2026-11-02', missing: ['委托书'] });
    expect(await updateCase(s.t.db, c.id, { stage: 'returned' }, stale)).toBe(false);
    expect((await findCase(s.t.db, c.id))!.stage).toBe('awaitingMaterials');
  });

  it('sends each field of a case once, in the words of the case (stage, receivedOn, decidedOn)', async () => {
    const { case: c } = await acceptAs('staff', matters.escalated, '2026-11-02');
    const [listed] = await s.as('staff').cases.list({ acceptanceCode: c.acceptanceCode! });
    const { case: got } = await s.as('staff').cases.get({ id: c.id });
    for (const row of [listed!, got]) {
      expect(row).toMatchObject({
        type: 'escalated',
        stage: 'accepted',
        receivedOn: '2026-11-02',
        decidedOn: null,
      });
      for (const second of ['status', 'stageZh', 'acceptedAt', 'completedAt'])
        expect(Object.keys(row)).not.toContain(second);
    }
  });

  it('never sends a hash to a user', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
    const user = s.users.leader;
    const all = JSON.stringify([
      await s.asUser(user).cases.get({ id: c.id }),
      await s.asUser(user).cases.list(),
    ]);
    expect(all).not.toContain('scrypt$');
  });
});
