import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../calendar/index.ts';
import {
  acceptCase,
  applyCaseEvent,
  caseAlerts,
  caseRulesOf,
  POLICY_D,
  proposeOverdueSanctions,
  recountDeadline,
  type TCaseEvent,
  type TCaseState,
} from '../index.ts';

// The consequences of the 高新区政务服务中心窗口办件工作规程, each under the clause it follows.

const cal = chinaWorkCalendar();
const rules = caseRulesOf(POLICY_D);
const step = (s: TCaseState, ...events: TCaseEvent[]) =>
  events.reduce((c, e) => applyCaseEvent(c, e, cal), s);
const proposals = (s: TCaseState) => proposeOverdueSanctions(s, cal, rules).map((p) => [p.item, p.qty]);

describe('规程 三、4 上报件：窗口时限只计本窗口环节，上级审批时间不计入', () => {
  // accepted Wed 1 Apr 2026 with 5 working days (due 9 Apr, 清明 4–6 Apr), forwarded 2 Apr
  const forwarded = () =>
    step(acceptCase({ type: 'escalated', acceptedBy: '李四', on: '2026-04-01', promisedDays: 5 }, cal), {
      kind: 'forward',
      on: '2026-04-02',
    });

  it('decided the day the upper authority answers (20 May): no overdue, no B5 or F3', () => {
    const c = step(
      forwarded(),
      { kind: 'upperReply', on: '2026-05-20' },
      { kind: 'decide', on: '2026-05-20', decision: 'approved' },
    );
    expect(c.flags).not.toContain('overdue');
    expect(proposals(c)).toStrictEqual([]);
  });

  it('resumes the window clock at the reply with the 4 days it had left (due 26 May)', () => {
    const replied = step(forwarded(), { kind: 'upperReply', on: '2026-05-20' });
    expect(replied.deadline).toBe('2026-05-26');
    const late = step(replied, { kind: 'decide', on: '2026-05-28', decision: 'approved' });
    // 27 and 28 May are the window's own days past its limit
    expect(proposals(late)).toStrictEqual([
      ['B5', 2],
      ['F3', 1],
    ]);
  });

  it('keeps the deadline counted from the reply when the calendar is counted again', () => {
    const replied = step(forwarded(), { kind: 'upperReply', on: '2026-05-20' });
    expect(recountDeadline(replied, cal).deadline).toBe('2026-05-26');
  });

  it('shows 等待上级, never 超期, while the case waits upstairs', () => {
    const alerts = caseAlerts(forwarded(), '2026-04-13', cal, rules);
    expect(alerts.map((a) => a.kind)).toStrictEqual(['awaitingUpper']);
    expect(alerts[0]).toMatchObject({ level: 'info', forwardedOn: '2026-04-02', daysWaiting: 11 });
  });
});

describe('规程 三、3 联办件：相关部门在承诺时限内反馈，逾期由纪检监察追究该部门', () => {
  const matterDepartments = ['税务局', '消防救援支队'];
  // accepted Mon 2 Mar 2026 with 5 working days: due Mon 9 Mar
  const joint = () =>
    acceptCase(
      { type: 'joint', acceptedBy: '张三', on: '2026-03-02', promisedDays: 5, matterDepartments },
      cal,
    );
  const copy = (department: string, limitDays: number): TCaseEvent => ({
    kind: 'copyJoint',
    on: '2026-03-02',
    departments: [{ department, limitDays }],
  });

  it("refuses a department's limit past the case's limit (30 days on a 5-day case)", () => {
    expect(() => step(joint(), copy('税务局', 30))).toThrow(/limitDays.*2026-03-09/);
  });

  it('refuses a department not named for the matter', () => {
    expect(() => step(joint(), copy('公安局', 3))).toThrow(/departments.*公安局/);
  });

  it("records a late department against itself, not against the lead's 第一责任人", () => {
    // 税务局 due Thu 5 Mar, answers Fri 20 Mar; the lead decides the same day
    const c = step(
      joint(),
      copy('税务局', 3),
      { kind: 'jointAnswer', on: '2026-03-20', department: '税务局' },
      { kind: 'decide', on: '2026-03-20', decision: 'approved' },
    );
    expect(c.flags).toStrictEqual(['jointDepartmentLate']);
    expect(proposals(c)).toStrictEqual([]);
  });

  it("keeps the lead overdue for the lead's own days after the answer", () => {
    // 6 of the lead's own working days (2–5 Mar, 23–25 Mar less the 5 it promised): 1 day late
    const c = step(
      joint(),
      copy('税务局', 3),
      { kind: 'jointAnswer', on: '2026-03-20', department: '税务局' },
      { kind: 'decide', on: '2026-03-25', decision: 'approved' },
    );
    expect(proposals(c)).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
  });
});

describe('规程 二、4 补办在受理时当场一次性告知：受理后补办不重新计时、不抹去超期', () => {
  it('keeps the 8 Jun deadline when a 补办 is issued on 25 Jun, and the case decided 29 Jun is overdue', () => {
    const accepted = acceptCase(
      { type: 'promised', acceptedBy: '王五', on: '2026-06-01', promisedDays: 5 },
      cal,
    );
    expect(accepted.deadline).toBe('2026-06-08');
    const c = step(
      accepted,
      { kind: 'requestMaterials', on: '2026-06-25', missing: ['委托书'] },
      { kind: 'materialsComplete', on: '2026-06-26' },
      { kind: 'decide', on: '2026-06-29', decision: 'approved' },
    );
    expect(c).toMatchObject({ acceptedOn: '2026-06-01', deadline: '2026-06-08' });
    expect(c.flags).toContain('supplementAfterAcceptance');
    expect(c.flags).toContain('overdue');
    // 9–12, 15–18 (端午 19 Jun), 22–26, 29 Jun
    expect(proposals(c)).toStrictEqual([
      ['B5', 14],
      ['F3', 1],
    ]);
  });
  it('still restarts the clock for a 补办 handed over at acceptance', () => {
    const c = step(
      acceptCase({ type: 'promised', acceptedBy: '王五', on: '2026-06-01', promisedDays: 5 }, cal),
      { kind: 'requestMaterials', on: '2026-06-01', missing: ['委托书'] },
      { kind: 'materialsComplete', on: '2026-06-03' },
    );
    expect(c).toMatchObject({ acceptedOn: '2026-06-03', deadline: '2026-06-10', flags: [] });
  });
});

describe('规程 二、5 不得以材料不全为由退回或不予批准，无论如何措辞', () => {
  const accepted = () =>
    acceptCase(
      {
        type: 'promised',
        acceptedBy: 'p1',
        on: '2026-08-03',
        promisedDays: 5,
        matterMaterials: ['房屋测绘报告'],
      },
      cal,
    );
  const wordings = [
    '缺身份证明',
    '未提供营业执照复印件',
    '申请人没带户口本',
    '身份证明未提交',
    '缺房屋测绘报告',
    'the applicant did not provide proof of identity',
  ];
  it.each(wordings)('refuses a return citing "%s"', (reason) => {
    expect(() => step(accepted(), { kind: 'return', on: '2026-08-03', reasons: [reason] })).toThrow(/补办/);
  });
  it.each(wordings)('refuses a 不予批准 citing "%s"', (reason) => {
    expect(() =>
      step(accepted(), { kind: 'decide', on: '2026-08-04', decision: 'refused', reasons: [reason] }),
    ).toThrow(/补办/);
  });
  it('accepts the reasons the seed names (不符合法定条件, 不属于职权范围)', () => {
    for (const reason of ['申请事项不属于本机关职权范围', '申请人不符合法定条件，未取得从业资格证']) {
      expect(step(accepted(), { kind: 'return', on: '2026-08-03', reasons: [reason] }).stage).toBe(
        'returned',
      );
    }
  });
});

describe('规程 三、2 承诺件：节假日办结的超期按工作日计', () => {
  it('counts a decision on 2 Oct (国庆) after a 30 Sept deadline as 1 overdue day, with its proposal', () => {
    const c = step(
      acceptCase({ type: 'promised', acceptedBy: 'p1', on: '2026-09-22', promisedDays: 5 }, cal),
      {
        kind: 'decide',
        on: '2026-10-02',
        decision: 'approved',
      },
    );
    expect(c.deadline).toBe('2026-09-30');
    expect(c.flags).toContain('overdue');
    expect(proposals(c)).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
  });
});

describe('规程 四、2 予以批准的事项在承诺时限内通知申请人', () => {
  // accepted Mon 2 Mar with 5 days (due 9 Mar), decided 9 Mar on time
  const decided = () =>
    step(acceptCase({ type: 'promised', acceptedBy: 'p1', on: '2026-03-02', promisedDays: 5 }, cal), {
      kind: 'decide',
      on: '2026-03-09',
      decision: 'approved',
    });
  it('flags a notification on 31 Mar as late, and alerts while it is missing', () => {
    expect(step(decided(), { kind: 'notify', on: '2026-03-31' }).flags).toContain('notifiedLate');
    expect(caseAlerts(decided(), '2026-03-20', cal, rules)).toMatchObject([
      { kind: 'notifyDue', level: 'red', decidedOn: '2026-03-09', overdueWorkingDays: 9 },
    ]);
    expect(step(decided(), { kind: 'notify', on: '2026-03-09' }).flags).toStrictEqual([]);
  });
});
