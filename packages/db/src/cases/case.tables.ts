import type {
  TCaseDecision,
  TCaseStage,
  TCaseType,
  TFollowUpStatus,
  TSanctionProposalStatus,
} from '@chuangkou/rules';
import type { Generated } from 'kysely';

/** 事项: a matter of the catalog with the eight fields of its service guide (办事指南, 规程 一、2). */
export interface MattersTable {
  id: Generated<number>;
  center_id: number;
  /** the window department that accepts it */
  unit_id: number;
  /** 事项编码 in the province's catalog (unique within the center), null when never given */
  code: string | null;
  name: string;
  type: TCaseType;
  promised_days: number;
  legal_basis: string | null;
  /** JSON array of the required materials */
  materials: string | null;
  procedure: string | null;
  fees: string | null;
  fee_basis: string | null;
  inquiry_phone: string | null;
  complaint_phone: string | null;
  /** 牵头部门 (联办) */
  lead_department: string | null;
  /** JSON array of department names (联办) */
  related_departments: string | null;
  /** 0/1: a matter is withdrawn with a reason, never deleted */
  is_active: Generated<number>;
  revoke_reason: string | null;
}

/** 办件: one row per case, from acceptance to pickup. */
export interface CasesTable {
  id: Generated<number>;
  center_id: number;
  unit_id: number;
  window_id: number;
  /** 第一责任人: the person who accepted it */
  staff_id: number | null;
  matter_id: number;
  type: TCaseType;
  stage: TCaseStage;
  acceptance_code: string | null;
  /** scrypt$N$r$p$salt$hash; the password itself is never stored */
  query_password_hash: string | null;
  applicant_name: string | null;
  applicant_phone: string | null;
  handler_phone: string | null;
  /** the day the applicant came: the day of the case in the rollup */
  received_on: string;
  /** 正式受理之日; null while materials are awaited */
  accepted_on: string | null;
  promised_days: number;
  /** the last working day of the promised limit; null while materials are awaited and once returned */
  deadline: string | null;
  supplement_count: Generated<number>;
  /** JSON array */
  missing_materials: string | null;
  /** JSON array: of a return, or of a refusal */
  return_reasons: string | null;
  is_one_time_notification_failed: Generated<number>;
  is_joint_department_late: Generated<number>;
  /** 0/1: a 补办 issued after the official acceptance (the clock was not restarted) */
  is_supplement_after_acceptance: Generated<number>;
  /** 0/1: the applicant was notified after the promised limit */
  is_notified_late: Generated<number>;
  forwarded_on: string | null;
  upper_reply_on: string | null;
  explanation_filed_on: string | null;
  explanation: string | null;
  decision: TCaseDecision | null;
  decided_on: string | null;
  notified_on: string | null;
  picked_up_on: string | null;
  /** working days from acceptance to the decision (0 = the same day) */
  handling_days: number | null;
  /** working days past the deadline, 0 when on time */
  overdue_days: Generated<number>;
  /** 0/1: the deadline was counted through a year the calendar does not cover yet (暂定) */
  is_deadline_provisional: Generated<number>;
  accepted_by_user: number | null;
  /** changes on every write (the optimistic lock of a step); null for rows never written by a step */
  version: string | null;
}

/**
 * Rollup of cases per window and day received, updated with every case write: the analytics read it
 * instead of scanning millions of cases (a GROUP BY over 10 M rows takes seconds).
 */
export interface CaseDailyTable {
  center_id: number;
  unit_id: number;
  window_id: number;
  day: string;
  month: string;
  cases: number;
  completed: number;
  on_time: number;
  overdue: number;
  overdue_days: number;
  handling_days: number;
  promised_days: number;
  immediate: number;
  immediate_same_day: number;
}

/** Append-only: one row per step of a case (the database refuses updates and deletes). */
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  center_id: number;
  kind: string;
  /** the step's date (ISO day) */
  day: string;
  /** the step's details as JSON */
  payload: string | null;
  user_id: number | null;
  at: string;
}

/** 联办: a related department copied on a joint case, with its own limit. */
export interface CaseJointDepartmentsTable {
  case_id: number;
  center_id: number;
  department: string;
  limit_days: number;
  copied_on: string;
  due_on: string;
  answered_on: string | null;
  opinion: string | null;
  /** working days the answer came after due_on: recorded against the department (纪检监察) */
  late_days: Generated<number>;
}

/** 好差评: the applicant's service rating of a case, 1 = 非常满意 … 5 = 非常不满意. */
export interface ServiceRatingsTable {
  id: Generated<number>;
  case_id: number;
  center_id: number;
  window_id: number;
  staff_id: number | null;
  level: number;
  comment: string | null;
  day: string;
  month: string;
  at: string;
  /** given after the case's query password was reset at a window: counts once checked */
  is_after_reset: Generated<number>;
  reset_checked_by: number | null;
  reset_checked_at: string | null;
  /** 受理 'accepted' or 办结 'decided': one rating per case and stage */
  stage: Generated<'accepted' | 'decided'>;
  /** how the applicant rated (窗口评价器, 短信, 网站 …), as the platform recorded it */
  channel: string | null;
  /** when the applicant rated, as the platform recorded it (local time); null when rated here */
  rated_at: string | null;
}

/** 差评回访整改: opened by a poor service rating, tracked until closed. */
export interface ServiceRatingFollowUpsTable {
  id: Generated<number>;
  case_id: number;
  service_rating_id: number;
  center_id: number;
  opened_on: string;
  due_on: string;
  status: TFollowUpStatus;
  closed_on: string | null;
  closed_by: number | null;
  note: string | null;
}

/** A proposed B5 deduction or F3 fine for an overdue case, until a supervisor confirms or rejects it. */
export interface CaseSanctionProposalsTable {
  id: Generated<number>;
  case_id: number;
  center_id: number;
  staff_id: number | null;
  item: string;
  qty: number;
  day: string;
  reason: string;
  status: TSanctionProposalStatus;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** the quantity confirmed when fewer than proposed (with its reason in decision_reason) */
  confirmed_qty: number | null;
  record_id: number | null;
  created_at: string;
  /** 日历更正后需复核: what a calendar correction says of a confirmed proposal (null: nothing to recheck) */
  recheck_reason: string | null;
}

/** The applicant's status queries, for the rate limit per code and per address. */
export interface StatusQueryAttemptsTable {
  id: Generated<number>;
  code: string;
  address: string;
  is_ok: number;
  /** 0: refused by a limit before the password was checked (kept, never counted) */
  is_checked: Generated<number>;
  at: string;
}

/** 复核 (规程 四、3): an applicant's request to review a refused case, and the center's decision. */
export interface CaseReviewsTable {
  id: Generated<number>;
  case_id: number;
  center_id: number;
  requested_on: string;
  /** 'statusPage' (code and password) or 'counter' */
  channel: 'statusPage' | 'counter';
  request: string | null;
  /** the clerk who took a request at the counter */
  requested_by: number | null;
  /** the reviewer's name as printed, and the user who recorded the decision */
  reviewer: string | null;
  reviewed_by: number | null;
  /** null until decided */
  outcome: 'upheld' | 'overturned' | null;
  decided_on: string | null;
  reasons: string | null;
  created_at: string;
}
