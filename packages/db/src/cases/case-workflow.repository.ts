import type { TCaseStatus as TCaseStage, TCaseType as TWorkflowType } from '@chuangkou/rules';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../client.ts';
import { bool, nowIso, num } from '../client.ts';
import type { CasesTable, TCaseType } from '../database.ts';
import type { TProposalStatus } from './case-workflow.tables.ts';

export type * from './case-workflow.tables.ts';

// The schema of issue 3 names 上报件 'forwarded'; the rules package calls the type 'escalated' and keeps
// 'forwarded' for the status of a case sent upward. The mapping lives here, at the boundary, only.
const typeToDb = (t: TWorkflowType): TCaseType => (t === 'escalated' ? 'forwarded' : t);
const typeFromDb = (t: TCaseType): TWorkflowType => (t === 'forwarded' ? 'escalated' : t);

const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

// ---------------------------------------------------------------------------------------------------
// 事项: the service guide (办事指南)

/** A matter with the eight fields of its service guide, its type and departments. */
export interface TMatterGuide {
  id: number;
  centerId: number;
  /** the window department that accepts it */
  unitId: number;
  name: string;
  type: TWorkflowType;
  promisedDays: number;
  legalBasis: string;
  materials: string[];
  procedure: string;
  fees: string;
  feeBasis: string;
  inquiryPhone: string;
  complaintPhone: string;
  /** 牵头部门 (联办) */
  leadDepartment: string;
  /** 相关部门 (联办) */
  relatedDepartments: string[];
  isActive: boolean;
  revokeReason: string | null;
}

export type TNewMatterGuide = Omit<TMatterGuide, 'id' | 'isActive' | 'revokeReason'>;

function matterRowToGuide(r: {
  id: number;
  center_id: number;
  unit_id: number;
  name: string;
  type: TCaseType;
  promised_days: number;
  legal_basis: string | null;
  materials: string | null;
  procedure: string | null;
  fees: string | null;
  fee_basis: string | null;
  inquiry_phone: string | null;
  complaint_phone: string | null;
  lead_department: string | null;
  related_departments: string | null;
  is_active: number;
  revoke_reason: string | null;
}): TMatterGuide {
  return {
    id: r.id,
    centerId: r.center_id,
    unitId: r.unit_id,
    name: r.name,
    type: typeFromDb(r.type),
    promisedDays: num(r.promised_days),
    legalBasis: r.legal_basis ?? '',
    materials: json(r.materials, []),
    procedure: r.procedure ?? '',
    fees: r.fees ?? '',
    feeBasis: r.fee_basis ?? '',
    inquiryPhone: r.inquiry_phone ?? '',
    complaintPhone: r.complaint_phone ?? '',
    leadDepartment: r.lead_department ?? '',
    relatedDepartments: json(r.related_departments, []),
    isActive: bool(r.is_active),
    revokeReason: r.revoke_reason,
  };
}

const guideColumns = (m: Partial<TNewMatterGuide>) => ({
  ...(m.unitId !== undefined && { unit_id: m.unitId }),
  ...(m.name !== undefined && { name: m.name }),
  ...(m.type !== undefined && { type: typeToDb(m.type) }),
  ...(m.promisedDays !== undefined && { promised_days: m.promisedDays }),
  ...(m.legalBasis !== undefined && { legal_basis: m.legalBasis }),
  ...(m.materials !== undefined && { materials: JSON.stringify(m.materials) }),
  ...(m.procedure !== undefined && { procedure: m.procedure }),
  ...(m.fees !== undefined && { fees: m.fees }),
  ...(m.feeBasis !== undefined && { fee_basis: m.feeBasis }),
  ...(m.inquiryPhone !== undefined && { inquiry_phone: m.inquiryPhone }),
  ...(m.complaintPhone !== undefined && { complaint_phone: m.complaintPhone }),
  ...(m.leadDepartment !== undefined && { lead_department: m.leadDepartment }),
  ...(m.relatedDepartments !== undefined && { related_departments: JSON.stringify(m.relatedDepartments) }),
});

export async function insertMatterGuide(db: Db, m: TNewMatterGuide): Promise<TMatterGuide> {
  const row = await db
    .insertInto('matters')
    .values({
      center_id: m.centerId,
      unit_id: m.unitId,
      name: m.name,
      type: typeToDb(m.type),
      promised_days: m.promisedDays,
      ...guideColumns(m),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findMatterGuide(db, row.id))!;
}

export async function updateMatterGuide(
  db: Db,
  id: number,
  patch: Partial<Omit<TNewMatterGuide, 'centerId'>>,
): Promise<void> {
  const set = guideColumns(patch);
  if (Object.keys(set).length > 0) await db.updateTable('matters').set(set).where('id', '=', id).execute();
}

/** A matter is never deleted: it is withdrawn from the catalog with a reason. */
export async function revokeMatterGuide(db: Db, id: number, reason: string): Promise<void> {
  await db.updateTable('matters').set({ is_active: 0, revoke_reason: reason }).where('id', '=', id).execute();
}

export async function findMatterGuide(db: Db, id: number): Promise<TMatterGuide | undefined> {
  const r = await db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
  return r && matterRowToGuide(r);
}

export async function listMatterGuides(
  db: Db,
  filter: { centerId: number; includeRevoked?: boolean | undefined },
): Promise<TMatterGuide[]> {
  let q = db.selectFrom('matters').selectAll().where('center_id', '=', filter.centerId);
  if (!filter.includeRevoked) q = q.where('is_active', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map(matterRowToGuide);
}

// ---------------------------------------------------------------------------------------------------
// 办件

/** A case with its workflow: what the API, the receipt and the dashboard read. */
export interface TWorkflowCase {
  id: number;
  centerId: number;
  unitId: number;
  windowId: number;
  /** 第一责任人: the person who accepted it */
  staffId: number | null;
  matterId: number;
  type: TWorkflowType;
  stage: TCaseStage;
  acceptanceCode: string | null;
  applicantName: string;
  applicantPhone: string;
  handlerPhone: string;
  receivedOn: string;
  /** 正式受理之日; null while materials are awaited */
  acceptedOn: string | null;
  promisedDays: number;
  /** null while materials are awaited and once returned */
  deadline: string | null;
  supplementCount: number;
  missingMaterials: string[];
  returnReasons: string[];
  isOneTimeNotificationFailed: boolean;
  isJointDepartmentLate: boolean;
  forwardedOn: string | null;
  upperReplyOn: string | null;
  explanationFiledOn: string | null;
  explanation: string | null;
  decision: 'approved' | 'refused' | null;
  decidedOn: string | null;
  notifiedOn: string | null;
  pickedUpOn: string | null;
  handlingDays: number | null;
  overdueDays: number;
  acceptedByUser: number | null;
  /** when the row last changed (optimistic lock of a step); null for rows written before the workflow */
  version: string | null;
}

type TCaseRow = Selectable<CasesTable>;

/** The stage of a case written before the workflow existed (issue 3's rows, the demo). */
function legacyStage(status: string): TCaseStage {
  return status === 'completed' ? 'decided' : status === 'returned' ? 'returned' : 'accepted';
}

export function caseRowToWorkflowCase(r: TCaseRow): TWorkflowCase {
  const stage = (r.stage as TCaseStage | null) ?? legacyStage(r.status);
  const hasDeadline = stage !== 'awaitingMaterials' && stage !== 'returned';
  return {
    id: r.id,
    centerId: r.center_id,
    unitId: r.unit_id,
    windowId: r.window_id,
    staffId: r.staff_id,
    matterId: r.matter_id,
    type: typeFromDb(r.type),
    stage,
    acceptanceCode: r.acceptance_code,
    applicantName: r.applicant_name ?? '',
    applicantPhone: r.applicant_phone ?? '',
    handlerPhone: r.handler_phone ?? '',
    receivedOn: r.received_on ?? r.accepted_at,
    acceptedOn: r.stage === null ? r.accepted_at : r.official_accepted_on,
    promisedDays: num(r.promised_days),
    deadline: hasDeadline ? r.deadline : null,
    supplementCount: num(r.supplement_count),
    missingMaterials: json(r.missing_materials, []),
    returnReasons: json(r.return_reasons, []),
    isOneTimeNotificationFailed: bool(r.is_one_time_failed),
    isJointDepartmentLate: bool(r.is_joint_late),
    forwardedOn: r.forwarded_on,
    upperReplyOn: r.upper_reply_on,
    explanationFiledOn: r.explanation_filed_on,
    explanation: r.explanation,
    decision: r.decision as TWorkflowCase['decision'],
    decidedOn: r.completed_at,
    notifiedOn: r.notified_on,
    pickedUpOn: r.picked_up_on,
    handlingDays: r.handling_days === null ? null : num(r.handling_days),
    overdueDays: num(r.overdue_days),
    acceptedByUser: r.accepted_by_user,
    version: r.updated_at,
  };
}

/** What a new case row holds; `deadline` is the provisional one while materials are awaited. */
export interface TNewWorkflowCase {
  centerId: number;
  unitId: number;
  windowId: number;
  staffId: number | null;
  matterId: number;
  type: TWorkflowType;
  stage: TCaseStage;
  acceptanceCode: string | null;
  queryPasswordHash: string | null;
  applicantName: string;
  applicantPhone: string;
  handlerPhone: string;
  receivedOn: string;
  acceptedOn: string | null;
  promisedDays: number;
  deadline: string;
  supplementCount: number;
  missingMaterials: string[];
  isOneTimeNotificationFailed: boolean;
  acceptedByUser: number | null;
  /** an imported case arrives with its later steps already taken */
  decision?: 'approved' | 'refused' | null;
  returnReasons?: string[];
  notifiedOn?: string | null;
  pickedUpOn?: string | null;
}

const newCaseRow = (c: TNewWorkflowCase, at: string) => ({
  center_id: c.centerId,
  unit_id: c.unitId,
  window_id: c.windowId,
  staff_id: c.staffId,
  matter_id: c.matterId,
  type: typeToDb(c.type),
  // the rollup's day: the day the applicant came (it does not move when materials are completed)
  accepted_at: c.receivedOn,
  promised_days: c.promisedDays,
  deadline: c.deadline,
  completed_at: null,
  status: c.stage === 'returned' ? ('returned' as const) : ('open' as const),
  handling_days: null,
  overdue_days: 0,
  applicant_name: c.applicantName,
  applicant_phone: c.applicantPhone,
  acceptance_code: c.acceptanceCode,
  query_password_hash: c.queryPasswordHash,
  handler_phone: c.handlerPhone,
  received_on: c.receivedOn,
  official_accepted_on: c.acceptedOn,
  stage: c.stage,
  supplement_count: c.supplementCount,
  missing_materials: c.missingMaterials.length > 0 ? JSON.stringify(c.missingMaterials) : null,
  is_one_time_failed: c.isOneTimeNotificationFailed ? 1 : 0,
  accepted_by_user: c.acceptedByUser,
  decision: c.decision ?? null,
  return_reasons: c.returnReasons && c.returnReasons.length > 0 ? JSON.stringify(c.returnReasons) : null,
  notified_on: c.notifiedOn ?? null,
  picked_up_on: c.pickedUpOn ?? null,
  updated_at: at,
});

/**
 * Inserts new cases (multi-row, 200 a statement) and counts them in the daily rollup; returns their ids
 * in input order.
 */
export async function insertWorkflowCases(db: Db, cases: TNewWorkflowCase[]): Promise<number[]> {
  const at = nowIso();
  const ids: number[] = [];
  for (let i = 0; i < cases.length; i += 200) {
    const rows = await db
      .insertInto('cases')
      .values(cases.slice(i, i + 200).map((c) => newCaseRow(c, at)))
      .returning('id')
      .execute();
    // both dialects return the rows of a multi-row insert in VALUES order
    for (const r of rows) ids.push(r.id);
  }
  await addToCaseDaily(
    db,
    cases.map((c) => ({
      center_id: c.centerId,
      unit_id: c.unitId,
      window_id: c.windowId,
      day: c.receivedOn,
      month: c.receivedOn.slice(0, 7),
      cases: 1,
      immediate: c.type === 'immediate' ? 1 : 0,
    })),
  );
  return ids;
}

/**
 * Counts newly accepted cases in `case_daily` (issue 3's rollup). A case enters the rollup open; its
 * completion moves it with `completeCase` of cases.repository.ts, which owns the other counters.
 */
async function addToCaseDaily(
  db: Db,
  rows: {
    center_id: number;
    unit_id: number;
    window_id: number;
    day: string;
    month: string;
    cases: number;
    immediate: number;
  }[],
): Promise<void> {
  const merged = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.window_id}|${r.day}`;
    const m = merged.get(key);
    if (m) {
      m.cases += r.cases;
      m.immediate += r.immediate;
    } else merged.set(key, { ...r });
  }
  const values = [...merged.values()];
  for (let i = 0; i < values.length; i += 400) {
    await db
      .insertInto('case_daily')
      .values(
        values.slice(i, i + 400).map((v) => ({
          completed: 0,
          on_time: 0,
          overdue: 0,
          overdue_days: 0,
          handling_days: 0,
          promised_days: 0,
          immediate_same_day: 0,
          ...v,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['window_id', 'day']).doUpdateSet({
          cases: sql`case_daily.cases + excluded.cases`,
          immediate: sql`case_daily.immediate + excluded.immediate`,
        }),
      )
      .execute();
  }
}

export async function findWorkflowCase(db: Db, id: number): Promise<TWorkflowCase | undefined> {
  const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return r && caseRowToWorkflowCase(r);
}

/** The case behind an acceptance code, with the hash to check (the public status query). */
export async function findCaseByCode(
  db: Db,
  code: string,
): Promise<{ case: TWorkflowCase; queryPasswordHash: string | null } | undefined> {
  const r = await db.selectFrom('cases').selectAll().where('acceptance_code', '=', code).executeTakeFirst();
  return r && { case: caseRowToWorkflowCase(r), queryPasswordHash: r.query_password_hash };
}

/** Which of these acceptance codes are already used. */
export async function takenAcceptanceCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    if (chunk.length === 0) break;
    const rows = await db
      .selectFrom('cases')
      .select('acceptance_code')
      .where('acceptance_code', 'in', chunk)
      .execute();
    for (const r of rows) if (r.acceptance_code !== null) taken.add(r.acceptance_code);
  }
  return taken;
}

export async function isAcceptanceCodeTaken(db: Db, code: string): Promise<boolean> {
  const r = await db.selectFrom('cases').select('id').where('acceptance_code', '=', code).executeTakeFirst();
  return r !== undefined;
}

/** The workflow columns a step may change. */
export interface TWorkflowPatch {
  stage?: TCaseStage;
  acceptedOn?: string | null;
  deadline?: string;
  supplementCount?: number;
  missingMaterials?: string[];
  returnReasons?: string[];
  isOneTimeNotificationFailed?: boolean;
  isJointDepartmentLate?: boolean;
  forwardedOn?: string | null;
  upperReplyOn?: string | null;
  explanationFiledOn?: string | null;
  explanation?: string | null;
  decision?: 'approved' | 'refused' | null;
  notifiedOn?: string | null;
  pickedUpOn?: string | null;
  queryPasswordHash?: string;
  staffId?: number | null;
}

/**
 * Writes a step's changes. With `expectVersion` (the `version` read before the step) the row is changed
 * only if nobody changed it meanwhile (two clerks acting on one case at once: the second gets false and
 * nothing is written). The version is the write's instant with a random suffix.
 */
export async function updateWorkflowCase(
  db: Db,
  id: number,
  p: TWorkflowPatch,
  expectVersion?: string | null,
): Promise<boolean> {
  let q = db
    .updateTable('cases')
    .set({
      ...(p.stage !== undefined && {
        stage: p.stage,
        ...(p.stage === 'returned' && { status: 'returned' as const }),
      }),
      ...(p.acceptedOn !== undefined && { official_accepted_on: p.acceptedOn }),
      ...(p.deadline !== undefined && { deadline: p.deadline }),
      ...(p.supplementCount !== undefined && { supplement_count: p.supplementCount }),
      ...(p.missingMaterials !== undefined && { missing_materials: JSON.stringify(p.missingMaterials) }),
      ...(p.returnReasons !== undefined && { return_reasons: JSON.stringify(p.returnReasons) }),
      ...(p.isOneTimeNotificationFailed !== undefined && {
        is_one_time_failed: p.isOneTimeNotificationFailed ? 1 : 0,
      }),
      ...(p.isJointDepartmentLate !== undefined && { is_joint_late: p.isJointDepartmentLate ? 1 : 0 }),
      ...(p.forwardedOn !== undefined && { forwarded_on: p.forwardedOn }),
      ...(p.upperReplyOn !== undefined && { upper_reply_on: p.upperReplyOn }),
      ...(p.explanationFiledOn !== undefined && { explanation_filed_on: p.explanationFiledOn }),
      ...(p.explanation !== undefined && { explanation: p.explanation }),
      ...(p.decision !== undefined && { decision: p.decision }),
      ...(p.notifiedOn !== undefined && { notified_on: p.notifiedOn }),
      ...(p.pickedUpOn !== undefined && { picked_up_on: p.pickedUpOn }),
      ...(p.queryPasswordHash !== undefined && { query_password_hash: p.queryPasswordHash }),
      ...(p.staffId !== undefined && { staff_id: p.staffId }),
      updated_at: `${nowIso()}#${Math.random().toString(36).slice(2, 8)}`,
    })
    .where('id', '=', id);
  if (expectVersion !== undefined) {
    q =
      expectVersion === null ? q.where('updated_at', 'is', null) : q.where('updated_at', '=', expectVersion);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A case in the registry, with the names the dashboard shows. */
export interface TCaseListRow extends TWorkflowCase {
  matterName: string;
  windowName: string;
  staffName: string | null;
}

export interface TCaseFilter {
  centerId: number;
  windowId?: number | undefined;
  staffId?: number | undefined;
  matterId?: number | undefined;
  type?: TWorkflowType | undefined;
  stages?: readonly TCaseStage[] | undefined;
  /** the day the applicant came, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  isOverdue?: boolean | undefined;
  isFlagged?: boolean | undefined;
  acceptanceCode?: string | undefined;
  limit?: number | undefined;
  /** id below which to continue (newest first) */
  beforeId?: number | undefined;
}

export async function listWorkflowCases(db: Db, f: TCaseFilter): Promise<TCaseListRow[]> {
  let q = db
    .selectFrom('cases')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .innerJoin('windows', 'windows.id', 'cases.window_id')
    .leftJoin('staff', 'staff.id', 'cases.staff_id')
    .selectAll('cases')
    .select(['matters.name as matter_name', 'windows.name as window_name', 'staff.name as staff_name'])
    .where('cases.center_id', '=', f.centerId);
  if (f.windowId !== undefined) q = q.where('cases.window_id', '=', f.windowId);
  if (f.staffId !== undefined) q = q.where('cases.staff_id', '=', f.staffId);
  if (f.matterId !== undefined) q = q.where('cases.matter_id', '=', f.matterId);
  if (f.type !== undefined) q = q.where('cases.type', '=', typeToDb(f.type));
  if (f.stages && f.stages.length > 0) {
    const stages = f.stages;
    // rows written before the workflow have no stage: their status stands in for it
    q = q.where((eb) =>
      eb.or([
        eb('cases.stage', 'in', stages),
        eb.and([
          eb('cases.stage', 'is', null),
          eb('cases.status', 'in', [
            ...new Set(
              stages.map((s) =>
                s === 'returned'
                  ? 'returned'
                  : s === 'accepted' || s === 'forwarded' || s === 'awaitingMaterials'
                    ? 'open'
                    : 'completed',
              ),
            ),
          ]),
        ]),
      ]),
    );
  }
  if (f.from !== undefined) q = q.where('cases.accepted_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('cases.accepted_at', '<=', f.to);
  if (f.isOverdue) q = q.where('cases.overdue_days', '>', 0);
  if (f.isFlagged)
    q = q.where((eb) =>
      eb.or([
        eb('cases.is_one_time_failed', '=', 1),
        eb('cases.is_joint_late', '=', 1),
        eb('cases.overdue_days', '>', 0),
      ]),
    );
  if (f.acceptanceCode !== undefined) q = q.where('cases.acceptance_code', '=', f.acceptanceCode);
  if (f.beforeId !== undefined) q = q.where('cases.id', '<', f.beforeId);
  const rows = await q
    .orderBy('cases.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    matterName: r.matter_name,
    windowName: r.window_name,
    staffName: r.staff_name,
    ...caseRowToWorkflowCase(r),
  }));
}

/** Open cases (clock running or forwarded upward) of a center: what the alerts look at. */
export async function listOpenWorkflowCases(
  db: Db,
  f: { centerId: number; windowId?: number | undefined; staffId?: number | undefined },
): Promise<TCaseListRow[]> {
  return listWorkflowCases(db, { ...f, stages: ['accepted', 'forwarded'], limit: 100_000 });
}

// ---------------------------------------------------------------------------------------------------
// the event log (append-only)

export interface TCaseEventRecord {
  id: number;
  caseId: number;
  kind: string;
  day: string;
  payload: Record<string, unknown>;
  userId: number | null;
  at: string;
}

export interface TNewCaseEvent {
  caseId: number;
  centerId: number;
  kind: string;
  day: string;
  payload: Record<string, unknown>;
  userId: number | null;
}

export async function appendCaseEvents(db: Db, events: TNewCaseEvent[]): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < events.length; i += 400) {
    await db
      .insertInto('case_events')
      .values(
        events.slice(i, i + 400).map((e) => ({
          case_id: e.caseId,
          center_id: e.centerId,
          kind: e.kind,
          day: e.day,
          payload: JSON.stringify(e.payload),
          user_id: e.userId,
          at,
        })),
      )
      .execute();
  }
}

export async function listCaseEvents(db: Db, caseId: number): Promise<TCaseEventRecord[]> {
  const rows = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    day: r.day,
    payload: json(r.payload, {}),
    userId: r.user_id,
    at: r.at,
  }));
}

// ---------------------------------------------------------------------------------------------------
// 联办 departments

export interface TJointDepartmentRecord {
  caseId: number;
  department: string;
  limitDays: number;
  copiedOn: string;
  dueOn: string;
  answeredOn: string | null;
  opinion: string | null;
}

export async function insertJointDepartments(
  db: Db,
  centerId: number,
  rows: Omit<TJointDepartmentRecord, 'answeredOn' | 'opinion'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('case_joint_departments')
    .values(
      rows.map((r) => ({
        case_id: r.caseId,
        center_id: centerId,
        department: r.department,
        limit_days: r.limitDays,
        copied_on: r.copiedOn,
        due_on: r.dueOn,
      })),
    )
    .execute();
}

export async function answerJointDepartment(
  db: Db,
  caseId: number,
  department: string,
  answer: { on: string; opinion: string | null },
): Promise<void> {
  await db
    .updateTable('case_joint_departments')
    .set({ answered_on: answer.on, opinion: answer.opinion })
    .where('case_id', '=', caseId)
    .where('department', '=', department)
    .execute();
}

export async function listJointDepartments(db: Db, caseId: number): Promise<TJointDepartmentRecord[]> {
  return listJointDepartmentsOfCases(db, [caseId]);
}

/** The departments copied on any of these cases, in copy order. */
export async function listJointDepartmentsOfCases(
  db: Db,
  caseIds: readonly number[],
): Promise<TJointDepartmentRecord[]> {
  const rows = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    if (chunk.length === 0) break;
    rows.push(
      ...(await db
        .selectFrom('case_joint_departments')
        .selectAll()
        .where('case_id', 'in', chunk)
        .orderBy('copied_on')
        .orderBy('department')
        .execute()),
    );
  }
  return rows.map((r) => ({
    caseId: r.case_id,
    department: r.department,
    limitDays: num(r.limit_days),
    copiedOn: r.copied_on,
    dueOn: r.due_on,
    answeredOn: r.answered_on,
    opinion: r.opinion,
  }));
}

// ---------------------------------------------------------------------------------------------------
// 好差评 and follow-ups

export interface TCaseRating {
  id: number;
  caseId: number;
  windowId: number;
  staffId: number | null;
  /** 1 = 非常满意 … 5 = 非常不满意 */
  level: number;
  comment: string | null;
  day: string;
}

export async function insertCaseRating(
  db: Db,
  r: Omit<TCaseRating, 'id'> & { centerId: number },
): Promise<TCaseRating> {
  const row = await db
    .insertInto('case_ratings')
    .values({
      case_id: r.caseId,
      center_id: r.centerId,
      window_id: r.windowId,
      staff_id: r.staffId,
      level: r.level,
      comment: r.comment,
      day: r.day,
      month: r.day.slice(0, 7),
      at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    caseId: r.caseId,
    windowId: r.windowId,
    staffId: r.staffId,
    level: r.level,
    comment: r.comment,
    day: r.day,
  };
}

export async function findCaseRating(db: Db, caseId: number): Promise<TCaseRating | undefined> {
  const r = await db.selectFrom('case_ratings').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return (
    r && {
      id: r.id,
      caseId: r.case_id,
      windowId: r.window_id,
      staffId: r.staff_id,
      level: num(r.level),
      comment: r.comment,
      day: r.day,
    }
  );
}

/** Ratings per window and month, one count per level (1 … 5). */
export interface TSatisfactionRow {
  windowId: number;
  windowName: string;
  month: string;
  counts: [number, number, number, number, number];
}

export async function ratingCountsByWindowMonth(
  db: Db,
  f: { centerId: number; fromMonth: string; toMonth: string; windowId?: number | undefined },
): Promise<TSatisfactionRow[]> {
  let q = db
    .selectFrom('case_ratings')
    .innerJoin('windows', 'windows.id', 'case_ratings.window_id')
    .select((eb) => [
      'case_ratings.window_id as window_id',
      'windows.name as window_name',
      'case_ratings.month as month',
      'case_ratings.level as level',
      eb.fn.countAll().as('n'),
    ])
    .where('case_ratings.center_id', '=', f.centerId)
    .where('case_ratings.month', '>=', f.fromMonth)
    .where('case_ratings.month', '<=', f.toMonth);
  if (f.windowId !== undefined) q = q.where('case_ratings.window_id', '=', f.windowId);
  const rows = await q
    .groupBy(['case_ratings.window_id', 'windows.name', 'case_ratings.month', 'case_ratings.level'])
    .execute();
  const out = new Map<string, TSatisfactionRow>();
  for (const r of rows) {
    const key = `${r.window_id}|${r.month}`;
    let row = out.get(key);
    if (!row) {
      row = { windowId: r.window_id, windowName: r.window_name, month: r.month, counts: [0, 0, 0, 0, 0] };
      out.set(key, row);
    }
    const level = num(r.level);
    if (level >= 1 && level <= 5) row.counts[level - 1] = (row.counts[level - 1] ?? 0) + num(r.n);
  }
  return [...out.values()].sort((a, b) => a.month.localeCompare(b.month) || a.windowId - b.windowId);
}

export interface TFollowUp {
  id: number;
  caseId: number;
  ratingId: number;
  openedOn: string;
  dueOn: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  closedBy: number | null;
  note: string | null;
}

const followUpRow = (r: Selectable<import('./case-workflow.tables.ts').CaseFollowUpsTable>): TFollowUp => ({
  id: r.id,
  caseId: r.case_id,
  ratingId: r.rating_id,
  openedOn: r.opened_on,
  dueOn: r.due_on,
  status: r.status,
  closedOn: r.closed_on,
  closedBy: r.closed_by,
  note: r.note,
});

export async function insertFollowUp(
  db: Db,
  f: { caseId: number; ratingId: number; centerId: number; openedOn: string; dueOn: string },
): Promise<TFollowUp> {
  const row = await db
    .insertInto('case_follow_ups')
    .values({
      case_id: f.caseId,
      rating_id: f.ratingId,
      center_id: f.centerId,
      opened_on: f.openedOn,
      due_on: f.dueOn,
      status: 'open',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return followUpRow(row);
}

export async function findFollowUp(
  db: Db,
  id: number,
): Promise<(TFollowUp & { centerId: number }) | undefined> {
  const r = await db.selectFrom('case_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  return r && { ...followUpRow(r), centerId: r.center_id };
}

export interface TFollowUpListRow extends TFollowUp {
  acceptanceCode: string | null;
  matterName: string;
  windowName: string;
  staffName: string | null;
  level: number;
  comment: string | null;
}

export async function listFollowUps(
  db: Db,
  f: { centerId: number; status?: 'open' | 'closed' | undefined; windowId?: number | undefined },
): Promise<TFollowUpListRow[]> {
  let q = db
    .selectFrom('case_follow_ups')
    .innerJoin('cases', 'cases.id', 'case_follow_ups.case_id')
    .innerJoin('case_ratings', 'case_ratings.id', 'case_follow_ups.rating_id')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .innerJoin('windows', 'windows.id', 'cases.window_id')
    .leftJoin('staff', 'staff.id', 'cases.staff_id')
    .selectAll('case_follow_ups')
    .select([
      'cases.acceptance_code as acceptance_code',
      'matters.name as matter_name',
      'windows.name as window_name',
      'staff.name as staff_name',
      'case_ratings.level as level',
      'case_ratings.comment as comment',
    ])
    .where('case_follow_ups.center_id', '=', f.centerId);
  if (f.status) q = q.where('case_follow_ups.status', '=', f.status);
  if (f.windowId !== undefined) q = q.where('cases.window_id', '=', f.windowId);
  const rows = await q.orderBy('case_follow_ups.due_on').orderBy('case_follow_ups.id').limit(1000).execute();
  return rows.map((r) => ({
    acceptanceCode: r.acceptance_code,
    matterName: r.matter_name,
    windowName: r.window_name,
    staffName: r.staff_name,
    level: num(r.level),
    comment: r.comment,
    ...followUpRow(r),
  }));
}

export async function closeFollowUp(
  db: Db,
  id: number,
  c: { closedOn: string; closedBy: number; note: string },
): Promise<void> {
  await db
    .updateTable('case_follow_ups')
    .set({ status: 'closed', closed_on: c.closedOn, closed_by: c.closedBy, note: c.note })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// B5 / F3 proposals

export interface TSanctionProposal {
  id: number;
  caseId: number;
  centerId: number;
  staffId: number | null;
  item: string;
  qty: number;
  day: string;
  reason: string;
  status: TProposalStatus;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
  recordId: number | null;
}

const proposalRow = (
  r: Selectable<import('./case-workflow.tables.ts').CaseSanctionProposalsTable>,
): TSanctionProposal => ({
  id: r.id,
  caseId: r.case_id,
  centerId: r.center_id,
  staffId: r.staff_id,
  item: r.item,
  qty: num(r.qty),
  day: r.day,
  reason: r.reason,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  recordId: r.record_id,
});

export async function insertSanctionProposals(
  db: Db,
  rows: {
    caseId: number;
    centerId: number;
    staffId: number | null;
    item: string;
    qty: number;
    day: string;
    reason: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const at = nowIso();
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('case_sanction_proposals')
      .values(
        rows.slice(i, i + 400).map((r) => ({
          case_id: r.caseId,
          center_id: r.centerId,
          staff_id: r.staffId,
          item: r.item,
          qty: r.qty,
          day: r.day,
          reason: r.reason,
          status: 'proposed' as const,
          created_at: at,
        })),
      )
      .execute();
  }
}

export async function findSanctionProposal(db: Db, id: number): Promise<TSanctionProposal | undefined> {
  const r = await db
    .selectFrom('case_sanction_proposals')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && proposalRow(r);
}

export interface TProposalListRow extends TSanctionProposal {
  acceptanceCode: string | null;
  matterName: string;
  staffName: string | null;
}

export async function listSanctionProposals(
  db: Db,
  f: { centerId: number; status?: TProposalStatus | undefined; caseId?: number | undefined },
): Promise<TProposalListRow[]> {
  let q = db
    .selectFrom('case_sanction_proposals')
    .innerJoin('cases', 'cases.id', 'case_sanction_proposals.case_id')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .leftJoin('staff', 'staff.id', 'case_sanction_proposals.staff_id')
    .selectAll('case_sanction_proposals')
    .select([
      'cases.acceptance_code as acceptance_code',
      'matters.name as matter_name',
      'staff.name as staff_name',
    ])
    .where('case_sanction_proposals.center_id', '=', f.centerId);
  if (f.status) q = q.where('case_sanction_proposals.status', '=', f.status);
  if (f.caseId !== undefined) q = q.where('case_sanction_proposals.case_id', '=', f.caseId);
  const rows = await q.orderBy('case_sanction_proposals.id').limit(1000).execute();
  return rows.map((r) => ({
    acceptanceCode: r.acceptance_code,
    matterName: r.matter_name,
    staffName: r.staff_name,
    ...proposalRow(r),
  }));
}

export async function decideSanctionProposal(
  db: Db,
  id: number,
  d: {
    status: 'confirmed' | 'rejected';
    by: number;
    reason: string | null;
    recordId: number | null;
    staffId: number | null;
  },
): Promise<void> {
  await db
    .updateTable('case_sanction_proposals')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: nowIso(),
      decision_reason: d.reason,
      record_id: d.recordId,
      staff_id: d.staffId,
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// status-query attempts (rate limit)

export async function recordQueryAttempt(
  db: Db,
  a: { code: string; address: string; isOk: boolean; at: string },
): Promise<void> {
  await db
    .insertInto('status_query_attempts')
    .values({ code: a.code, address: a.address, is_ok: a.isOk ? 1 : 0, at: a.at })
    .execute();
}

/** Failed attempts since `since` (ISO instant) for one code and for one address. */
export async function countFailedQueryAttempts(
  db: Db,
  f: { code: string; address: string; since: string },
): Promise<{ byCode: number; byAddress: number }> {
  const [byCode, byAddress] = await Promise.all([
    db
      .selectFrom('status_query_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('code', '=', f.code)
      .where('at', '>=', f.since)
      .where('is_ok', '=', 0)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('status_query_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('address', '=', f.address)
      .where('at', '>=', f.since)
      .where('is_ok', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  return { byCode: num(byCode.n), byAddress: num(byAddress.n) };
}
