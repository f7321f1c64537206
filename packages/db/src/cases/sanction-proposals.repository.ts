import type { TCaseType, TSanctionProposalStatus } from '@chuangkou/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { bool, nowIso, num } from '../client.ts';
import type { CaseSanctionProposalsTable } from './case.tables.ts';

/** A proposed deduction or fine for an overdue case (B5 / F3), until a supervisor confirms or rejects it. */
export interface TSanctionProposal {
  id: number;
  caseId: number;
  centerId: number;
  staffId: number | null;
  item: string;
  qty: number;
  day: string;
  reason: string;
  status: TSanctionProposalStatus;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** the quantity confirmed, when fewer than proposed */
  confirmedQty: number | null;
  /** the record made when confirmed */
  recordId: number | null;
  /** 日历更正后需复核: a confirmed proposal a calendar correction no longer bears out, and why */
  recheckReason: string | null;
}

export type TNewSanctionProposal = Pick<
  TSanctionProposal,
  'caseId' | 'centerId' | 'staffId' | 'item' | 'qty' | 'day' | 'reason'
>;

const proposalRowToProposal = (r: Selectable<CaseSanctionProposalsTable>): TSanctionProposal => ({
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
  confirmedQty: r.confirmed_qty === null ? null : num(r.confirmed_qty),
  recordId: r.record_id,
  // absent on a database migrated to an earlier version
  recheckReason: r.recheck_reason ?? null,
});

/** Stores proposals (400 a statement), each waiting for a supervisor. */
export async function insertSanctionProposals(db: Db, rows: readonly TNewSanctionProposal[]): Promise<void> {
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
  return r && proposalRowToProposal(r);
}

/** A proposal with the case and person it is about, as the supervisors' list shows it. */
export interface TSanctionProposalListRow extends TSanctionProposal {
  acceptanceCode: string | null;
  matterName: string;
  staffName: string | null;
  /** 申请日期: the day the applicant came */
  receivedOn: string;
  caseType: TCaseType;
  /** what may put the proposal in doubt */
  isSupplementAfterAcceptance: boolean;
  isJointDepartmentLate: boolean;
}

/** Proposals in the order they were made (at most 1,000), of a center or one case. */
export async function listSanctionProposals(
  db: Db,
  f: {
    centerId: number;
    status?: TSanctionProposalStatus | undefined;
    caseId?: number | undefined;
    ids?: readonly number[] | undefined;
    /** keyset: proposals after this id (oldest first) */
    afterId?: number | undefined;
    /** at most this many (1000 without) */
    limit?: number | undefined;
  },
): Promise<TSanctionProposalListRow[]> {
  let q = db
    .selectFrom('case_sanction_proposals as p')
    .innerJoin('cases', 'cases.id', 'p.case_id')
    .innerJoin('matters', 'matters.id', 'cases.matter_id')
    .leftJoin('staff', 'staff.id', 'p.staff_id')
    .selectAll('p')
    .select([
      'cases.acceptance_code as acceptance_code',
      'matters.name as matter_name',
      'staff.name as staff_name',
      'cases.received_on as received_on',
      'cases.type as case_type',
      'cases.is_supplement_after_acceptance as is_supplement_after_acceptance',
      'cases.is_joint_department_late as is_joint_department_late',
    ])
    .where('p.center_id', '=', f.centerId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.caseId !== undefined) q = q.where('p.case_id', '=', f.caseId);
  if (f.ids !== undefined) q = q.where('p.id', 'in', f.ids.length ? [...f.ids] : [0]);
  if (f.afterId !== undefined) q = q.where('p.id', '>', f.afterId);
  const rows = await q
    .orderBy('p.id')
    .limit(f.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    acceptanceCode: r.acceptance_code,
    matterName: r.matter_name,
    staffName: r.staff_name,
    receivedOn: r.received_on,
    caseType: r.case_type,
    isSupplementAfterAcceptance: bool(r.is_supplement_after_acceptance),
    isJointDepartmentLate: bool(r.is_joint_department_late),
    ...proposalRowToProposal(r),
  }));
}

/**
 * Confirms or rejects a proposal still waiting; returns false when it was decided meanwhile (nothing
 * is written then).
 */
export async function decideSanctionProposal(
  db: Db,
  id: number,
  d: {
    status: 'confirmed' | 'rejected';
    by: number;
    reason: string | null;
    recordId: number | null;
    staffId: number | null;
    confirmedQty?: number | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('case_sanction_proposals')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: nowIso(),
      decision_reason: d.reason,
      record_id: d.recordId,
      staff_id: d.staffId,
      confirmed_qty: d.confirmedQty ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The proposals of these cases (of any status), oldest first. */
export async function listProposalsOfCases(db: Db, caseIds: readonly number[]): Promise<TSanctionProposal[]> {
  const found: TSanctionProposal[] = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_sanction_proposals')
      .selectAll()
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .orderBy('id')
      .execute();
    found.push(...rows.map(proposalRowToProposal));
  }
  return found;
}

/**
 * Replaces the figures of a proposal still waiting (a calendar correction counted its days again);
 * returns false when it was decided meanwhile (nothing is written then).
 */
export async function adjustSanctionProposal(
  db: Db,
  id: number,
  p: Pick<TSanctionProposal, 'qty' | 'day' | 'reason'>,
): Promise<boolean> {
  const r = await db
    .updateTable('case_sanction_proposals')
    .set({ qty: p.qty, day: p.day, reason: p.reason })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a confirmed proposal for a recheck (日历更正后需复核), or clears the mark with null. */
export async function setSanctionProposalRecheck(
  db: Db,
  id: number,
  recheckReason: string | null,
): Promise<void> {
  await db
    .updateTable('case_sanction_proposals')
    .set({ recheck_reason: recheckReason })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .execute();
}

/**
 * Settles the recheck of a confirmed proposal (日历更正后需复核): clears the mark, notes the recheck in
 * the decision, and with an adjustment points at the new record and its quantity. Returns false when
 * the proposal is not (or no longer) marked (nothing is written then).
 */
export async function settleSanctionProposalRecheck(
  db: Db,
  id: number,
  s: { decisionReason: string; recordId: number; confirmedQty: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable('case_sanction_proposals')
    .set({
      recheck_reason: null,
      decision_reason: s.decisionReason,
      record_id: s.recordId,
      confirmed_qty: s.confirmedQty,
    })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('recheck_reason', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
