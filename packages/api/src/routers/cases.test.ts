import {
  countAudit,
  countRecords,
  findWorkflowCase,
  TEST_DIALECTS,
  type TRole,
  type TUser,
  updateWorkflowCase,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner, type TContext } from '../context.ts';
import { appRouter, createCaller } from '../root.ts';
import { QUERY_LIMITS, WRONG_CODE_OR_PASSWORD } from '../services/case-feedback.service.ts';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';

/** The Chinese message of a refused call. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('the call was not refused');
}

describe.each(TEST_DIALECTS)('cases router on %s', (dialect) => {
  let s: TApiSetup;
  let matters: { promised: number; immediate: number; joint: number; escalated: number };
  const applicant = { applicantName: '王小明', applicantPhone: '13800000000' };

  /** A caller for the applicant at a client address (the host sets `clientAddress`). */
  const applicantAt = (address: string) =>
    createCaller({
      ...createContextInner({ db: s.t.db, user: null, today: () => TODAY }),
      clientAddress: address,
    } as TContext);

  beforeAll(async () => {
    s = await setupApi(dialect);
    const sup = s.as('supervisor');
    const guide = {
      unitId: s.f.unitId,
      legalBasis: '《不动产登记暂行条例》第十七条',
      materials: ['不动产登记申请书', '申请人身份证明', '不动产权属证书'],
      procedure: '受理—审核—登簿—发证',
      fees: '80元/件',
      feeBasis: '发改价格规〔2016〕2559号',
      inquiryPhone: '0571-88000001',
      complaintPhone: '12345',
    };
    const promised = await sup.cases.matters.create({
      ...guide,
      name: '不动产转移登记',
      type: 'promised',
      promisedDays: 3,
    });
    const immediate = await sup.cases.matters.create({
      ...guide,
      name: '登记资料查询',
      type: 'immediate',
      promisedDays: 0,
    });
    const joint = await sup.cases.matters.create({
      ...guide,
      name: '企业开办联办',
      type: 'joint',
      promisedDays: 5,
      leadDepartment: '市场监管局',
      relatedDepartments: ['税务局', '公安局'],
    });
    const escalated = await sup.cases.matters.create({
      ...guide,
      name: '建设用地审批（上报）',
      type: 'escalated',
      promisedDays: 5,
    });
    matters = { promised: promised.id, immediate: immediate.id, joint: joint.id, escalated: escalated.id };
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const acceptAs = (role: 'staff' | 'head' | 'supervisor', matterId: number, on: string, extra = {}) =>
    s.as(role).cases.accept({ matterId, on, ...applicant, ...extra });

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
      expect((await sup.cases.matters.list()).some((x) => x.id === m.id)).toBe(false);
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
      expect((await staff.cases.list({ flaggedOnly: true })).some((x) => x.id === c.id)).toBe(true);
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

    it('proposes B5 per overdue working day and F3, and records nothing until a supervisor confirms', async () => {
      const staff = s.as('staff');
      const sup = s.as('supervisor');
      const { case: c } = await acceptAs('staff', matters.promised, '2026-09-30');
      const recordsBefore = await countRecords(s.t.db);
      // deadline Saturday 10 Oct (调休); decided Tuesday 13 Oct: Mon 12 and Tue 13 are 2 working days late
      const d = await staff.cases.decide({ id: c.id, on: '2026-10-13', decision: 'approved' });
      expect(d).toMatchObject({ overdueDays: 2, handlingDays: 5 });
      const proposals = (await sup.cases.get({ id: c.id })).proposals;
      expect(proposals.map((p) => [p.item, p.qty, p.status, p.staffId])).toEqual([
        ['B5', 2, 'proposed', s.f.staff[1]!.id],
        ['F3', 1, 'proposed', s.f.staff[1]!.id],
      ]);
      expect(await countRecords(s.t.db)).toBe(recordsBefore);
      const rollup = await s.t.db
        .selectFrom('case_daily')
        .selectAll()
        .where('window_id', '=', s.f.windowIds[0])
        .where('day', '=', '2026-09-30')
        .executeTakeFirstOrThrow();
      expect(Number(rollup.overdue)).toBeGreaterThanOrEqual(1);
      expect(Number(rollup.overdue_days)).toBeGreaterThanOrEqual(2);

      // staff cannot confirm; the supervisor confirms B5 and rejects F3 with a reason
      expect((await refusal(staff.cases.confirmProposal({ id: proposals[0]!.id }))).code).toBe('FORBIDDEN');
      const b5 = await sup.cases.confirmProposal({ id: proposals[0]!.id });
      expect(b5).toMatchObject({ status: 'confirmed' });
      expect(b5.recordId).not.toBeNull();
      const f3 = await sup.cases.rejectProposal({ id: proposals[1]!.id, reason: '系统故障所致，非本人原因' });
      expect(f3).toMatchObject({
        status: 'rejected',
        recordId: null,
        decisionReason: '系统故障所致，非本人原因',
      });
      expect(await countRecords(s.t.db)).toBe(recordsBefore + 1);
      const records = await sup.records.list({ staffId: s.f.staff[1]!.id });
      expect(records.find((r) => r.id === b5.recordId)).toMatchObject({
        item: 'B5',
        qty: 2,
        source: 'case',
        sourceId: c.id,
        scheme: 'points',
      });
      expect((await refusal(sup.cases.confirmProposal({ id: proposals[0]!.id }))).code).toBe('CONFLICT');
      expect((await refusal(sup.cases.confirmProposal({ id: proposals[1]!.id }))).code).toBe('CONFLICT');
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
      const alerts = await head.cases.alerts({ today: '2026-11-05' });
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
      const due = (await staff.cases.alerts({ today: '2026-11-05' })).filter((a) => a.caseId === c.id);
      expect(due.map((a) => a.alert.kind)).toContain('explanationDue');
      expect(
        (await staff.cases.alerts({ today: '2026-11-04' })).filter(
          (a) => a.caseId === c.id && a.alert.kind === 'explanationDue',
        ),
      ).toEqual([]);
      await staff.cases.fileExplanation({
        id: c.id,
        on: '2026-11-05',
        explanation: '省厅尚在审查，已电话催办',
      });
      expect(
        (await staff.cases.alerts({ today: '2026-11-06' })).filter(
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
    it('is yellow on the last working day and red once the deadline has passed', async () => {
      const { case: c } = await acceptAs('staff', matters.promised, '2026-11-16');
      expect(c.deadline).toBe('2026-11-19');
      const on = async (today: string) =>
        (await s.as('staff').cases.alerts({ today })).filter((a) => a.caseId === c.id).map((a) => a.alert);
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
      const { case: c } = await acceptAs('supervisor', matters.promised, '2026-11-02', {
        staffId: s.f.staff[2]!.id,
      });
      expect((await refusal(s.as('staff').cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
      expect(
        (await refusal(s.as('head').cases.decide({ id: c.id, on: '2026-11-03', decision: 'approved' }))).code,
      ).toBe('NOT_FOUND');
      expect((await refusal(s.asUser(s.otherLeader).cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
      expect((await s.as('head').cases.list()).every((x) => x.windowId === s.f.windowIds[0])).toBe(true);
      expect((await s.as('staff').cases.list()).every((x) => x.staffId === s.f.staff[1]!.id)).toBe(true);
      expect((await refusal(s.as('staff').cases.list({ staffId: s.f.staff[2]!.id }))).code).toBe('FORBIDDEN');
    });
  });

  describe('the applicant: status query, rate limit, 好差评', () => {
    it('shows the status, deadline and handler of that case and nothing else', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20', {
        handlerPhone: '0571-88000003',
      });
      const status = await applicantAt('198.51.100.1').cases.publicStatus({
        code: receipt.acceptanceCode,
        password: receipt.queryPassword!.toLowerCase(),
      });
      expect(status).toEqual({
        status: 'accepted',
        statusZh: '办理中',
        deadline: '2026-11-25',
        handler: { name: '李四', phone: '0571-88000003' },
        rating: { canRate: false, level: null },
      });
      // nothing of the applicant, the matter or any other case
      const text = JSON.stringify(status);
      for (const secret of ['王小明', '13800000000', receipt.acceptanceCode, '不动产'])
        expect(text).not.toContain(secret);
    });

    it('gives the same answer for a wrong code and a wrong password', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20');
      const a = applicantAt('198.51.100.2');
      const wrongPassword = await refusal(
        a.cases.publicStatus({ code: receipt.acceptanceCode, password: 'ZZZZZZZZ' }),
      );
      const wrongCode = await refusal(
        a.cases.publicStatus({ code: '2026112099999999', password: receipt.queryPassword! }),
      );
      expect(wrongPassword).toEqual({ code: 'UNAUTHORIZED', message: WRONG_CODE_OR_PASSWORD });
      expect(wrongCode).toEqual(wrongPassword);
      // another case's password does not open this case
      const other = await acceptAs('staff', matters.promised, '2026-11-20');
      expect(
        await refusal(
          a.cases.publicStatus({ code: receipt.acceptanceCode, password: other.receipt.queryPassword! }),
        ),
      ).toEqual(wrongPassword);
    });

    it('locks a code after repeated wrong passwords, even for the right one, and an address across codes', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20');
      const a = applicantAt('198.51.100.3');
      for (let i = 0; i < QUERY_LIMITS.perCode; i++) {
        expect(
          (await refusal(a.cases.publicStatus({ code: receipt.acceptanceCode, password: `WRONG${i}` }))).code,
        ).toBe('UNAUTHORIZED');
      }
      // from another address too: the limit is per code
      const b = applicantAt('198.51.100.4');
      expect(
        (
          await refusal(
            b.cases.publicStatus({ code: receipt.acceptanceCode, password: receipt.queryPassword! }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      // an unknown code is limited exactly like a known one (the limit tells nothing)
      for (let i = 0; i < QUERY_LIMITS.perCode; i++)
        await refusal(b.cases.publicStatus({ code: '2026112000000001', password: 'X' }));
      expect((await refusal(b.cases.publicStatus({ code: '2026112000000001', password: 'X' }))).code).toBe(
        'TOO_MANY_REQUESTS',
      );

      // per address: wrong guesses spread over many codes
      const fresh = await acceptAs('staff', matters.promised, '2026-11-20');
      const c = applicantAt('198.51.100.5');
      for (let i = 0; i < QUERY_LIMITS.perAddress; i++)
        await refusal(c.cases.publicStatus({ code: `20261119${String(i).padStart(8, '0')}`, password: 'X' }));
      expect(
        (
          await refusal(
            c.cases.publicStatus({
              code: fresh.receipt.acceptanceCode,
              password: fresh.receipt.queryPassword!,
            }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      // the same case from another address is fine
      expect(
        (
          await applicantAt('198.51.100.6').cases.publicStatus({
            code: fresh.receipt.acceptanceCode,
            password: fresh.receipt.queryPassword!,
          })
        ).status,
      ).toBe('accepted');
    });

    it('rates a decided case once; a poor rating opens a follow-up with a deadline until it is closed', async () => {
      const staff = s.as('staff');
      const a = applicantAt('198.51.100.7');
      const good = await acceptAs('staff', matters.immediate, '2026-11-20');
      const poor = await acceptAs('staff', matters.immediate, '2026-11-20');
      const cred = (r: typeof good) => ({
        code: r.receipt.acceptanceCode,
        password: r.receipt.queryPassword!,
      });
      expect(
        (await refusal(a.cases.publicRate({ ...cred(good), rating: 'verySatisfied' }))).message,
      ).toContain('办结后');
      await staff.cases.decide({ id: good.case.id, on: '2026-11-20', decision: 'approved' });
      await staff.cases.decide({ id: poor.case.id, on: '2026-11-20', decision: 'approved' });
      expect((await a.cases.publicStatus(cred(good))).rating).toEqual({ canRate: true, level: null });
      expect((await a.cases.publicRate({ ...cred(good), rating: 'verySatisfied' })).rating).toEqual({
        canRate: false,
        level: 1,
      });
      expect((await refusal(a.cases.publicRate({ ...cred(good), rating: 'satisfied' }))).code).toBe(
        'CONFLICT',
      );
      expect(
        (await refusal(a.cases.publicRate({ ...cred(poor), rating: 'excellent' as 'satisfied' }))).code,
      ).toBe('BAD_REQUEST');
      await a.cases.publicRate({ ...cred(poor), rating: 'veryDissatisfied', comment: '等候时间太长' });

      const sup = s.as('supervisor');
      const open = (await sup.cases.followUps({ status: 'open' })).filter((f) => f.caseId === poor.case.id);
      // rated Thursday 26 Nov (TODAY) + 15 working days → Thursday 17 Dec
      expect(open.map((f) => [f.level, f.comment, f.openedOn, f.dueOn])).toEqual([
        [5, '等候时间太长', TODAY, '2026-12-17'],
      ]);
      expect((await sup.cases.followUps()).some((f) => f.caseId === good.case.id)).toBe(false);
      expect((await refusal(s.as('staff').cases.followUps())).code).toBe('FORBIDDEN');
      const closed = await sup.cases.closeFollowUp({ id: open[0]!.id, note: '已电话回访，优化叫号流程' });
      expect(closed).toMatchObject({ status: 'closed', closedOn: TODAY });
      expect((await refusal(sup.cases.closeFollowUp({ id: open[0]!.id, note: '再次办结' }))).code).toBe(
        'CONFLICT',
      );

      const rates = await sup.cases.satisfaction({ year: 2026, windowId: s.f.windowIds[0] });
      expect(rates).toEqual([
        {
          windowId: s.f.windowIds[0],
          windowName: '不动产登记1号窗口',
          month: '2026-11',
          counts: {
            verySatisfied: 1,
            satisfied: 0,
            basicallySatisfied: 0,
            dissatisfied: 0,
            veryDissatisfied: 1,
          },
          total: 2,
          satisfied: 1,
          rate: 0.5,
        },
      ]);
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
      const confirmed = await sup.cases.confirmProposal({ id: f3.id, note: '经核实系个人原因' });
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
      const reissued = await sup.cases.resetQueryPassword({ id });
      expect(
        (await a.cases.publicStatus({ code: 'EXT-0001', password: reissued.queryPassword! })).status,
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
    const stale = (await findWorkflowCase(s.t.db, c.id))!.version;
    await s.as('staff').cases.requestMaterials({ id: c.id, on: '2026-11-02', missing: ['委托书'] });
    expect(await updateWorkflowCase(s.t.db, c.id, { stage: 'returned' }, stale)).toBe(false);
    expect((await findWorkflowCase(s.t.db, c.id))!.stage).toBe('awaitingMaterials');
  });

  it('never sends a hash to a user', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
    const user: TUser = s.users.leader;
    const all = JSON.stringify([
      await s.asUser(user).cases.get({ id: c.id }),
      await s.asUser(user).cases.list(),
    ]);
    expect(all).not.toContain('scrypt$');
  });
});

/** Who passes the role gate of each cases procedure (scope is checked after, per case). */
const CASES_ROLES: Record<string, TRole[] | 'public'> = {
  'cases.matters.list': ['admin', 'leader', 'supervisor', 'head', 'staff'],
  'cases.matters.create': ['supervisor', 'leader'],
  'cases.matters.update': ['supervisor', 'leader'],
  'cases.matters.revoke': ['supervisor', 'leader'],
  'cases.import': ['supervisor', 'leader'],
  'cases.proposals': ['supervisor', 'leader'],
  'cases.confirmProposal': ['supervisor', 'leader'],
  'cases.rejectProposal': ['supervisor', 'leader'],
  'cases.closeFollowUp': ['supervisor', 'leader'],
  'cases.satisfaction': ['head', 'supervisor', 'leader'],
  'cases.followUps': ['head', 'supervisor', 'leader'],
  'cases.publicStatus': 'public',
  'cases.publicRate': 'public',
};
const AUTHED: TRole[] = ['admin', 'leader', 'supervisor', 'head', 'staff'];

describe('cases procedures with every role', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('lets through exactly the roles of each procedure and writes nothing for the others', async () => {
    const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('cases.'));
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) {
      const allowed = CASES_ROLES[path] ?? AUTHED;
      for (const role of [null, ...AUTHED] as (TRole | null)[]) {
        let fn: unknown = s.as(role);
        for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
        const before = await countAudit(s.t.db);
        // an input that is never valid: past the role gate, the input check refuses it
        const outcome = await (fn as (i: unknown) => Promise<unknown>)({ id: 'x' }).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        );
        const isAllowed = allowed === 'public' || (role !== null && allowed.includes(role));
        expect({ path, role, outcome }).toEqual({
          path,
          role,
          outcome: isAllowed
            ? expect.stringMatching(/^(ok|BAD_REQUEST)$/)
            : role === null
              ? 'UNAUTHORIZED'
              : 'FORBIDDEN',
        });
        expect(await countAudit(s.t.db)).toBe(before);
      }
    }
  });
});
