import { randomInt } from 'node:crypto';
import {
  caseNoticeFileName,
  renderCaseNotice,
  type TCaseNotice,
  type TCaseNoticeKind,
} from '@chuangkou/bulletin';
import {
  answerJointDepartment,
  appendCaseEvents,
  completeCase,
  type Db,
  findCenter,
  findMatterGuide,
  findStaff,
  findWorkflowCase,
  insertJointDepartments,
  insertSanctionProposals,
  insertWorkflowCases,
  isAcceptanceCodeTaken,
  listCaseEvents,
  listJointDepartments,
  listJointDepartmentsOfCases,
  listOpenWorkflowCases,
  listUnits,
  type TCaseListRow,
  type TJointDepartmentRecord,
  type TMatterGuide,
  type TNewCaseEvent,
  type TNewWorkflowCase,
  type TUser,
  type TWorkflowCase,
  type TWorkflowPatch,
  takenAcceptanceCodes,
  updateWorkflowCase,
} from '@chuangkou/db';
import {
  acceptCase,
  applyCaseEvent,
  caseAlerts,
  proposeOverdueSanctions,
  RulesError,
  type TCaseAlert,
  type TCaseEvent,
  type TCaseState,
  type TCaseStatus,
  type TWorkCalendar,
} from '@chuangkou/rules';
import { badInput, conflict, forbidden, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { centerCalendar } from './calendar.service.ts';
import { assertNotFutureDate } from './periods.ts';
import { hashQueryPassword, newQueryPassword } from './query-password.ts';
import { scopeOf, staffInCenter, type TScope, windowInCenter } from './scope.ts';

/** The workflow status of the rules package (accepted, awaitingMaterials, returned, …). */
export type TCaseStage = TCaseStatus;

/** 状态 in Chinese, for the registry, the receipt and the applicant. */
export const STAGE_ZH: Record<TCaseStage, string> = {
  accepted: '办理中',
  awaitingMaterials: '待补齐材料',
  returned: '已退回',
  forwarded: '已上报',
  decided: '已办结',
  notified: '已通知领取',
  pickedUp: '已领取',
};

// ---------------------------------------------------------------------------------------------------
// the center's working-day calendar

// The official calendar with the center's own overrides (calendar_days) on top: calendar.service.ts.
export { centerCalendar };

// ---------------------------------------------------------------------------------------------------
// state ↔ rows

/** The rules' view of a stored case. */
export function caseStateOf(c: TWorkflowCase, joint: readonly TJointDepartmentRecord[]): TCaseState {
  const flags: TCaseState['flags'] = [];
  if (c.isOneTimeNotificationFailed) flags.push('oneTimeNotificationFailed');
  if (c.isJointDepartmentLate) flags.push('jointDepartmentLate');
  if (c.overdueDays > 0) flags.push('overdue');
  return {
    type: c.type,
    status: c.stage,
    acceptedBy: c.staffId === null ? '' : String(c.staffId),
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    promisedDays: c.promisedDays,
    deadline: c.deadline,
    supplementCount: c.supplementCount,
    missingMaterials: c.missingMaterials,
    returnReasons: c.returnReasons,
    joint: joint.map((j) => ({
      department: j.department,
      limitDays: j.limitDays,
      copiedOn: j.copiedOn,
      ...(j.answeredOn !== null && { answeredOn: j.answeredOn }),
    })),
    forwardedOn: c.forwardedOn,
    upperReplyOn: c.upperReplyOn,
    explanationFiledOn: c.explanationFiledOn,
    decision: c.decision,
    decidedOn: c.decidedOn,
    notifiedOn: c.notifiedOn,
    pickedUpOn: c.pickedUpOn,
    flags,
  };
}

function patchOf(s: TCaseState): TWorkflowPatch {
  return {
    stage: s.status,
    acceptedOn: s.acceptedOn,
    ...(s.deadline !== null && { deadline: s.deadline }),
    supplementCount: s.supplementCount,
    missingMaterials: s.missingMaterials,
    returnReasons: s.returnReasons,
    isOneTimeNotificationFailed: s.flags.includes('oneTimeNotificationFailed'),
    isJointDepartmentLate: s.flags.includes('jointDepartmentLate'),
    forwardedOn: s.forwardedOn,
    upperReplyOn: s.upperReplyOn,
    explanationFiledOn: s.explanationFiledOn,
    decision: s.decision,
    notifiedOn: s.notifiedOn,
    pickedUpOn: s.pickedUpOn,
  };
}

/** Runs a rules call, naming the input row in the error path (imports). */
function atRow<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RulesError) throw badInput(`${prefix}.${e.path}`, e.detailZh);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// scope

/** Whether a user may act on (or see) a case: the center sees all, a head their window, staff their own. */
export function scopeCoversCase(scope: TScope, c: { windowId: number; staffId: number | null }): boolean {
  if (scope.kind === 'center') return true;
  if (scope.kind === 'window') return c.windowId === scope.windowId;
  return c.staffId === scope.staffId;
}

/** The case, if the user may see it; otherwise NOT_FOUND (another center's case does not exist for them). */
export async function caseForUser(db: Db, user: TUser, id: number): Promise<TWorkflowCase> {
  const c = await findWorkflowCase(db, id);
  if (!c || c.centerId !== user.centerId) throw notFound('办件', 'id');
  const scope = await scopeOf(db, user);
  if (!scopeCoversCase(scope, c)) throw notFound('办件', 'id');
  return c;
}

async function matterForCenter(db: Db, centerId: number, matterId: number, field = 'matterId') {
  const m = await findMatterGuide(db, matterId);
  if (!m || m.centerId !== centerId) throw notFound('事项', field);
  if (!m.isActive) throw badInput(field, `事项「${m.name}」已停用：${m.revokeReason ?? ''}`);
  return m;
}

// ---------------------------------------------------------------------------------------------------
// 受理

export interface TAcceptInput {
  matterId: number;
  /** the accepting person (第一责任人); staff accept as themselves */
  staffId?: number | undefined;
  windowId?: number | undefined;
  applicantName: string;
  applicantPhone: string;
  handlerPhone?: string | undefined;
  /** the day the applicant came; today when left out */
  on?: string | undefined;
  /** materials missing at the window: the case starts in 补办 */
  missing?: string[] | undefined;
}

/** 受理通知单: the eight fields of the seed's acceptance notice, and the service guide. */
export interface TReceipt {
  acceptanceCode: string;
  /** shown once, on the receipt; only its hash is stored */
  queryPassword: string | null;
  applicant: { name: string; phone: string };
  matter: {
    name: string;
    type: TMatterGuide['type'];
    legalBasis: string;
    materials: string[];
    procedure: string;
    fees: string;
    feeBasis: string;
  };
  acceptingBody: string;
  handler: { name: string; phone: string };
  promisedDays: number;
  receivedOn: string;
  acceptedOn: string | null;
  /** 取件时间: the deadline; null while materials are awaited */
  pickupOn: string | null;
  missingMaterials: string[];
  channels: { query: string; evaluation: string; inquiryPhone: string; complaintPhone: string };
}

const QUERY_CHANNEL = '登录中心网站或在自助终端输入受理编号和查询密码查询办理进度';
const EVALUATION_CHANNEL = '办结后可通过中心网站、自助终端或窗口评价器进行“好差评”';

/** A new acceptance code: the day and eight random digits (not guessable from the volume of cases). */
async function newAcceptanceCode(db: Db, on: string): Promise<string> {
  for (;;) {
    const code = newCodeFor(on);
    if (!(await isAcceptanceCodeTaken(db, code))) return code;
  }
}

async function resolveHandler(
  db: Db,
  user: TUser,
  scope: TScope,
  input: { staffId?: number | undefined; windowId?: number | undefined },
  field = 'staffId',
): Promise<{ staffId: number; windowId: number; staffName: string }> {
  const staffId = input.staffId ?? user.staffId;
  if (staffId === null || staffId === undefined) throw badInput(field, '请指定受理人（第一责任人）');
  const s = await staffInCenter(db, user, staffId, field);
  if (scope.kind === 'self' && s.id !== scope.staffId) throw forbidden('窗口工作人员只能以本人名义受理');
  const windowId = input.windowId ?? s.windowId;
  if (windowId === null || windowId === undefined) throw badInput('windowId', '受理人未分配窗口，请指定窗口');
  await windowInCenter(db, user, windowId);
  if (scope.kind === 'window' && windowId !== scope.windowId) throw forbidden('只能在本窗口受理');
  return { staffId: s.id, windowId, staffName: s.name };
}

async function receiptOf(
  db: Db,
  c: TWorkflowCase,
  m: TMatterGuide,
  queryPassword: string | null,
  staffName: string,
): Promise<TReceipt> {
  const [units, center] = await Promise.all([listUnits(db, c.centerId), findCenter(db, c.centerId)]);
  const unit = units.find((u) => u.id === c.unitId);
  return {
    acceptanceCode: c.acceptanceCode ?? '',
    queryPassword,
    applicant: { name: c.applicantName, phone: c.applicantPhone },
    matter: {
      name: m.name,
      type: m.type,
      legalBasis: m.legalBasis,
      materials: m.materials,
      procedure: m.procedure,
      fees: m.fees,
      feeBasis: m.feeBasis,
    },
    acceptingBody: [center?.name, unit?.name].filter(Boolean).join(' '),
    handler: { name: staffName, phone: c.handlerPhone },
    promisedDays: c.promisedDays,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    pickupOn: c.deadline,
    missingMaterials: c.missingMaterials,
    channels: {
      query: QUERY_CHANNEL,
      evaluation: EVALUATION_CHANNEL,
      inquiryPhone: m.inquiryPhone,
      complaintPhone: m.complaintPhone,
    },
  };
}

/**
 * 受理: opens a case through the rules (deadline in working days, 补办 when materials are missing),
 * issues the acceptance code and a random query password (only its hash is stored) and the receipt.
 */
export async function acceptWorkflowCase(
  db: Db,
  user: TUser,
  today: string,
  input: TAcceptInput,
  /** hashed before the transaction opens (`issueQueryPassword`): scrypt must not hold the database */
  secret?: TQuerySecret,
): Promise<{ case: TWorkflowCase; receipt: TReceipt }> {
  const on = input.on ?? today;
  assertNotFutureDate(on, today, 'on');
  const scope = await scopeOf(db, user);
  const matter = await matterForCenter(db, user.centerId, input.matterId);
  const handler = await resolveHandler(db, user, scope, input);
  const cal = await centerCalendar(db, user.centerId);
  const state = acceptCase(
    {
      type: matter.type,
      acceptedBy: String(handler.staffId),
      on,
      promisedDays: matter.promisedDays,
      ...(input.missing && { missing: input.missing }),
    },
    cal,
  );
  const issued = secret ?? (await issueQueryPassword());
  const code = await newAcceptanceCode(db, on);
  const row: TNewWorkflowCase = {
    centerId: user.centerId,
    unitId: matter.unitId,
    windowId: handler.windowId,
    staffId: handler.staffId,
    matterId: matter.id,
    type: matter.type,
    stage: state.status,
    acceptanceCode: code,
    queryPasswordHash: issued.hash,
    applicantName: input.applicantName,
    applicantPhone: input.applicantPhone,
    handlerPhone: input.handlerPhone ?? matter.inquiryPhone,
    receivedOn: on,
    acceptedOn: state.acceptedOn,
    promisedDays: matter.promisedDays,
    deadline: state.deadline ?? cal.addWorkingDays(on, matter.promisedDays),
    supplementCount: state.supplementCount,
    missingMaterials: state.missingMaterials,
    isOneTimeNotificationFailed: false,
    acceptedByUser: user.id,
  };
  const [id] = await insertWorkflowCases(db, [row]);
  const events: TNewCaseEvent[] = [
    {
      caseId: id!,
      centerId: user.centerId,
      kind: 'accept',
      day: on,
      payload: { matterId: matter.id, staffId: handler.staffId, promisedDays: matter.promisedDays },
      userId: user.id,
    },
  ];
  if (state.status === 'awaitingMaterials')
    events.push({
      caseId: id!,
      centerId: user.centerId,
      kind: 'requestMaterials',
      day: on,
      payload: { missing: state.missingMaterials },
      userId: user.id,
    });
  await appendCaseEvents(db, events);
  const c = (await findWorkflowCase(db, id!))!;
  await audit(db, user, 'case', c.id, 'accept', null, c);
  return { case: c, receipt: await receiptOf(db, c, matter, issued.password, handler.staffName) };
}

/** A query password and its hash; the password goes on the receipt, only the hash is stored. */
export type TQuerySecret = { password: string; hash: string };

/** Draws and hashes a new query password (call it outside a transaction: scrypt takes milliseconds). */
export async function issueQueryPassword(): Promise<TQuerySecret> {
  const password = newQueryPassword();
  return { password, hash: await hashQueryPassword(password) };
}

/** 补打受理通知单: the receipt again, without the password (a new one is issued by `resetQueryPassword`). */
export async function caseReceipt(db: Db, user: TUser, id: number): Promise<TReceipt> {
  const c = await caseForUser(db, user, id);
  const m = await findMatterGuide(db, c.matterId);
  const s = c.staffId === null ? undefined : await findStaff(db, c.staffId);
  return receiptOf(db, c, m!, null, s?.name ?? '');
}

/** Issues a new query password (the applicant lost theirs); the old one stops working. */
export async function resetQueryPassword(
  db: Db,
  user: TUser,
  id: number,
  secret?: TQuerySecret,
): Promise<TReceipt> {
  const c = await caseForUser(db, user, id);
  const issued = secret ?? (await issueQueryPassword());
  await updateWorkflowCase(db, id, { queryPasswordHash: issued.hash });
  await appendCaseEvents(db, [
    {
      caseId: id,
      centerId: c.centerId,
      kind: 'resetQueryPassword',
      day: c.receivedOn,
      payload: {},
      userId: user.id,
    },
  ]);
  await audit(db, user, 'case', id, 'resetQueryPassword', null, null);
  const m = await findMatterGuide(db, c.matterId);
  const s = c.staffId === null ? undefined : await findStaff(db, c.staffId);
  return receiptOf(db, c, m!, issued.password, s?.name ?? '');
}

/**
 * A printable notice of a case (.xlsx, base64): the acceptance notice (without the password, which only
 * the receipt at acceptance carries), the 补办 notice listing the missing materials, the 退回 notice.
 */
export async function caseNoticeFile(
  db: Db,
  user: TUser,
  id: number,
  kind: TCaseNoticeKind,
): Promise<{ fileName: string; base64: string }> {
  const r = await caseReceipt(db, user, id);
  const c = await caseForUser(db, user, id);
  const center = await findCenter(db, c.centerId);
  const base = {
    center: center?.name ?? '',
    acceptingBody: r.acceptingBody,
    acceptanceCode: r.acceptanceCode,
    applicant: r.applicant,
    matter: r.matter.name,
    handler: r.handler,
  };
  let notice: TCaseNotice;
  if (kind === 'acceptanceNotice') {
    if (!r.acceptedOn || !r.pickupOn) throw badInput('kind', '材料补齐、正式受理后才能打印受理通知单');
    notice = {
      ...base,
      kind,
      issuedOn: r.acceptedOn,
      promisedDays: r.promisedDays,
      acceptedOn: r.acceptedOn,
      pickupOn: r.pickupOn,
      queryPassword: null,
      channels: r.channels,
      legalBasis: r.matter.legalBasis,
      fees: r.matter.fees,
    };
  } else if (kind === 'supplementNotice') {
    if (c.missingMaterials.length === 0) throw badInput('kind', '该办件没有待补齐的材料');
    notice = {
      ...base,
      kind,
      issuedOn: c.receivedOn,
      missing: c.missingMaterials,
      supplementNo: c.supplementCount,
      inquiryPhone: r.channels.inquiryPhone,
    };
  } else {
    if (c.stage !== 'returned') throw badInput('kind', '该办件未退回');
    const returned = (await listCaseEvents(db, id)).find((e) => e.kind === 'return');
    notice = { ...base, kind, issuedOn: returned?.day ?? c.receivedOn, reasons: c.returnReasons };
  }
  const buffer = await renderCaseNotice(notice);
  return { fileName: caseNoticeFileName(notice), base64: buffer.toString('base64') };
}

// ---------------------------------------------------------------------------------------------------
// the steps

/** A step as the API takes it: the rules' event plus what only the record keeps (texts). */
export type TStepInput =
  | Exclude<TCaseEvent, { kind: 'jointAnswer' } | { kind: 'fileExplanation' }>
  | { kind: 'jointAnswer'; on: string; department: string; opinion?: string | undefined }
  | { kind: 'fileExplanation'; on: string; explanation: string };

const STEP_ZH: Record<TStepInput['kind'], string> = {
  requestMaterials: '出具补办件通知单',
  materialsComplete: '材料补齐，正式受理',
  return: '退回',
  copyJoint: '抄告相关部门',
  jointAnswer: '相关部门反馈意见',
  forward: '上报',
  fileExplanation: '向中心作出解释',
  upperReply: '上级批复',
  decide: '办结',
  notify: '通知申请人',
  pickUp: '领取',
};

/**
 * Applies one step of the workflow to a stored case: the rules decide whether it is allowed and what
 * changes; this writes the change, the event, the audit entry, the rollup on completion and, for a
 * case decided late, the B5 / F3 proposals (never records: a supervisor confirms them).
 */
export async function stepWorkflowCase(
  db: Db,
  user: TUser,
  today: string,
  id: number,
  step: TStepInput,
): Promise<TWorkflowCase> {
  assertNotFutureDate(step.on, today, 'on');
  const before = await caseForUser(db, user, id);
  const joint = before.type === 'joint' ? await listJointDepartments(db, id) : [];
  const cal = await centerCalendar(db, user.centerId);
  const event: TCaseEvent =
    step.kind === 'jointAnswer'
      ? { kind: 'jointAnswer', on: step.on, department: step.department }
      : step.kind === 'fileExplanation'
        ? { kind: 'fileExplanation', on: step.on }
        : step;
  const next = applyCaseEvent(caseStateOf(before, joint), event, cal);
  const patch = patchOf(next);
  if (step.kind === 'fileExplanation') patch.explanation = step.explanation;
  const isWritten = await updateWorkflowCase(db, id, patch, before.version);
  if (!isWritten) throw conflict('该办件刚被他人处理，请刷新后重试', 'id');

  if (step.kind === 'copyJoint') {
    await insertJointDepartments(
      db,
      user.centerId,
      step.departments.map((d) => ({
        caseId: id,
        department: d.department,
        limitDays: d.limitDays,
        copiedOn: step.on,
        dueOn: cal.addWorkingDays(step.on, d.limitDays),
      })),
    );
  }
  if (step.kind === 'jointAnswer') {
    await answerJointDepartment(db, id, step.department, { on: step.on, opinion: step.opinion ?? null });
  }
  if (step.kind === 'decide') await completeDecided(db, before, next, cal);
  await appendCaseEvents(db, [
    {
      caseId: id,
      centerId: user.centerId,
      kind: step.kind,
      day: step.on,
      payload: stepPayload(step),
      userId: user.id,
    },
  ]);
  const after = (await findWorkflowCase(db, id))!;
  await audit(db, user, 'case', id, step.kind, before, after);
  return after;
}

function stepPayload(step: TStepInput): Record<string, unknown> {
  const { kind: _kind, on: _on, ...rest } = step;
  return { ...rest, label: STEP_ZH[step.kind] };
}

/** The rollup's view of a decision: working days taken and working days late. */
function completionOf(s: TCaseState, cal: TWorkCalendar) {
  const decidedOn = s.decidedOn!;
  const acceptedOn = s.acceptedOn ?? s.receivedOn;
  return {
    completedAt: decidedOn,
    handlingDays: Math.max(0, cal.workingDaysBetween(acceptedOn, decidedOn)),
    overdueDays: s.deadline ? cal.overdueWorkingDays(s.deadline, decidedOn) : 0,
  };
}

/** 办结: moves the case in the rollup (issue 3's `completeCase`) and proposes the overdue sanctions. */
async function completeDecided(db: Db, before: TWorkflowCase, next: TCaseState, cal: TWorkCalendar) {
  await completeCase(db, before.id, completionOf(next, cal));
  const proposals = proposeOverdueSanctions(next, cal);
  await insertSanctionProposals(
    db,
    proposals.map((p) => ({
      caseId: before.id,
      centerId: before.centerId,
      staffId: before.staffId,
      item: p.item,
      qty: p.qty,
      day: p.date,
      reason: p.reason,
    })),
  );
}

// ---------------------------------------------------------------------------------------------------
// import: a day of cases from another system, run through the same rules

export interface TImportRow {
  matterId: number;
  staffId: number;
  windowId?: number | undefined;
  applicantName: string;
  applicantPhone?: string | undefined;
  receivedOn: string;
  missing?: string[] | undefined;
  materialsCompleteOn?: string | undefined;
  decidedOn?: string | undefined;
  decision?: 'approved' | 'refused' | undefined;
  reasons?: string[] | undefined;
  notifiedOn?: string | undefined;
  pickedUpOn?: string | undefined;
  /** the source system's acceptance code; a new one is made when left out */
  acceptanceCode?: string | undefined;
}

/**
 * Imports cases already handled elsewhere (a busy center's day, a migration): each row goes through
 * acceptCase and applyCaseEvent like a case entered at the window, so its deadline, flags and overdue
 * proposals are the rules' own. The applicants got their receipts from the source system, so no query
 * password is issued here (the status query answers "wrong code or password" for these cases until a
 * window issues one with `resetQueryPassword`). All rows or none: one bad row names itself.
 */
export async function importWorkflowCases(
  db: Db,
  user: TUser,
  today: string,
  rows: TImportRow[],
): Promise<{ imported: number; decided: number; proposals: number }> {
  const cal = await centerCalendar(db, user.centerId);
  const scope = await scopeOf(db, user);
  const matters = new Map<number, TMatterGuide>();
  const handlers = new Map<string, { staffId: number; windowId: number }>();
  const states: TCaseState[] = [];
  const newRows: TNewWorkflowCase[] = [];
  const events: Omit<TNewCaseEvent, 'caseId'>[][] = [];
  const seenCodes = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const at = `cases[${i}]`;
    assertNotFutureDate(r.receivedOn, today, `${at}.receivedOn`);
    let m = matters.get(r.matterId);
    if (!m) {
      m = await matterForCenter(db, user.centerId, r.matterId, `${at}.matterId`);
      matters.set(r.matterId, m);
    }
    const hKey = `${r.staffId}|${r.windowId ?? ''}`;
    let h = handlers.get(hKey);
    if (!h) {
      h = await resolveHandler(db, user, scope, r, `${at}.staffId`);
      handlers.set(hKey, h);
    }
    const matter = m;
    const ev: Omit<TNewCaseEvent, 'caseId'>[] = [];
    const push = (kind: string, day: string, payload: Record<string, unknown> = {}) =>
      ev.push({
        centerId: user.centerId,
        kind,
        day,
        payload: { ...payload, imported: true },
        userId: user.id,
      });
    let s = atRow(at, () =>
      acceptCase(
        {
          type: matter.type,
          acceptedBy: String(h.staffId),
          on: r.receivedOn,
          promisedDays: matter.promisedDays,
          ...(r.missing && { missing: r.missing }),
        },
        cal,
      ),
    );
    push('accept', r.receivedOn, { matterId: matter.id, staffId: h.staffId });
    if (r.missing?.length) push('requestMaterials', r.receivedOn, { missing: r.missing });
    const step = (e: TCaseEvent) => {
      assertNotFutureDate(e.on, today, `${at}.${e.kind}`);
      s = atRow(at, () => applyCaseEvent(s, e, cal));
      push(e.kind, e.on, 'decision' in e ? { decision: e.decision, reasons: e.reasons } : {});
    };
    if (r.materialsCompleteOn) step({ kind: 'materialsComplete', on: r.materialsCompleteOn });
    if (r.decidedOn)
      step({
        kind: 'decide',
        on: r.decidedOn,
        decision: r.decision ?? 'approved',
        ...(r.reasons && { reasons: r.reasons }),
      });
    if (r.notifiedOn) step({ kind: 'notify', on: r.notifiedOn });
    if (r.pickedUpOn) step({ kind: 'pickUp', on: r.pickedUpOn });
    const code = r.acceptanceCode ?? newCodeFor(r.receivedOn);
    if (seenCodes.has(code)) throw badInput(`${at}.acceptanceCode`, `受理编号 ${code} 重复`);
    seenCodes.add(code);
    states.push(s);
    events.push(ev);
    newRows.push({
      centerId: user.centerId,
      unitId: matter.unitId,
      windowId: h.windowId,
      staffId: h.staffId,
      matterId: matter.id,
      type: matter.type,
      stage: s.status,
      acceptanceCode: code,
      queryPasswordHash: null,
      applicantName: r.applicantName,
      applicantPhone: r.applicantPhone ?? '',
      handlerPhone: matter.inquiryPhone,
      receivedOn: r.receivedOn,
      acceptedOn: s.acceptedOn,
      promisedDays: matter.promisedDays,
      deadline: s.deadline ?? cal.addWorkingDays(r.receivedOn, matter.promisedDays),
      supplementCount: s.supplementCount,
      missingMaterials: s.missingMaterials,
      isOneTimeNotificationFailed: s.flags.includes('oneTimeNotificationFailed'),
      acceptedByUser: user.id,
      decision: s.decision,
      returnReasons: s.returnReasons,
      notifiedOn: s.notifiedOn,
      pickedUpOn: s.pickedUpOn,
    });
  }
  const taken = await takenAcceptanceCodes(db, [...seenCodes]);
  for (const [i, row] of newRows.entries()) {
    if (row.acceptanceCode !== null && taken.has(row.acceptanceCode)) {
      if (rows[i]!.acceptanceCode !== undefined)
        throw badInput(`cases[${i}].acceptanceCode`, `受理编号 ${row.acceptanceCode} 已存在`);
      row.acceptanceCode = await newAcceptanceCode(db, row.receivedOn);
    }
  }
  // the rows go in with their final stage, open in the rollup; completion then moves each decided case
  // with issue 3's completeCase, as a decision at the window does
  const ids = await insertWorkflowCases(db, newRows);
  await appendCaseEvents(
    db,
    ids.flatMap((caseId, i) => events[i]!.map((e) => ({ caseId, ...e }))),
  );
  let decided = 0;
  const proposals: Parameters<typeof insertSanctionProposals>[1] = [];
  for (const [i, caseId] of ids.entries()) {
    const s = states[i]!;
    if (!s.decidedOn) continue;
    decided++;
    await completeCase(db, caseId, completionOf(s, cal));
    for (const p of proposeOverdueSanctions(s, cal)) {
      proposals.push({
        caseId,
        centerId: user.centerId,
        staffId: newRows[i]!.staffId,
        item: p.item,
        qty: p.qty,
        day: p.date,
        reason: p.reason,
      });
    }
  }
  await insertSanctionProposals(db, proposals);
  await audit(db, user, 'case', null, 'import', null, {
    imported: ids.length,
    decided,
    proposals: proposals.length,
  });
  return { imported: ids.length, decided, proposals: proposals.length };
}

/** A code made without a query: the day and eight random digits (checked in bulk afterwards). */
function newCodeFor(on: string): string {
  return `${on.replaceAll('-', '')}${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// alerts

export interface TCaseAlertRow {
  caseId: number;
  acceptanceCode: string | null;
  matterName: string;
  windowId: number;
  windowName: string;
  staffName: string | null;
  type: TWorkflowCase['type'];
  stage: TCaseStage;
  deadline: string | null;
  alert: TCaseAlert;
}

/**
 * The alerts of the open cases on `today`: yellow before the deadline, red after (overdue), 上报
 * explanations due, and 联办 departments late — the rules' `caseAlerts`, per case.
 */
export async function listCaseAlerts(db: Db, user: TUser, today: string): Promise<TCaseAlertRow[]> {
  const scope = await scopeOf(db, user);
  const open = await listOpenWorkflowCases(db, {
    centerId: user.centerId,
    windowId: scope.kind === 'window' ? scope.windowId : undefined,
    staffId: scope.kind === 'self' ? scope.staffId : undefined,
  });
  const jointIds = open.filter((c) => c.type === 'joint').map((c) => c.id);
  const joint = await listJointDepartmentsOfCases(db, jointIds);
  const byCase = new Map<number, TJointDepartmentRecord[]>();
  for (const j of joint) byCase.set(j.caseId, [...(byCase.get(j.caseId) ?? []), j]);
  const cal = await centerCalendar(db, user.centerId);
  const out: TCaseAlertRow[] = [];
  for (const c of open) {
    for (const alert of caseAlerts(caseStateOf(c, byCase.get(c.id) ?? []), today, cal)) {
      out.push(alertRow(c, alert));
    }
  }
  const rank = (a: TCaseAlertRow) => (a.alert.level === 'red' ? 0 : 1);
  return out.sort(
    (a, b) => rank(a) - rank(b) || (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.caseId - b.caseId,
  );
}

function alertRow(c: TCaseListRow, alert: TCaseAlert): TCaseAlertRow {
  return {
    caseId: c.id,
    acceptanceCode: c.acceptanceCode,
    matterName: c.matterName,
    windowId: c.windowId,
    windowName: c.windowName,
    staffName: c.staffName,
    type: c.type,
    stage: c.stage,
    deadline: c.deadline,
    alert,
  };
}
