import type { Generated } from 'kysely';

/**
 * Table types of the case workflow (migration 2026_11_26_1500_case_workflow). They extend `DB`,
 * `MattersTable` and `CasesTable` of database.ts by declaration merging, so the workflow's columns live
 * next to the migration that made them and database.ts stays as its owner wrote it.
 */
declare module '../database.ts' {
  interface MattersTable {
    legal_basis: string | null;
    /** JSON array of the required materials */
    materials: string | null;
    procedure: string | null;
    fees: string | null;
    fee_basis: string | null;
    inquiry_phone: string | null;
    complaint_phone: string | null;
    lead_department: string | null;
    /** JSON array of department names */
    related_departments: string | null;
    is_active: Generated<number>;
    revoke_reason: string | null;
  }

  interface CasesTable {
    applicant_name: string | null;
    applicant_phone: string | null;
    acceptance_code: string | null;
    query_password_hash: string | null;
    handler_phone: string | null;
    received_on: string | null;
    official_accepted_on: string | null;
    stage: string | null;
    supplement_count: Generated<number>;
    missing_materials: string | null;
    return_reasons: string | null;
    is_one_time_failed: Generated<number>;
    is_joint_late: Generated<number>;
    forwarded_on: string | null;
    upper_reply_on: string | null;
    explanation_filed_on: string | null;
    explanation: string | null;
    decision: string | null;
    notified_on: string | null;
    picked_up_on: string | null;
    accepted_by_user: number | null;
    updated_at: string | null;
  }

  interface DB {
    case_events: CaseEventsTable;
    case_joint_departments: CaseJointDepartmentsTable;
    case_ratings: CaseRatingsTable;
    case_follow_ups: CaseFollowUpsTable;
    case_sanction_proposals: CaseSanctionProposalsTable;
    status_query_attempts: StatusQueryAttemptsTable;
  }
}

/** Append-only: one row per workflow step (the database refuses updates and deletes). */
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
}

/** 好差评: 1 = 非常满意 … 5 = 非常不满意 */
export interface CaseRatingsTable {
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
}

/** 差评回访整改: opened by a poor rating, tracked until closed. */
export interface CaseFollowUpsTable {
  id: Generated<number>;
  case_id: number;
  rating_id: number;
  center_id: number;
  opened_on: string;
  due_on: string;
  status: 'open' | 'closed';
  closed_on: string | null;
  closed_by: number | null;
  note: string | null;
}

export type TProposalStatus = 'proposed' | 'confirmed' | 'rejected';

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
  status: TProposalStatus;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  record_id: number | null;
  created_at: string;
}

/** The applicant's status queries, for the rate limit per code and per address. */
export interface StatusQueryAttemptsTable {
  id: Generated<number>;
  code: string;
  address: string;
  is_ok: number;
  at: string;
}
