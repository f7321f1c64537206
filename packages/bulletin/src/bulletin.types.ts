/**
 * Input types of the bulletins (公示 / 通报 / 汇总 / 记录表): plain domain data, no database rows.
 *
 * The result rows are the engine's output (`assessQuarter(...).results`, `TQuarterResult` of
 * @chuangkou/rules) with the names added, so that
 * `results.map((r) => ({ ...r, ...directory[r.staff] }))` is a valid `TResultsRow[]`
 * (or use `toResultsRows` from ./from-assessment.ts, which names the missing staff id).
 * Item texts (`text`) come from the policy (`POLICY_A` / `POLICY_B` of @chuangkou/rules): this package
 * never invents them, it prints what it is given.
 */

import type { TFlag, TGrade, TReserveStanding } from '@chuangkou/rules';
import type { TComplaintLadderBulletin } from './kinds/complaint-ladder.bulletin.ts';
import type { TUniformBulletin } from './kinds/uniform.bulletin.ts';

// The kinds of bulletin and their names live in @chuangkou/rules (BULLETIN_KIND_LABELS).
export { BULLETIN_KINDS, type TBulletinKind } from '@chuangkou/rules';
export type { TGrade };

/** ISO date `YYYY-MM-DD`. */
export type TIsoDate = string;

export type TQuarterPeriod = { year: number; quarter: 1 | 2 | 3 | 4 };
export type TMonthPeriod = { year: number; month: number };

/** The engine's flags, in its order (`FLAGS` of @chuangkou/rules): 并列, 批评教育, 退回所在单位, 无互评, 通报批评, 通报单位. */
export type TResultFlag = TFlag;

/** One element of `assessQuarter(...).results`, as the engine returns it. */
export type TQuarterResult = {
  staff: string;
  /** Category key (the policy's `assessment.categories[].key`) → score after its floor. */
  categories: Readonly<Record<string, number>>;
  bonus: number;
  total: number;
  peerGoodShare: number | null;
  rank: number;
  grade: TGrade;
  vetoed: boolean;
  flags: readonly TResultFlag[];
};

/** What a bulletin needs to print a person: name, window, home unit (所在单位). */
export type TStaffNames = { name: string; window: string; unit: string };

/** Publication status of the assessment: a draft is printed with 征求意见稿 in its title. */
export type TPublicationStatus = 'draft' | 'published';

/** Fields common to every bulletin. */
export type TBulletinBase = {
  /** 行政服务中心 name, printed in the title and as the issuer. */
  center: string;
  /** Issuer printed above the date; defaults to `center`. */
  issuer?: string;
};

/**
 * A category column: key, name and base points, as in the policy's `assessment.categories`
 * (文明服务、思想品德 30 / 业务技能 40 / 劳动纪律 30 under policy A), in print order.
 */
export type TCategoryHeading = { key: string; name: string; base: number };

// ---------------------------------------------------------------- results

export type TResultsRow = TQuarterResult & TStaffNames;

/** 季度考核结果公示: the quarter's results for the notice board. */
export type TResultsBulletin = TBulletinBase & {
  kind: 'results';
  period: TQuarterPeriod;
  status: TPublicationStatus;
  /** The policy's title, e.g. 房管局行政服务中心窗口工作人员考核细则. */
  policyTitle: string;
  /** The category columns, from the policy (`policy.assessment.categories`). */
  categories: readonly TCategoryHeading[];
  publishedOn: TIsoDate;
  /** 公示期 (public-notice period), inclusive. */
  noticePeriod: { from: TIsoDate; to: TIsoDate };
  /**
   * The quarter has not ended (a draft for comment, 征求意见稿): printed without any notice-period
   * wording, with the day it runs to.
   */
  runningAsOf?: TIsoDate | undefined;
  /** Phone for objections during the notice period (异议电话), a center setting; null: not printed. */
  objectionPhone: string | null;
  /** Who receives objections, e.g. 审管科 (a center setting). */
  objectionOffice?: string;
  /**
   * A correction (更正) of results already posted: the revision and its reason, printed in the title
   * and the opening so nobody reads it as the first notice.
   */
  correction?: { revision: number; reason: string };
  rows: readonly TResultsRow[];
};

// ---------------------------------------------------------------- behaviours

/** One non-standard behaviour (不规范行为): a record of the period, named. */
export type TBehaviourRow = TStaffNames & {
  date: TIsoDate;
  /** Item code of the policy, e.g. `C4` or `F8`. */
  item: string;
  /** The item's text from the policy. */
  text: string;
  qty: number;
  /** Points, negative for a deduction (policy A); absent under a fines policy. */
  points?: number;
  /** Fine in yuan (policy B); absent under a points policy. */
  fine?: number;
  /** Free text: what was seen, by whom. */
  note?: string;
  /**
   * The fact behind the row: rows of one fact (an overdue case recorded as B5 under the points policy
   * and as F3 under the fines) share it and count as one 人次. Absent: the row is a fact of its own.
   */
  event?: string;
};

/** A valid complaint (有效投诉) of the period: the person complained about and what it entails. */
export type TComplaintNoticeRow = TStaffNames & {
  date: TIsoDate;
  /** channel and cause, as labelled (12345热线, 服务态度 …) */
  channel: string;
  cause: string;
  /** 一票否决: the person cannot be 优秀 that quarter and that year */
  vetoes: boolean;
};

/** 不规范行为通报: every non-standard behaviour of the period, by window and person. */
export type TBehavioursBulletin = TBulletinBase & {
  kind: 'behaviours';
  period: TQuarterPeriod | TMonthPeriod;
  /** The documents the rows come from (考核细则 for points, 处罚办法 for fines), cited in the opening. */
  policyTitles: readonly string[];
  publishedOn: TIsoDate;
  rows: readonly TBehaviourRow[];
  /** Every valid complaint of the period, whatever its cause (the 一票否决 of the results stands here). */
  complaints?: readonly TComplaintNoticeRow[];
};

// ---------------------------------------------------------------- fines

/** Count and amount of one clause for one person in the month (the engine's `TFineLine`). */
export type TFineLine = {
  item: string;
  count: number;
  amount: number;
  /** the dates of the records (absent in a summary signed before dates were kept) */
  dates?: readonly TIsoDate[];
};

/**
 * One person's month, as `monthlyFines(...).staff[i]` of @chuangkou/rules, with the names added:
 * clause lines, total, the forfeited monthly bonus (扣除当月绩效奖: F5, F7) and the clauses reported.
 */
export type TStaffFines = TStaffNames & {
  staff: string;
  lines: readonly TFineLine[];
  total: number;
  forfeitsMonthlyBonus: boolean;
  forfeitItems: readonly string[];
  reportItems: readonly string[];
};

/** 向主管单位通报: as `monthlyFines(...).reportToUnit[i]` (three or more under a clause, or F5). */
export type TUnitReport = {
  staff: string;
  items: readonly string[];
  /** item → its own count */
  counts: Readonly<Record<string, number>>;
  /** item → the count of its counting group (F2 with F2b), when the engine gives it */
  groupCounts?: Readonly<Record<string, number>>;
};

/** 月度处罚汇总: the month's fines for sign-off by 审管科, 分管领导, 主要领导. */
export type TFinesBulletin = TBulletinBase & {
  kind: 'fines';
  period: TMonthPeriod;
  policyTitle: string;
  /** Item code → the policy's text (`policy.items`). */
  itemTexts: Readonly<Record<string, string>>;
  /** Compiled on (审管科每月初汇总). */
  compiledOn: TIsoDate;
  staff: readonly TStaffFines[];
  reportToUnit: readonly TUnitReport[];
  /** 取消当月评先评优资格 (F5): the persons exposed (staff ids), as `monthlyFines(...).barredFromAwards`. */
  barredFromAwards?: { staff: readonly string[] };
  /** The three signers; defaults to 审管科 / 分管领导 / 主要领导. */
  signers?: readonly [string, string, string];
  /** Who signed each of the three lines and when, or null (未签); absent: blank lines to sign by hand. */
  signatures?: readonly (TSignature | null)[];
  /** Records changed after signing: the sheet is marked 签字后有变动. */
  isChangedSinceSigned?: boolean;
  /** The month has not ended (征求意见稿): printed without signature lines. */
  runningAsOf?: TIsoDate | undefined;
  /** 补充汇总: the changes after signing, each signed on the same three lines (`number` null: not yet). */
  supplements?: readonly TFinesSupplement[];
};

/** A signed line: the signer's name as it was, and when. */
export type TSignature = { userName: string; signedAt: string };

/** One person's change in a supplement: the total as signed and now (null: not listed then / now). */
export type TFineChangeRow = TStaffNames & {
  items: string;
  before: number | null;
  after: number | null;
  difference: number;
};

export type TFinesSupplement = {
  number: number | null;
  changes: readonly TFineChangeRow[];
  signatures: readonly (TSignature | null)[];
};

// ---------------------------------------------------------------- patrol

/**
 * A clause row of the patrol record: its number and the policy's text (the seed's words); the
 * center's own readings of it (本中心细则), printed apart under the table, never in the row.
 */
export type TPatrolClause = { no: number; text: string; centerRules?: readonly string[] };

/** What the patrol found under a clause, morning and afternoon (无 when nothing). */
export type TPatrolFinding = { morning?: string; afternoon?: string };

/** 巡查值班记录表: the seed's form, blank for printing or filled from a recorded patrol. */
export type TPatrolBulletin = TBulletinBase & {
  kind: 'patrol';
  /** Form title prefix, e.g. 新建区行管委 (the seed's 新建区行管委日常巡查值班记录表). */
  formOwner?: string;
  clauses: readonly TPatrolClause[];
  /** Absent: a blank form. Present: a filled record (findings keyed by clause number). */
  patrol?: {
    date: TIsoDate;
    dutyLeader: string;
    inspectors: readonly string[];
    findings: Readonly<Record<number, TPatrolFinding>>;
  };
};

// ---------------------------------------------------------------- awards

/** A red-flag window (红旗窗口). */
export type TAwardRow = {
  window: string;
  unit: string;
  /** Staff of the window, each receiving the bonus. */
  staff: readonly string[];
  /** Why, in a sentence (主要事迹). */
  reason: string;
  /** The window's valid complaints (有效投诉) dated in the award's period, counted from the complaints. */
  validComplaints: number;
  /** The points the award records for every person of the window (D6: +2 monthly, +5 annual); null
   * when the policy links no item to the award. */
  bonusPerPerson: number | null;
  /** The month of a monthly flag, when a year's list shows the monthly flags (`annualPending`). */
  month?: number;
};

/** 红旗窗口 announcement, monthly or annual. */
export type TAwardsBulletin = TBulletinBase & {
  kind: 'awards';
  scope: 'monthly' | 'annual';
  /** `month` is required when `scope` is monthly. */
  period: { year: number; month?: number };
  policyTitle: string;
  publishedOn: TIsoDate;
  rows: readonly TAwardRow[];
  /**
   * The annual flag is not given yet: the rows are the year's monthly flags so far, printed as such and
   * marked as not the annual award; `reason` says why there is no annual award (the year has not ended,
   * or it has and the center has not awarded it).
   */
  annualPending?: { asOf: TIsoDate; reason: string } | undefined;
};

// ---------------------------------------------------------------- yearend

/** A person's year, as `assessYear(...).results[i]` of @chuangkou/rules, with the names added. */
export type TYearEndRow = TStaffNames & {
  staff: string;
  /** Quarter → total, for the quarters the person was assessed in. */
  quarterTotals: Readonly<Partial<Record<1 | 2 | 3 | 4, number>>>;
  /** Mean of the assessed quarters; null when not graded (fewer quarters than the policy requires). */
  mean: number | null;
  rank: number | null;
  grade: TGrade | null;
  vetoed: boolean;
  flags: readonly TResultFlag[];
};

/** A proposed cadre-reserve candidate (后备干部), as `cadreCandidates(...)[i]`, with the names added. */
export type TCadreCandidate = TStaffNames & {
  staff: string;
  reasons: readonly ('annualExcellent' | 'excellentQuarters')[];
  /** The quarters graded 优秀. */
  excellentQuarters: readonly number[];
  mean: number | null;
};

/** 年终总评: the public year-end result for the notice board (no cadre proposal in it). */
export type TYearEndBulletin = TBulletinBase & {
  kind: 'yearend';
  year: number;
  status: TPublicationStatus;
  policyTitle: string;
  publishedOn: TIsoDate;
  rows: readonly TYearEndRow[];
  /**
   * The year has not ended: provisional (征求意见稿), the mean of the quarters that have ended (named
   * here), and no 后备干部 list.
   */
  provisional?: { asOf: TIsoDate; endedQuarters: readonly number[] } | undefined;
};

/**
 * 后备干部推荐名单: the internal proposal for the leaders (never posted), a document of its own; the
 * leaders confirm the candidates against the cadre-reserve conditions.
 */
export type TCadresBulletin = TBulletinBase & {
  kind: 'cadres';
  year: number;
  status: TPublicationStatus;
  publishedOn: TIsoDate;
  /**
   * each candidate with the annual grade (null: not graded for the year) and where they stand in the
   * 后备干部人才库 on the day of printing
   */
  candidates: readonly (TCadreCandidate & { grade: TGrade | null; reserve: TReserveStanding })[];
};

// ---------------------------------------------------------------- yellow card

/** A window's yellow card (黄牌警告). */
export type TYellowCardRow = {
  window: string;
  unit: string;
  date: TIsoDate;
  /** The people of the window on the card's date, each receiving the deduction. */
  staff: readonly string[];
  reason: string;
  /** The points the card records for every person of the window (B8: −2); null without a link. */
  pointsPerPerson: number | null;
};

/** 黄牌警告通报 of a month, or of a year. */
export type TYellowCardBulletin = TBulletinBase & {
  kind: 'yellowcard';
  period: { year: number; month?: number };
  policyTitle: string;
  /** The seed clause the deduction stands on (考核细则 一(二)8) and its words; null without a link. */
  clause: { clause: string; text: string } | null;
  publishedOn: TIsoDate;
  rows: readonly TYellowCardRow[];
};

// ---------------------------------------------------------------- letters to the home units

/** Why a person is reported to the home unit. */
export type TUnitLetterCause = 'report' | 'notifyUnit' | 'circulatedCriticism' | 'returnToUnit';

/** One person and one cause in a letter: the seed clause, its own words, and what happened. */
export type TUnitLetterEntry = {
  name: string;
  window: string;
  cause: TUnitLetterCause;
  /** What happened, e.g. 本月3次 or 2026年第2、3季度连续“不称职”. */
  fact: string;
  /** Where the rule stands (处罚办法 一、2) and the seed's own words. */
  clause: string;
  seedText: string;
};

/** One letter: to the leaders of one unit (向所在单位领导通报). */
export type TUnitLetter = {
  unit: string;
  entries: readonly TUnitLetterEntry[];
  /** The center's own readings (本中心执行口径) behind this letter's entries, printed apart. */
  interpretations: readonly string[];
};

/** 通报所在单位 / 退回所在单位: one letter per unit for a month. */
export type TUnitLettersBulletin = TBulletinBase & {
  kind: 'unitletters';
  period: TMonthPeriod;
  /** The documents cited (考核细则, 处罚办法). */
  policyTitles: readonly string[];
  publishedOn: TIsoDate;
  letters: readonly TUnitLetter[];
  /** The month has not ended (征求意见稿). */
  runningAsOf?: TIsoDate | undefined;
};

// ---------------------------------------------------------------- peer ballot

/** One group of the ballot: the colleagues who rate each other (the window's people in the quarter). */
export type TBallotGroup = { window: string; unit: string; members: readonly string[] };

/** 季度互评表: the paper ballot, one sheet per group, each colleague to be marked 好 / 中 / 差. */
export type TBallotBulletin = TBulletinBase & {
  kind: 'ballot';
  period: TQuarterPeriod;
  policyTitle: string;
  /** The seed clause of the peer evaluation (考核细则 一(三)7) and its words. */
  clause: { clause: string; text: string } | null;
  groups: readonly TBallotGroup[];
};

export type TBulletin =
  | TYellowCardBulletin
  | TUnitLettersBulletin
  | TBallotBulletin
  | TResultsBulletin
  | TBehavioursBulletin
  | TFinesBulletin
  | TPatrolBulletin
  | TAwardsBulletin
  | TYearEndBulletin
  | TCadresBulletin
  | TComplaintLadderBulletin
  | TUniformBulletin;

export type { TComplaintLadderBulletin, TLadderStepRow } from './kinds/complaint-ladder.bulletin.ts';
export type { TUniformBulletin, TUniformRow } from './kinds/uniform.bulletin.ts';
