import { RulesError } from '../shared/errors.ts';
import type { TCaseType } from './case-vocabulary.ts';

// A supervisor's review of an overdue proposal (B5 / F3): what puts it in doubt, and how many of the
// proposed days may be confirmed. Nothing here records anything.

/** Why a proposal needs a supervisor's look of its own before it is confirmed. */
export const PROPOSAL_DOUBTS = [
  'noResponsiblePerson',
  'supplementAfterAcceptance',
  'jointDepartmentLate',
  'escalated',
] as const;
export type TProposalDoubt = (typeof PROPOSAL_DOUBTS)[number];

/**
 * The doubts of a proposal: no 第一责任人 on record; materials requested after acceptance (part of the
 * delay may be the applicant's); a related department late (规程 三、3) or a case sent upstairs
 * (规程 三、4), where the split between the window's days and others' is worth a look. A proposal
 * without doubts may be confirmed with others at once.
 */
export function proposalDoubts(p: {
  staffId: number | null;
  caseType: TCaseType;
  isSupplementAfterAcceptance: boolean;
  isJointDepartmentLate: boolean;
}): TProposalDoubt[] {
  const doubts: TProposalDoubt[] = [];
  if (p.staffId === null) doubts.push('noResponsiblePerson');
  if (p.isSupplementAfterAcceptance) doubts.push('supplementAfterAcceptance');
  if (p.isJointDepartmentLate) doubts.push('jointDepartmentLate');
  if (p.caseType === 'escalated') doubts.push('escalated');
  return doubts;
}

/**
 * The quantity a supervisor confirms: the proposed one, or fewer (at least 1) with a written reason
 * (e.g. part of the delay was the applicant's). To confirm none, the proposal is rejected instead.
 */
export function confirmedQuantity(
  proposed: number,
  qty: number | undefined,
  reason: string | undefined,
): number {
  if (qty === undefined || qty === proposed) return proposed;
  if (!Number.isInteger(qty) || qty < 1 || qty > proposed) {
    throw new RulesError(
      'INVALID_INPUT',
      'qty',
      `confirm between 1 and the ${proposed} proposed (reject the proposal to confirm none)`,
      `确认数量须在 1 至建议的 ${proposed} 之间（全部不予认定请驳回）`,
    );
  }
  if (!reason?.trim()) {
    throw new RulesError(
      'INVALID_INPUT',
      'qtyReason',
      'confirming fewer than proposed needs a reason',
      '核减须说明理由（如部分延误系申请人原因）',
    );
  }
  return qty;
}

/** What a supervisor decides of a confirmed proposal a calendar correction no longer bears out. */
export const PROPOSAL_RECHECK_OUTCOMES = ['keep', 'adjust'] as const;
export type TProposalRecheckOutcome = (typeof PROPOSAL_RECHECK_OUTCOMES)[number];

/**
 * The recheck of a confirmed proposal (日历更正后需复核): 'keep' lets the confirmed quantity stand;
 * 'adjust' confirms fewer (at least 1, fewer than confirmed), the record then revoked and made anew.
 * Either way a written reason. To withdraw it all, the record itself is revoked. Returns the quantity
 * that applies after the recheck.
 */
export function recheckedQuantity(
  confirmed: number,
  outcome: TProposalRecheckOutcome,
  qty: number | undefined,
  reason: string | undefined,
): number {
  if (!reason?.trim()) {
    throw new RulesError(
      'INVALID_INPUT',
      'reason',
      'a recheck needs a reason',
      '请填写复核理由（如按更正后的工作日历核定的超期天数）',
    );
  }
  if (outcome === 'keep') return confirmed;
  if (qty === undefined || !Number.isInteger(qty) || qty < 1 || qty >= confirmed) {
    throw new RulesError(
      'INVALID_INPUT',
      'qty',
      `adjust to between 1 and ${confirmed - 1} (fewer than the ${confirmed} confirmed; keep it otherwise)`,
      confirmed > 1
        ? `核减后的数量须在 1 至 ${confirmed - 1} 之间（少于已确认的 ${confirmed}；不变请选“维持”）`
        : `已确认 ${confirmed}，不能再核减；不变请选“维持”，全部撤销请撤销该记录`,
    );
  }
  return qty;
}
