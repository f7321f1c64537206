import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../calendar/index.ts';
import { POLICY_D } from '../policy/index.ts';
import type { RulesError } from '../shared/errors.ts';
import { caseAlerts, proposeOverdueSanctions } from './case-consequences.ts';
import { caseRulesOf, type TCaseRules } from './case-rules.schema.ts';
import { CASE_STEP_STAGES, nextCaseSteps } from './case-steps.ts';
import { acceptCase, applyCaseEvent, type TCaseEvent, type TCaseState } from './case-workflow.ts';

const cal = chinaWorkCalendar();
const rules = caseRulesOf(POLICY_D);
const promised = (on = '2026-08-03', days = 5) =>
  acceptCase({ type: 'promised', acceptedBy: 'p1', on, promisedDays: days }, cal);
const step = (s: TCaseState, e: TCaseEvent) => applyCaseEvent(s, e, cal);
/** The Chinese message a clerk sees for a refused step. */
const zh = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as RulesError).messageZh;
  }
  throw new Error('the step was not refused');
};

describe('acceptCase', () => {
  it('sets the deadline of a promised case in working days from acceptance', () => {
    // Monday 3 Aug 2026 + 5 working days → Monday 10 Aug
    expect(promised()).toMatchObject({
      stage: 'accepted',
      acceptedOn: '2026-08-03',
      deadline: '2026-08-10',
    });
  });
  it('makes an immediate case due the same day', () => {
    const c = acceptCase({ type: 'immediate', acceptedBy: 'p1', on: '2026-08-05', promisedDays: 0 }, cal);
    expect(c.deadline).toBe('2026-08-05');
  });
  it('counts a limit across the Spring Festival with its make-up days', () => {
    // Thursday 12 Feb 2026 + 5: 13, 14 (调休), then 24, 25, 26 after 春节 15–23
    expect(promised('2026-02-12').deadline).toBe('2026-02-26');
  });
  it('refuses an immediate case with a limit, and a promised case without one', () => {
    expect(() =>
      acceptCase({ type: 'immediate', acceptedBy: 'p1', on: '2026-08-05', promisedDays: 3 }, cal),
    ).toThrow('promisedDays');
    expect(() =>
      acceptCase({ type: 'promised', acceptedBy: 'p1', on: '2026-08-05', promisedDays: 0 }, cal),
    ).toThrow('promisedDays');
  });
});

describe('补办 (materials incomplete)', () => {
  it('stops the clock and restarts it from the day the materials are complete', () => {
    let c = acceptCase(
      {
        type: 'promised',
        acceptedBy: 'p1',
        on: '2026-08-03',
        promisedDays: 5,
        missing: ['身份证复印件', '房产证'],
      },
      cal,
    );
    expect(c).toMatchObject({
      stage: 'awaitingMaterials',
      deadline: null,
      missingMaterials: ['身份证复印件', '房产证'],
    });
    c = step(c, { kind: 'materialsComplete', on: '2026-08-07' });
    // Friday 7 Aug + 5 working days → Friday 14 Aug
    expect(c).toMatchObject({ stage: 'accepted', acceptedOn: '2026-08-07', deadline: '2026-08-14' });
  });
  it('flags a second 补办 on the same case as a failure of one-time notification (and after acceptance)', () => {
    let c = step(promised(), { kind: 'requestMaterials', on: '2026-08-03', missing: ['申请表'] });
    expect(c.flags).toStrictEqual([]);
    c = step(c, { kind: 'materialsComplete', on: '2026-08-04' });
    c = step(c, { kind: 'requestMaterials', on: '2026-08-05', missing: ['委托书'] });
    expect(c.flags).toStrictEqual(['oneTimeNotificationFailed', 'supplementAfterAcceptance']);
    expect(c.supplementCount).toBe(2);
  });
  it('refuses a 补办 notice that lists nothing', () => {
    expect(() => step(promised(), { kind: 'requestMaterials', on: '2026-08-03', missing: [] })).toThrow(
      'missing',
    );
  });
});

describe('退回 (return)', () => {
  it('returns a case with its written reasons', () => {
    const c = step(promised(), {
      kind: 'return',
      on: '2026-08-03',
      reasons: ['申请事项不属于本机关职权范围'],
    });
    expect(c).toMatchObject({ stage: 'returned', returnReasons: ['申请事项不属于本机关职权范围'] });
  });
  it('refuses "materials incomplete" as a reason, in Chinese and English', () => {
    for (const reason of ['申请材料不全', '材料不齐', 'materials incomplete']) {
      expect(() => step(promised(), { kind: 'return', on: '2026-08-03', reasons: [reason] })).toThrow('补办');
    }
  });
  it('refuses a return without reasons', () => {
    expect(() => step(promised(), { kind: 'return', on: '2026-08-03', reasons: [] })).toThrow('reasons');
  });
});

describe('联办 (joint)', () => {
  const joint = () =>
    step(
      acceptCase(
        {
          type: 'joint',
          acceptedBy: 'p1',
          on: '2026-08-03',
          promisedDays: 7,
          matterDepartments: ['税务局', '住建局'],
        },
        cal,
      ),
      {
        kind: 'copyJoint',
        on: '2026-08-03',
        departments: [
          { department: '税务局', limitDays: 3 },
          { department: '住建局', limitDays: 5 },
        ],
      },
    );
  it('waits for every department before deciding, and flags a late one', () => {
    let c = joint();
    c = step(c, { kind: 'jointAnswer', on: '2026-08-05', department: '税务局' });
    expect(() => step(c, { kind: 'decide', on: '2026-08-06', decision: 'approved' })).toThrow('住建局');
    // 住建局 due Monday 10 Aug, answers Tuesday 11 Aug
    c = step(c, { kind: 'jointAnswer', on: '2026-08-11', department: '住建局' });
    expect(c.flags).toStrictEqual(['jointDepartmentLate']);
    c = step(c, { kind: 'decide', on: '2026-08-12', decision: 'approved' });
    expect(c.stage).toBe('decided');
  });
  it('raises a red alert for a department past its own limit', () => {
    const alerts = caseAlerts(joint(), '2026-08-07', cal, rules);
    expect(alerts).toContainEqual({
      kind: 'jointLate',
      level: 'red',
      department: '税务局',
      due: '2026-08-06',
    });
  });
  it('refuses an answer from a department that was not copied', () => {
    expect(() => step(joint(), { kind: 'jointAnswer', on: '2026-08-04', department: '公安局' })).toThrow(
      '公安局',
    );
  });
});

describe('上报 (escalated)', () => {
  const forwarded = () =>
    step(acceptCase({ type: 'escalated', acceptedBy: 'p1', on: '2026-08-03', promisedDays: 20 }, cal), {
      kind: 'forward',
      on: '2026-08-03',
    });
  it('asks for an explanation after 15 days without a reply, until it is filed', () => {
    // day 15 of waiting: only 等待上级 (never 超期), no explanation due yet
    expect(caseAlerts(forwarded(), '2026-08-18', cal, rules).map((a) => a.kind)).toStrictEqual([
      'awaitingUpper',
    ]);
    const due = caseAlerts(forwarded(), '2026-08-19', cal, rules).find((a) => a.kind === 'explanationDue');
    expect(due).toMatchObject({ level: 'red', daysWaiting: 16 });
    const filed = step(forwarded(), { kind: 'fileExplanation', on: '2026-08-19' });
    expect(caseAlerts(filed, '2026-08-25', cal, rules).map((a) => a.kind)).toStrictEqual(['awaitingUpper']);
  });
  it('cannot be decided before the upper authority replies', () => {
    expect(zh(() => step(forwarded(), { kind: 'decide', on: '2026-08-10', decision: 'approved' }))).toBe(
      'event：上级尚未批复',
    );
    const replied = step(forwarded(), { kind: 'upperReply', on: '2026-08-10' });
    expect(step(replied, { kind: 'decide', on: '2026-08-11', decision: 'approved' }).stage).toBe('decided');
  });
});

describe('completion, notification and pickup', () => {
  it('walks decide → notify → pick up, and refuses steps out of order', () => {
    let c = promised();
    expect(zh(() => step(c, { kind: 'notify', on: '2026-08-04' }))).toBe(
      'event：当前状态为「办理中」，不能进行此操作',
    );
    c = step(c, { kind: 'decide', on: '2026-08-07', decision: 'approved' });
    c = step(c, { kind: 'notify', on: '2026-08-07' });
    c = step(c, { kind: 'pickUp', on: '2026-08-10' });
    expect(c).toMatchObject({ stage: 'pickedUp', pickedUpOn: '2026-08-10', flags: [] });
  });
  it('needs written reasons for a refusal', () => {
    expect(() => step(promised(), { kind: 'decide', on: '2026-08-04', decision: 'refused' })).toThrow(
      'reasons',
    );
  });
  it('refuses a step dated before the case', () => {
    expect(() => step(promised(), { kind: 'decide', on: '2026-08-01', decision: 'approved' })).toThrow(
      '2026-08-03',
    );
  });
});

describe('deadline alerts and overdue proposals', () => {
  it('is yellow on the last working day, red after the deadline', () => {
    const c = promised(); // deadline Monday 10 Aug
    expect(caseAlerts(c, '2026-08-05', cal, rules)).toStrictEqual([]);
    expect(caseAlerts(c, '2026-08-07', cal, rules)).toStrictEqual([
      { kind: 'deadlineNear', level: 'yellow', deadline: '2026-08-10', workingDaysLeft: 1 },
    ]);
    expect(caseAlerts(c, '2026-08-12', cal, rules)).toStrictEqual([
      { kind: 'overdue', level: 'red', deadline: '2026-08-10', overdueWorkingDays: 2 },
    ]);
  });
  it('proposes B5 per overdue working day and one F3 to the first responsible person, and nothing on time', () => {
    const late = step(promised(), { kind: 'decide', on: '2026-08-13', decision: 'approved' });
    expect(late.flags).toStrictEqual(['overdue']);
    expect(proposeOverdueSanctions(late, cal, rules).map((p) => [p.staff, p.item, p.qty])).toStrictEqual([
      ['p1', 'B5', 3],
      ['p1', 'F3', 1],
    ]);
    const onTime = step(promised(), { kind: 'decide', on: '2026-08-10', decision: 'approved' });
    expect(proposeOverdueSanctions(onTime, cal, rules)).toStrictEqual([]);
  });
  it('counts overdue days across National Day in working days', () => {
    // accepted Monday 21 Sept 2026, 3 days: 22, 23, 24 → due Thursday 24; 中秋 25–27, 国庆 1–7 Oct
    const c = step(promised('2026-09-21', 3), { kind: 'decide', on: '2026-10-08', decision: 'approved' });
    expect(c.deadline).toBe('2026-09-24');
    expect(proposeOverdueSanctions(c, cal, rules)[0]!.qty).toBe(4); // 28, 29, 30 Sept and 8 Oct
  });
});

describe('the case rules of the policy in force', () => {
  it('proposes only what the policy names, with the qty it counts', () => {
    const pointsOnly: TCaseRules = { ...rules, overdueSanctions: [{ item: 'B5', per: 'overdueWorkingDay' }] };
    const late = step(promised(), { kind: 'decide', on: '2026-08-13', decision: 'approved' });
    expect(proposeOverdueSanctions(late, cal, pointsOnly).map((p) => [p.item, p.qty])).toStrictEqual([
      ['B5', 3],
    ]);
    expect(proposeOverdueSanctions(late, cal, { ...rules, overdueSanctions: [] })).toStrictEqual([]);
  });
  it('warns as many working days ahead as the policy says', () => {
    const c = promised(); // deadline Monday 10 Aug
    expect(caseAlerts(c, '2026-08-05', cal, { ...rules, warnWorkingDays: 3 })).toStrictEqual([
      { kind: 'deadlineNear', level: 'yellow', deadline: '2026-08-10', workingDaysLeft: 3 },
    ]);
  });
  it('counts the 上报 wait in working days when the policy says so', () => {
    const forwarded = step(
      acceptCase({ type: 'escalated', acceptedBy: 'p1', on: '2026-08-03', promisedDays: 20 }, cal),
      { kind: 'forward', on: '2026-08-03' },
    );
    const working: TCaseRules = { ...rules, escalation: { replyDays: 15, dayKind: 'working' } };
    // 19 Aug is 16 calendar days but 12 working days after 3 Aug
    expect(caseAlerts(forwarded, '2026-08-19', cal, working).map((a) => a.kind)).toStrictEqual([
      'awaitingUpper',
    ]);
    expect(caseAlerts(forwarded, '2026-08-25', cal, working)).toMatchObject([
      { kind: 'awaitingUpper', daysWaiting: 16 },
      { kind: 'explanationDue', daysWaiting: 16 },
    ]);
  });
  it('refuses a policy without case rules, naming the section', () => {
    expect(() => caseRulesOf({ ...POLICY_D, cases: undefined })).toThrow('cases');
  });
});

describe('nextCaseSteps', () => {
  const at = (c: Partial<Parameters<typeof nextCaseSteps>[0]>) =>
    nextCaseSteps({
      type: 'promised',
      stage: 'accepted',
      explanationFiledOn: null,
      hasUnansweredDepartment: false,
      ...c,
    });
  it('offers what each stage allows, in the order a clerk meets them', () => {
    expect(at({})).toEqual(['requestMaterials', 'return', 'decide']);
    expect(at({ stage: 'awaitingMaterials' })).toEqual(['materialsComplete', 'requestMaterials', 'return']);
    expect(at({ type: 'joint', hasUnansweredDepartment: true })).toEqual([
      'requestMaterials',
      'return',
      'copyJoint',
      'jointAnswer',
      'decide',
    ]);
    expect(at({ type: 'escalated' })).toEqual(['requestMaterials', 'return', 'forward', 'decide']);
    expect(at({ type: 'escalated', stage: 'forwarded' })).toEqual(['fileExplanation', 'upperReply']);
    expect(at({ type: 'escalated', stage: 'forwarded', explanationFiledOn: '2026-08-19' })).toEqual([
      'upperReply',
    ]);
    expect(at({ stage: 'decided' })).toEqual(['notify']);
    expect(at({ stage: 'notified' })).toEqual(['pickUp']);
    expect(at({ stage: 'returned' })).toEqual([]);
    expect(at({ stage: 'pickedUp' })).toEqual([]);
  });
  it('offers no step that applyCaseEvent would refuse for its stage', () => {
    for (const stage of ['accepted', 'awaitingMaterials', 'forwarded', 'decided', 'notified'] as const)
      for (const kind of at({ stage, type: 'joint', hasUnansweredDepartment: true }))
        expect(CASE_STEP_STAGES[kind]).toContain(stage);
  });
});
