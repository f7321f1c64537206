import type { TWorkCalendar } from '../calendar/work-calendar.ts';
import type { TIsoDate } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import { deadlineAfterReply, jointDepartmentDue, windowOverdueDays } from './case-clock.ts';
import { notificationLateDays } from './case-consequences.ts';
import { citesIncompleteMaterials } from './case-reasons.ts';
import { CASE_STEP_STAGES } from './case-steps.ts';
import {
  CASE_STAGE_LABELS,
  type TCaseDecision,
  type TCaseFlag,
  type TCaseStage,
  type TCaseType,
} from './case-vocabulary.ts';

export interface TJointDepartment {
  department: string;
  /** the department's own limit in working days, counted from the copy (抄告) */
  limitDays: number;
  copiedOn: TIsoDate;
  answeredOn?: TIsoDate;
}

/** A case as the workflow sees it: everything the transitions and the deadlines need. */
export interface TCaseState {
  type: TCaseType;
  stage: TCaseStage;
  /** 第一责任人: whoever accepted it */
  acceptedBy: string;
  /** the first day the applicant stood at the window */
  receivedOn: TIsoDate;
  /** 正式受理之日: the day the materials were complete (a 补办 at acceptance starts the clock then) */
  acceptedOn: TIsoDate | null;
  promisedDays: number;
  /** the last working day of the promised limit; null while materials are awaited */
  deadline: TIsoDate | null;
  /** 补办 notices issued on this case (a second one fails 一次性告知) */
  supplementCount: number;
  missingMaterials: string[];
  returnReasons: string[];
  joint: TJointDepartment[];
  forwardedOn: TIsoDate | null;
  upperReplyOn: TIsoDate | null;
  explanationFiledOn: TIsoDate | null;
  decision: TCaseDecision | null;
  decidedOn: TIsoDate | null;
  notifiedOn: TIsoDate | null;
  pickedUpOn: TIsoDate | null;
  flags: TCaseFlag[];
  /** the related departments named for the matter (联办): only they may be copied */
  matterDepartments?: readonly string[];
  /** the matter's required materials: a refusal citing one of them as missing is refused */
  matterMaterials?: readonly string[];
}

export type TCaseEvent =
  | { kind: 'requestMaterials'; on: TIsoDate; missing: string[] }
  | { kind: 'materialsComplete'; on: TIsoDate }
  | { kind: 'return'; on: TIsoDate; reasons: string[] }
  | { kind: 'copyJoint'; on: TIsoDate; departments: { department: string; limitDays: number }[] }
  | { kind: 'jointAnswer'; on: TIsoDate; department: string }
  | { kind: 'forward'; on: TIsoDate }
  | { kind: 'fileExplanation'; on: TIsoDate }
  | { kind: 'upperReply'; on: TIsoDate }
  | { kind: 'decide'; on: TIsoDate; decision: TCaseDecision; reasons?: string[] }
  | { kind: 'notify'; on: TIsoDate }
  | { kind: 'pickUp'; on: TIsoDate };

/**
 * A reason that is never accepted for 退回 or 不予批准: incomplete materials are what 补办 is for
 * (规程 二、5). The plain wordings; `citesIncompleteMaterials` reads any wording.
 */
export const MATERIALS_INCOMPLETE_PATTERN =
  /材料不(全|齐|完整)|材料缺|缺少材料|materials? (are )?incomplete|missing materials/i;

const refuseMaterialsReason = (state: TCaseState, reasons: readonly string[] | undefined, zh: string) => {
  const cited = (reasons ?? []).find((r) => citesIncompleteMaterials(r, state.matterMaterials));
  if (cited !== undefined) {
    refuse(
      'reasons',
      `incomplete materials are never a reason to ${zh === '退回' ? 'return' : 'refuse'} a case ("${cited}"): issue a 补办 notice at acceptance instead`,
      `不得以申请材料不全为由${zh}（「${cited}」），材料不全应在受理时出具补办件通知单`,
    );
  }
};

const refuse = (path: string, en: string, zh: string): never => {
  throw new RulesError('INVALID_INPUT', path, en, zh);
};

/**
 * The promised limit of a matter or case, in working days: 即办件 0 (decided on the spot or the same
 * day), any other type at least 1 (规程 三、1–4). Throws a RulesError naming `promisedDays`.
 */
export function checkPromisedDays(type: TCaseType, promisedDays: number): void {
  if (!Number.isInteger(promisedDays) || promisedDays < 0) {
    refuse(
      'promisedDays',
      'expected a whole number of working days ≥ 0',
      '承诺时限须为不小于0的整数（工作日）',
    );
  }
  if (type === 'immediate' && promisedDays !== 0) {
    refuse(
      'promisedDays',
      'an immediate case is decided the same day (0 days)',
      '即办件须当场或当天办结（时限为0）',
    );
  }
  if (type !== 'immediate' && promisedDays === 0) {
    refuse('promisedDays', 'a promised case needs a limit of at least one working day', '承诺件须有承诺时限');
  }
}

/**
 * 受理: opens a case. An immediate case is due the same day; a promised, joint or escalated case within
 * its promised working days from the acceptance day. With `missing` materials the case starts in 补办
 * instead, and its clock starts only when they are complete.
 */
export function acceptCase(
  input: {
    type: TCaseType;
    acceptedBy: string;
    on: TIsoDate;
    promisedDays: number;
    missing?: string[];
    matterDepartments?: readonly string[];
    matterMaterials?: readonly string[];
  },
  calendar: TWorkCalendar,
): TCaseState {
  checkPromisedDays(input.type, input.promisedDays);
  const base: TCaseState = {
    type: input.type,
    stage: 'accepted',
    acceptedBy: input.acceptedBy,
    receivedOn: input.on,
    acceptedOn: input.on,
    promisedDays: input.promisedDays,
    deadline: calendar.addWorkingDays(input.on, input.promisedDays),
    supplementCount: 0,
    missingMaterials: [],
    returnReasons: [],
    joint: [],
    forwardedOn: null,
    upperReplyOn: null,
    explanationFiledOn: null,
    decision: null,
    decidedOn: null,
    notifiedOn: null,
    pickedUpOn: null,
    flags: [],
    ...(input.matterDepartments && { matterDepartments: input.matterDepartments }),
    ...(input.matterMaterials && { matterMaterials: input.matterMaterials }),
  };
  if (input.missing && input.missing.length > 0) {
    return applyCaseEvent(base, { kind: 'requestMaterials', on: input.on, missing: input.missing }, calendar);
  }
  return base;
}

const addFlag = (flags: TCaseFlag[], flag: TCaseFlag) => (flags.includes(flag) ? flags : [...flags, flag]);

/**
 * Applies one step of the case workflow and returns the new state (the old one is untouched), or throws
 * a RulesError saying, in Chinese too, why the step is not allowed.
 */
export function applyCaseEvent(state: TCaseState, event: TCaseEvent, calendar: TWorkCalendar): TCaseState {
  if (!CASE_STEP_STAGES[event.kind].includes(state.stage)) {
    refuse(
      'event',
      `"${event.kind}" is not allowed on a case that is ${state.stage}`,
      `当前状态为「${CASE_STAGE_LABELS[state.stage].zh}」，不能进行此操作`,
    );
  }
  const last = [
    state.receivedOn,
    state.acceptedOn,
    state.decidedOn,
    state.notifiedOn,
    state.forwardedOn,
  ].filter((d): d is string => d !== null);
  const latest = last.sort()[last.length - 1]!;
  if (event.on < latest) refuse('on', `a step cannot be dated before ${latest}`, `日期不能早于 ${latest}`);

  switch (event.kind) {
    case 'requestMaterials': {
      if (event.missing.length === 0 || event.missing.some((m) => m.trim() === '')) {
        refuse('missing', 'list every missing material (一次性告知)', '须一次性列明全部需补齐的材料');
      }
      const supplementCount = state.supplementCount + 1;
      let flags = supplementCount > 1 ? addFlag(state.flags, 'oneTimeNotificationFailed') : state.flags;
      // 规程 二、4: 补办 is handed over on the spot at acceptance. A request after the official acceptance
      // day neither restarts nor erases the clock: it is flagged and the deadline stands.
      const atAcceptance = state.acceptedOn === null || event.on === state.acceptedOn;
      if (!atAcceptance) flags = addFlag(flags, 'supplementAfterAcceptance');
      return {
        ...state,
        stage: 'awaitingMaterials',
        acceptedOn: atAcceptance ? null : state.acceptedOn,
        deadline: atAcceptance ? null : state.deadline,
        supplementCount,
        missingMaterials: event.missing,
        flags,
      };
    }
    case 'materialsComplete':
      // 规程 二、4: 申请人补齐或补正材料之日为该事项正式受理之日 (a case already accepted keeps its day)
      if (state.acceptedOn !== null) return { ...state, stage: 'accepted', missingMaterials: [] };
      return {
        ...state,
        stage: 'accepted',
        acceptedOn: event.on,
        deadline: calendar.addWorkingDays(event.on, state.promisedDays),
        missingMaterials: [],
      };
    case 'return': {
      if (event.reasons.length === 0 || event.reasons.some((r) => r.trim() === '')) {
        refuse('reasons', 'a return needs its written reasons', '退回须书面说明理由');
      }
      refuseMaterialsReason(state, event.reasons, '退回');
      return { ...state, stage: 'returned', returnReasons: event.reasons, deadline: null };
    }
    case 'copyJoint': {
      if (state.type !== 'joint')
        refuse('event', 'only a joint case is copied to departments', '仅联办件可抄告相关部门');
      const joint = [...state.joint];
      const named = state.matterDepartments ?? [];
      for (const d of event.departments) {
        // 规程 三、3: only the departments named for the matter take part
        if (!named.includes(d.department)) {
          refuse(
            'departments',
            `"${d.department}" is not a related department of this matter (${named.join(', ') || 'none listed'})`,
            `「${d.department}」不是该事项的相关部门（${named.join('、') || '事项未列明相关部门'}）`,
          );
        }
        if (joint.some((j) => j.department === d.department)) {
          refuse('departments', `"${d.department}" was already copied`, `已抄告「${d.department}」`);
        }
        if (!Number.isInteger(d.limitDays) || d.limitDays < 1) {
          refuse('limitDays', 'expected a whole number of working days ≥ 1', '部门时限须为不小于1的整数');
        }
        // 规程 三、3: the related departments answer within the case's promised limit
        const due = jointDepartmentDue({ copiedOn: event.on, limitDays: d.limitDays }, calendar);
        if (state.deadline !== null && due > state.deadline) {
          refuse(
            'limitDays',
            `${d.department} would be due ${due}, after the case's deadline ${state.deadline}`,
            `「${d.department}」的时限（至 ${due}）超出本件承诺时限（${state.deadline}）`,
          );
        }
        joint.push({ department: d.department, limitDays: d.limitDays, copiedOn: event.on });
      }
      return { ...state, joint };
    }
    case 'jointAnswer': {
      const k = state.joint.findIndex((j) => j.department === event.department);
      if (k < 0)
        refuse(
          'department',
          `"${event.department}" was not copied on this case`,
          `未抄告「${event.department}」`,
        );
      const dept = state.joint[k]!;
      if (dept.answeredOn)
        refuse(
          'department',
          `"${event.department}" has already answered`,
          `「${event.department}」已反馈意见`,
        );
      const joint = state.joint.map((j, i) => (i === k ? { ...j, answeredOn: event.on } : j));
      const due = jointDepartmentDue(dept, calendar);
      return {
        ...state,
        joint,
        flags: event.on > due ? addFlag(state.flags, 'jointDepartmentLate') : state.flags,
      };
    }
    case 'forward':
      if (state.type !== 'escalated')
        refuse('event', 'only an escalated case is forwarded upward', '仅上报件可转报上级');
      return { ...state, stage: 'forwarded', forwardedOn: event.on };
    case 'fileExplanation':
      if (state.explanationFiledOn) refuse('event', 'the explanation was already filed', '已向中心作出解释');
      return { ...state, explanationFiledOn: event.on };
    case 'upperReply':
      // 规程 三、4: the window's clock resumes at the reply with the days it had left when it forwarded
      return {
        ...state,
        stage: 'accepted',
        upperReplyOn: event.on,
        deadline: deadlineAfterReply(state, event.on, calendar),
      };
    case 'decide': {
      if (state.type === 'joint' && state.joint.some((j) => !j.answeredOn)) {
        const waiting = state.joint.filter((j) => !j.answeredOn).map((j) => j.department);
        refuse(
          'event',
          `waiting for the opinions of ${waiting.join(', ')}`,
          `尚待相关部门反馈意见：${waiting.join('、')}`,
        );
      }
      if (state.type === 'escalated' && state.stage === 'forwarded') {
        refuse('event', 'the upper authority has not replied yet', '上级尚未批复');
      }
      if (event.decision === 'refused' && !event.reasons?.some((r) => r.trim() !== '')) {
        refuse('reasons', 'a refusal needs its written reasons', '不予批准须书面说明理由');
      }
      if (event.decision === 'refused') refuseMaterialsReason(state, event.reasons, '不予批准');
      const decided = { ...state, decidedOn: event.on };
      const overdue = windowOverdueDays(decided, event.on, calendar) > 0;
      return {
        ...state,
        stage: 'decided',
        decision: event.decision,
        decidedOn: event.on,
        returnReasons: event.reasons ?? [],
        flags: overdue ? addFlag(state.flags, 'overdue') : state.flags,
      };
    }
    case 'notify': {
      // 规程 四、2: notified within the limit (a refusal on the spot at once)
      const late = notificationLateDays(state, event.on, calendar) > 0;
      return {
        ...state,
        stage: 'notified',
        notifiedOn: event.on,
        flags: late ? addFlag(state.flags, 'notifiedLate') : state.flags,
      };
    }
    case 'pickUp':
      return { ...state, stage: 'pickedUp', pickedUpOn: event.on };
  }
}

/**
 * A case's deadline counted again on a calendar that changed (a year's schedule entered or corrected,
 * or one date set by an administrator): the promised working days from 正式受理之日, as acceptCase and
 * materialsComplete count them; for a 上报件 the upper authority answered, the days left when it was
 * forwarded counted from the reply (规程 三、4, as upperReply counts them). A case without a running
 * clock (补办, returned) keeps its null deadline.
 */
export function recountDeadline(state: TCaseState, calendar: TWorkCalendar): TCaseState {
  if (state.deadline === null || state.acceptedOn === null) return state;
  const deadline =
    state.type === 'escalated' && state.upperReplyOn !== null
      ? deadlineAfterReply(state, state.upperReplyOn, calendar)
      : calendar.addWorkingDays(state.acceptedOn, state.promisedDays);
  return { ...state, deadline };
}
