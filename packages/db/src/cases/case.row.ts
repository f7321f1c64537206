import type { TCaseDecision, TCaseStage, TCaseType } from '@chuangkou/rules';
import type { Selectable } from 'kysely';
import { bool, num } from '../client.ts';
import type { CasesTable } from './case.tables.ts';
import { readJson, writeJsonList } from './json-column.ts';

/** 办件: a case from acceptance to pickup, as the API, the receipt, the dashboard and the rollup read it. */
export interface TCase {
  id: number;
  centerId: number;
  unitId: number;
  windowId: number;
  /** 第一责任人: the person who accepted it */
  staffId: number | null;
  matterId: number;
  type: TCaseType;
  stage: TCaseStage;
  acceptanceCode: string | null;
  applicantName: string;
  applicantPhone: string;
  handlerPhone: string;
  /** the day the applicant came */
  receivedOn: string;
  /** 正式受理之日; null while materials are awaited */
  acceptedOn: string | null;
  promisedDays: number;
  /** null while materials are awaited and once returned */
  deadline: string | null;
  /** 暂定: counted through a year whose holidays are not entered yet; recomputed when they are */
  isDeadlineProvisional: boolean;
  supplementCount: number;
  missingMaterials: string[];
  returnReasons: string[];
  isOneTimeNotificationFailed: boolean;
  isJointDepartmentLate: boolean;
  /** a 补办 issued after the official acceptance: the clock ran on */
  isSupplementAfterAcceptance: boolean;
  /** notified after the promised limit (规程 四、2) */
  isNotifiedLate: boolean;
  forwardedOn: string | null;
  upperReplyOn: string | null;
  explanationFiledOn: string | null;
  explanation: string | null;
  decision: TCaseDecision | null;
  decidedOn: string | null;
  notifiedOn: string | null;
  pickedUpOn: string | null;
  /** working days from acceptance to the decision, 0 = the same day */
  handlingDays: number | null;
  /** working days past the deadline */
  overdueDays: number;
  acceptedByUser: number | null;
  /** changes with every step (optimistic lock); null until the first step */
  version: string | null;
}

/**
 * The columns a case is read from in the registry: every column but the query password's hash, which
 * only the applicant's status query checks (a page of cases never carries it).
 */
export const CASE_COLUMNS = [
  'id',
  'center_id',
  'unit_id',
  'window_id',
  'staff_id',
  'matter_id',
  'type',
  'stage',
  'acceptance_code',
  'applicant_name',
  'applicant_phone',
  'handler_phone',
  'received_on',
  'accepted_on',
  'promised_days',
  'deadline',
  'is_deadline_provisional',
  'supplement_count',
  'missing_materials',
  'return_reasons',
  'is_one_time_notification_failed',
  'is_joint_department_late',
  'is_supplement_after_acceptance',
  'is_notified_late',
  'forwarded_on',
  'upper_reply_on',
  'explanation_filed_on',
  'explanation',
  'decision',
  'decided_on',
  'notified_on',
  'picked_up_on',
  'handling_days',
  'overdue_days',
  'accepted_by_user',
  'version',
] as const satisfies readonly Exclude<keyof CasesTable, 'query_password_hash'>[];

/** A case's row as the registry reads it (`CASE_COLUMNS`). */
export type TCaseRow = Omit<Selectable<CasesTable>, 'query_password_hash'>;

export function caseRowToCase(r: TCaseRow): TCase {
  return {
    id: r.id,
    centerId: r.center_id,
    unitId: r.unit_id,
    windowId: r.window_id,
    staffId: r.staff_id,
    matterId: r.matter_id,
    type: r.type,
    stage: r.stage,
    acceptanceCode: r.acceptance_code,
    applicantName: r.applicant_name ?? '',
    applicantPhone: r.applicant_phone ?? '',
    handlerPhone: r.handler_phone ?? '',
    receivedOn: r.received_on,
    acceptedOn: r.accepted_on,
    promisedDays: num(r.promised_days),
    deadline: r.deadline,
    isDeadlineProvisional: bool(r.is_deadline_provisional),
    supplementCount: num(r.supplement_count),
    missingMaterials: readJson(r.missing_materials, []),
    returnReasons: readJson(r.return_reasons, []),
    isOneTimeNotificationFailed: bool(r.is_one_time_notification_failed),
    isJointDepartmentLate: bool(r.is_joint_department_late),
    isSupplementAfterAcceptance: bool(r.is_supplement_after_acceptance),
    isNotifiedLate: bool(r.is_notified_late),
    forwardedOn: r.forwarded_on,
    upperReplyOn: r.upper_reply_on,
    explanationFiledOn: r.explanation_filed_on,
    explanation: r.explanation,
    decision: r.decision,
    decidedOn: r.decided_on,
    notifiedOn: r.notified_on,
    pickedUpOn: r.picked_up_on,
    handlingDays: r.handling_days === null ? null : num(r.handling_days),
    overdueDays: num(r.overdue_days),
    acceptedByUser: r.accepted_by_user,
    version: r.version,
  };
}

/**
 * What a new case row holds. A case imported (or generated) with its later steps already taken comes
 * with them, its decision included: the rollup counts it as it stands.
 */
export type TNewCase = Omit<
  TCase,
  | 'id'
  | 'version'
  | 'applicantName'
  | 'applicantPhone'
  | 'handlerPhone'
  | 'supplementCount'
  | 'missingMaterials'
  | 'returnReasons'
  | 'isOneTimeNotificationFailed'
  | 'isJointDepartmentLate'
  | 'isSupplementAfterAcceptance'
  | 'isNotifiedLate'
  | 'forwardedOn'
  | 'upperReplyOn'
  | 'explanationFiledOn'
  | 'explanation'
  | 'decision'
  | 'decidedOn'
  | 'notifiedOn'
  | 'pickedUpOn'
  | 'handlingDays'
  | 'overdueDays'
  | 'isDeadlineProvisional'
> &
  Partial<Omit<TCase, 'id' | 'version'>> & {
    queryPasswordHash?: string | null;
  };

/** The row of a new case. */
export const newCaseRow = (c: TNewCase) => ({
  center_id: c.centerId,
  unit_id: c.unitId,
  window_id: c.windowId,
  staff_id: c.staffId,
  matter_id: c.matterId,
  type: c.type,
  stage: c.stage,
  acceptance_code: c.acceptanceCode,
  query_password_hash: c.queryPasswordHash ?? null,
  applicant_name: c.applicantName ?? null,
  applicant_phone: c.applicantPhone ?? null,
  handler_phone: c.handlerPhone ?? null,
  received_on: c.receivedOn,
  accepted_on: c.acceptedOn,
  promised_days: c.promisedDays,
  deadline: c.deadline,
  is_deadline_provisional: c.isDeadlineProvisional ? 1 : 0,
  supplement_count: c.supplementCount ?? 0,
  missing_materials: writeJsonList(c.missingMaterials ?? []),
  return_reasons: writeJsonList(c.returnReasons ?? []),
  is_one_time_notification_failed: c.isOneTimeNotificationFailed ? 1 : 0,
  is_joint_department_late: c.isJointDepartmentLate ? 1 : 0,
  is_supplement_after_acceptance: c.isSupplementAfterAcceptance ? 1 : 0,
  is_notified_late: c.isNotifiedLate ? 1 : 0,
  forwarded_on: c.forwardedOn ?? null,
  upper_reply_on: c.upperReplyOn ?? null,
  explanation_filed_on: c.explanationFiledOn ?? null,
  explanation: c.explanation ?? null,
  decision: c.decision ?? null,
  decided_on: c.decidedOn ?? null,
  notified_on: c.notifiedOn ?? null,
  picked_up_on: c.pickedUpOn ?? null,
  handling_days: c.handlingDays ?? null,
  overdue_days: c.overdueDays ?? 0,
  accepted_by_user: c.acceptedByUser ?? null,
});

/** What a step may change on a case. */
export type TCasePatch = Partial<
  Pick<
    TCase,
    | 'stage'
    | 'acceptedOn'
    | 'deadline'
    | 'isDeadlineProvisional'
    | 'supplementCount'
    | 'missingMaterials'
    | 'returnReasons'
    | 'isOneTimeNotificationFailed'
    | 'isJointDepartmentLate'
    | 'isSupplementAfterAcceptance'
    | 'isNotifiedLate'
    | 'forwardedOn'
    | 'upperReplyOn'
    | 'explanationFiledOn'
    | 'explanation'
    | 'decision'
    | 'decidedOn'
    | 'notifiedOn'
    | 'pickedUpOn'
    | 'handlingDays'
    | 'overdueDays'
    | 'staffId'
  >
> & { queryPasswordHash?: string };

/** The columns a patch sets. */
export const patchColumns = (p: TCasePatch) => ({
  ...(p.stage !== undefined && { stage: p.stage }),
  ...(p.acceptedOn !== undefined && { accepted_on: p.acceptedOn }),
  ...(p.deadline !== undefined && { deadline: p.deadline }),
  ...(p.isDeadlineProvisional !== undefined && {
    is_deadline_provisional: p.isDeadlineProvisional ? 1 : 0,
  }),
  ...(p.supplementCount !== undefined && { supplement_count: p.supplementCount }),
  ...(p.missingMaterials !== undefined && { missing_materials: writeJsonList(p.missingMaterials) }),
  ...(p.returnReasons !== undefined && { return_reasons: writeJsonList(p.returnReasons) }),
  ...(p.isOneTimeNotificationFailed !== undefined && {
    is_one_time_notification_failed: p.isOneTimeNotificationFailed ? 1 : 0,
  }),
  ...(p.isJointDepartmentLate !== undefined && {
    is_joint_department_late: p.isJointDepartmentLate ? 1 : 0,
  }),
  ...(p.isSupplementAfterAcceptance !== undefined && {
    is_supplement_after_acceptance: p.isSupplementAfterAcceptance ? 1 : 0,
  }),
  ...(p.isNotifiedLate !== undefined && { is_notified_late: p.isNotifiedLate ? 1 : 0 }),
  ...(p.forwardedOn !== undefined && { forwarded_on: p.forwardedOn }),
  ...(p.upperReplyOn !== undefined && { upper_reply_on: p.upperReplyOn }),
  ...(p.explanationFiledOn !== undefined && { explanation_filed_on: p.explanationFiledOn }),
  ...(p.explanation !== undefined && { explanation: p.explanation }),
  ...(p.decision !== undefined && { decision: p.decision }),
  ...(p.decidedOn !== undefined && { decided_on: p.decidedOn }),
  ...(p.notifiedOn !== undefined && { notified_on: p.notifiedOn }),
  ...(p.pickedUpOn !== undefined && { picked_up_on: p.pickedUpOn }),
  ...(p.handlingDays !== undefined && { handling_days: p.handlingDays }),
  ...(p.overdueDays !== undefined && { overdue_days: p.overdueDays }),
  ...(p.queryPasswordHash !== undefined && { query_password_hash: p.queryPasswordHash }),
  ...(p.staffId !== undefined && { staff_id: p.staffId }),
});
