import type {
  TAwardKind,
  TComplaintCause,
  TComplaintChannel,
  TLeaderPosition,
  TPatrolSession,
  TPeerTier,
  TRecordSource,
  TSignOffLine,
  TStaffPost,
} from '@chuangkou/rules';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CaseDailyTable,
  CaseEventsTable,
  CaseJointDepartmentsTable,
  CaseReviewsTable,
  CaseSanctionProposalsTable,
  CasesTable,
  MattersTable,
  ServiceRatingFollowUpsTable,
  ServiceRatingsTable,
  StatusQueryAttemptsTable,
} from './cases/case.tables.ts';

export type * from './cases/case.tables.ts';

// The domain's enums live beside their labels in @chuangkou/rules; the columns store their values.
export type {
  TAwardKind,
  TComplaintCause,
  TComplaintChannel,
  TLeaderPosition,
  TPatrolSession,
  TPeerTier,
  TRecordSource,
  TSignOffLine,
};

/**
 * Table types for the one schema that runs on SQLite and PostgreSQL.
 * Conventions that keep both drivers returning the same runtime types:
 * - dates are ISO `YYYY-MM-DD` text, instants ISO-8601 text (`new Date().toISOString()`);
 * - booleans are integers 0/1 (better-sqlite3 refuses to bind JS booleans);
 * - JSON is stored as text and parsed by the repository mapper.
 */

/** 行政服务中心: a tenant; a city may run several. */
export interface CentersTable {
  id: Generated<number>;
  code: string;
  name: string;
  city: string;
  /** the center's first day of assessment (a setting); null: its first data */
  began_on: string | null;
  created_at: string;
  /** who receives objections to a posted result (e.g. 审管科); null until set */
  objection_office: string | null;
  /** the number printed for objections; null until set */
  objection_phone: string | null;
}

/** 窗口单位: the department that staffs windows; a staff's home unit. */
export interface UnitsTable {
  id: Generated<number>;
  center_id: number;
  name: string;
  created_at: string;
  /** 0/1: a disabled unit takes no new windows, people or matters; its history stays */
  is_active: Generated<number>;
  inactive_reason: string | null;
}

/** 窗口: a service counter of a unit. */
export interface WindowsTable {
  id: Generated<number>;
  center_id: number;
  unit_id: number;
  code: string;
  name: string;
  created_at: string;
  /** 0/1: a disabled window takes no one new; its history stays */
  is_active: Generated<number>;
  inactive_reason: string | null;
}

export type TPost = TStaffPost;
export type TAbRole = 'A' | 'B';

export interface StaffTable {
  id: Generated<number>;
  center_id: number;
  /** home unit (所在单位) */
  unit_id: number | null;
  window_id: number | null;
  name: string;
  post: TPost;
  /** AB角 */
  ab_role: TAbRole | null;
  /** 窗口负责人, 0/1 */
  is_window_head: number;
  /** 0/1 */
  is_active: number;
  created_at: string;
  /** 工号: the center's staff number, unique within the center (null until given) */
  staff_no: string | null;
  /** why the person was disabled (null while active or never given) */
  inactive_reason: string | null;
}

/** A person's unit, window, post and headship from a date to a date (both inclusive; open while it holds). */
export interface StaffAssignmentsTable {
  id: Generated<number>;
  center_id: number;
  staff_id: number;
  unit_id: number | null;
  window_id: number | null;
  post: TPost;
  /** 窗口负责人, 0/1 */
  is_window_head: number;
  from_date: string;
  to_date: string | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

/** A signed line of a month's supplement (补充汇总): the changes after the month was signed. */
export interface FineSupplementSignOffsTable {
  id: Generated<number>;
  center_id: number;
  year: number;
  month: number;
  supplement: number;
  line: TSignOffLine;
  user_id: number;
  user_name: string;
  signed_at: string;
  summary: string;
  changes: string;
}

export type TRole = 'admin' | 'leader' | 'supervisor' | 'head' | 'staff';

export interface UsersTable {
  id: Generated<number>;
  center_id: number;
  username: string;
  password_hash: string;
  role: TRole;
  staff_id: number | null;
  display_name: string;
  is_disabled: number;
  created_at: string;
  /** 0/1: the password was set by an administrator (one-time) and is changed at the next login */
  must_change_password: Generated<number>;
  /** the line of the fines summary a leader signs: 主要领导 (principal) or 分管领导 (deputy) */
  signoff_position: TSignoffPosition | null;
  /** 0/1: a platform administrator sees and creates every center */
  is_platform_admin: Generated<number>;
}

/** 主要领导 (principal) or 分管领导 (deputy): the vocabulary's leader positions */
export type TSignoffPosition = TLeaderPosition;

export interface SessionsTable {
  /** sha-256 of the cookie token, hex; the token itself is never stored */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  /** the browser's User-Agent at sign-in (cut to 300 characters); null for sessions opened before */
  user_agent: string | null;
  /** the address the session signed in from */
  client_address: string | null;
  /** when a request last used the session (at most half a minute behind) */
  last_seen_at: string | null;
}

export interface PoliciesTable {
  id: Generated<number>;
  center_id: number;
  /** 'A' points, 'B' fines, 'C' complaint ladder and uniform */
  code: string;
  version: number;
  effective_from: string;
  /** the policy object as JSON */
  body: string;
  created_by: number | null;
  created_at: string;
}

export type TRecordStatus = 'active' | 'revoked';
/** 'points' = policy A deduction/bonus; 'fine' = policy B cash fine */
export type TRecordScheme = 'points' | 'fine';

/** A conduct record (扣分/加分 or 罚款). Never deleted: revoked with a reason. */
export interface ConductRecordsTable {
  id: Generated<number>;
  center_id: number;
  scheme: TRecordScheme;
  staff_id: number | null;
  /** window-level record (B8, D6) applies to every person of that window */
  window_id: number | null;
  item: string;
  qty: number;
  level: string | null;
  aggravated: number;
  date: string;
  note: string | null;
  source: TRecordSource;
  source_id: number | null;
  status: TRecordStatus;
  revoke_reason: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
  recorded_by: number | null;
  created_at: string;
}

export interface ComplaintsTable {
  id: Generated<number>;
  center_id: number;
  channel: TComplaintChannel;
  date: string;
  window_id: number | null;
  staff_id: number | null;
  content: string;
  /** 'pending' until verified */
  status: 'pending' | 'verified';
  /** 0/1, null while pending */
  is_valid: number | null;
  cause: TComplaintCause | null;
  verification_note: string | null;
  verified_by: number | null;
  verified_at: string | null;
  /** the A3 record created when verified valid with cause attitude */
  record_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface PeerRatingsTable {
  id: Generated<number>;
  center_id: number;
  year: number;
  quarter: number;
  rater_id: number;
  ratee_id: number;
  tier: TPeerTier;
  created_at: string;
}

/** 巡查表: one sheet a day, signed by the duty leader and the inspectors; the paper copy is filed. */
export interface PatrolSheetsTable {
  id: Generated<number>;
  center_id: number;
  date: string;
  duty_leader: string;
  inspectors: string;
  filed_at: string | null;
  filed_by: number | null;
  created_by: number | null;
  created_at: string;
}

/** 后备干部人才库: a person a leader confirmed into the pool; left only by a dated revocation. */
export interface CadreReserveTable {
  id: Generated<number>;
  center_id: number;
  staff_id: number;
  year: number;
  basis: string | null;
  confirmed_on: string;
  confirmed_by: number;
  status: Generated<string>;
  revoked_on: string | null;
  revoked_by: number | null;
  revoke_reason: string | null;
  created_at: string;
}

/** A section (上午 / 下午) of the day's 巡查表. */
export interface PatrolsTable {
  id: Generated<number>;
  center_id: number;
  date: string;
  session: TPatrolSession;
  duty_leader: string;
  inspectors: string;
  created_by: number | null;
  created_at: string;
}

export interface PatrolFindingsTable {
  id: Generated<number>;
  patrol_id: number;
  /** the clause (item code), e.g. C4 or F8 */
  clause: string;
  finding: string;
  staff_id: number | null;
  window_id: number | null;
  /** the record or fine this finding became */
  record_id: number | null;
}

/** 红旗窗口 / 黄牌警告 */
export interface WindowAwardsTable {
  id: Generated<number>;
  center_id: number;
  window_id: number;
  kind: TAwardKind;
  year: number;
  /** 1–12 for monthly red flags and yellow cards; null for the annual award */
  month: number | null;
  date: string;
  reason: string | null;
  record_id: number | null;
  status: TRecordStatus;
  revoke_reason: string | null;
  created_by: number | null;
  created_at: string;
}

/** 公示: a published quarter, an immutable snapshot; corrections are new revisions. */
export interface PublishedAssessmentsTable {
  id: Generated<number>;
  center_id: number;
  year: number;
  quarter: number;
  revision: number;
  policy_id: number;
  policy_version: number;
  snapshot: string;
  reason: string | null;
  published_by: number | null;
  published_at: string;
}

/** 签批 of a month's fines summary: one row per signed line, append-only, with the summary it signed. */
export interface FineSignOffsTable {
  id: Generated<number>;
  center_id: number;
  year: number;
  month: number;
  line: TSignOffLine;
  user_id: number;
  user_name: string;
  signed_at: string;
  policy_id: number;
  policy_version: number;
  summary: string;
}

/** 法定节假日 / 调休 overrides of the working-day calendar, editable by an administrator. */
export interface CalendarDaysTable {
  center_id: number;
  date: string;
  is_working: number;
  note: string | null;
}

/**
 * A year's schedule entered by the center (holidays and 调休 working days, JSON date → name); a
 * correction supersedes the row in force, which is kept.
 */
export interface CalendarYearsTable {
  id: Generated<number>;
  center_id: number;
  year: number;
  holidays: string;
  workdays: string;
  source: string | null;
  reason: string | null;
  entered_by: number | null;
  entered_at: string;
  superseded_at: string | null;
}

/** Append-only audit log of every change. */
export interface AuditLogTable {
  id: Generated<number>;
  center_id: number | null;
  user_id: number | null;
  at: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
}

/** Sign-in attempts, for the login rate limit (shared by every server process on one database). */
export interface LoginAttemptsTable {
  id: Generated<number>;
  /** the username as typed, trimmed and lower-cased */
  username: string;
  /** the client's address, when the host knows it */
  address: string | null;
  is_ok: number;
  /** 0: refused by a limit before the password was checked (kept, never counted) */
  is_checked: Generated<number>;
  at: string;
}

export interface DB {
  centers: CentersTable;
  units: UnitsTable;
  windows: WindowsTable;
  staff: StaffTable;
  staff_assignments: StaffAssignmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  policies: PoliciesTable;
  conduct_records: ConductRecordsTable;
  complaints: ComplaintsTable;
  peer_ratings: PeerRatingsTable;
  patrol_sheets: PatrolSheetsTable;
  cadre_reserve: CadreReserveTable;
  patrols: PatrolsTable;
  patrol_findings: PatrolFindingsTable;
  window_awards: WindowAwardsTable;
  matters: MattersTable;
  cases: CasesTable;
  case_daily: CaseDailyTable;
  case_events: CaseEventsTable;
  case_joint_departments: CaseJointDepartmentsTable;
  service_ratings: ServiceRatingsTable;
  service_rating_follow_ups: ServiceRatingFollowUpsTable;
  case_sanction_proposals: CaseSanctionProposalsTable;
  case_reviews: CaseReviewsTable;
  status_query_attempts: StatusQueryAttemptsTable;
  published_assessments: PublishedAssessmentsTable;
  fine_sign_offs: FineSignOffsTable;
  fine_supplement_sign_offs: FineSupplementSignOffsTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  audit_log: AuditLogTable;
}

export type Center = Selectable<CentersTable>;
export type Unit = Selectable<UnitsTable>;
export type Window = Selectable<WindowsTable>;
export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type User = Selectable<UsersTable>;
export type Policy = Selectable<PoliciesTable>;
export type ConductRecordRow = Selectable<ConductRecordsTable>;
export type NewConductRecord = Insertable<ConductRecordsTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
