import {
  type Db,
  decideSanctionProposal,
  findRecord,
  findSanctionProposal,
  listSanctionProposals,
  settleSanctionProposalRecheck,
  type TSanctionProposal,
  type TSanctionProposalListRow,
  type TUser,
} from '@chuangkou/db';
import {
  CASE_TYPE_LABELS,
  confirmedQuantity,
  PROPOSAL_DOUBT_LABELS,
  proposalDoubts,
  recheckedQuantity,
  type TProposalDoubt,
  type TProposalRecheckOutcome,
  type TSanctionProposalStatus,
} from '@chuangkou/rules';
import { badInput, conflict, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { createRecord, revokeRecordWithReason } from '../records.service.ts';
import { staffInCenter } from '../scope.ts';
import { atRow } from './case-state.ts';

async function waitingProposal(db: Db, user: TUser, id: number): Promise<TSanctionProposal> {
  const p = await findSanctionProposal(db, id);
  if (!p || p.centerId !== user.centerId) throw notFound('扣分建议', 'id');
  if (p.status !== 'proposed') throw conflict('该建议已处理', 'id');
  return p;
}

/** A proposal as the supervisors' list shows it, with what puts it in doubt. */
export type TProposalRow = TSanctionProposalListRow & { doubts: TProposalDoubt[] };

/** The proposals of the center (or those named), each with its doubts (`proposalDoubts`). */
export async function listProposals(
  db: Db,
  user: TUser,
  f: {
    status?: TSanctionProposalStatus | undefined;
    ids?: readonly number[] | undefined;
    afterId?: number | undefined;
    limit?: number | undefined;
  } = {},
): Promise<TProposalRow[]> {
  const rows = await listSanctionProposals(db, { centerId: user.centerId, ...f });
  return rows.map((r) => ({ ...r, doubts: proposalDoubts(r) }));
}

/** 办件 2026…（不动产转移登记）: a case as a person reads it, never a bare number. */
const caseName = (r: Pick<TSanctionProposalListRow, 'acceptanceCode' | 'caseId' | 'matterName'>) =>
  `办件 ${r.acceptanceCode ?? `#${r.caseId}`}（${r.matterName}）`;

export interface TConfirmInput {
  id: number;
  staffId?: number | undefined;
  /** fewer than proposed, with `qtyReason` */
  qty?: number | undefined;
  qtyReason?: string | undefined;
  note?: string | undefined;
  correctionReason?: string | undefined;
}

/**
 * A supervisor confirms a proposal: only now is the deduction or fine recorded (as a conduct record
 * with source 'case', validated against the policy in force like any record). `staffId` lets the
 * supervisor name someone other than the first responsible person (第一责任人); `qty` confirms fewer
 * than proposed, with its reason.
 */
export async function confirmSanctionProposal(
  db: Db,
  user: TUser,
  today: string,
  input: TConfirmInput,
): Promise<TSanctionProposal> {
  const before = await waitingProposal(db, user, input.id);
  const staffId = input.staffId ?? before.staffId;
  if (staffId === null) throw badInput('staffId', '请指定责任人');
  const qty = atRow('', () => confirmedQuantity(before.qty, input.qty, input.qtyReason));
  const reduced = qty < before.qty ? `；核减为 ${qty}：${input.qtyReason!.trim()}` : '';
  const [row] = await listSanctionProposals(db, { centerId: user.centerId, ids: [before.id] });
  await staffInCenter(db, user, staffId);
  const record = await createRecord(
    db,
    user,
    today,
    {
      staffId,
      item: before.item,
      qty,
      date: before.day,
      note: `${caseName(row!)}超期：${before.reason}${reduced}${input.note ? `；${input.note}` : ''}`,
      correctionReason: input.correctionReason,
    },
    'case',
    before.caseId,
  );
  const isDecided = await decideSanctionProposal(db, input.id, {
    status: 'confirmed',
    by: user.id,
    reason: [reduced ? input.qtyReason!.trim() : '', input.note ?? ''].filter(Boolean).join('；') || null,
    recordId: record.id,
    staffId,
    confirmedQty: qty < before.qty ? qty : null,
  });
  if (!isDecided) throw conflict('该建议已处理', 'id');
  const after = (await findSanctionProposal(db, input.id))!;
  await audit(db, user, 'caseSanctionProposal', input.id, 'confirm', before, after);
  return after;
}

/**
 * Confirms several proposals at once, all or none, each as proposed and on its 第一责任人: only those
 * not in doubt (`proposalDoubts`); one in doubt is refused by name, to be looked at on its own.
 */
export async function confirmSanctionProposals(
  db: Db,
  user: TUser,
  today: string,
  ids: readonly number[],
): Promise<{ confirmed: number }> {
  const unique = [...new Set(ids)];
  const rows = await listProposals(db, user, { ids: unique });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) throw notFound('扣分建议', 'ids');
    if (r.status !== 'proposed') throw conflict(`${caseName(r)}的建议已处理`, 'ids');
    if (r.doubts.length > 0) {
      const why = r.doubts.map((d) => PROPOSAL_DOUBT_LABELS[d].zh).join('、');
      throw badInput(
        'ids',
        `${caseName(r)}（${CASE_TYPE_LABELS[r.caseType].zh}）的建议存疑：${why}，请逐条处理`,
      );
    }
  }
  for (const id of unique) await confirmSanctionProposal(db, user, today, { id });
  return { confirmed: unique.length };
}

/** A supervisor rejects a proposal (the delay was not the person's fault), with the reason. */
export async function rejectSanctionProposal(
  db: Db,
  user: TUser,
  input: { id: number; reason: string },
): Promise<TSanctionProposal> {
  const before = await waitingProposal(db, user, input.id);
  const isDecided = await decideSanctionProposal(db, input.id, {
    status: 'rejected',
    by: user.id,
    reason: input.reason,
    recordId: null,
    staffId: before.staffId,
  });
  if (!isDecided) throw conflict('该建议已处理', 'id');
  const after = (await findSanctionProposal(db, input.id))!;
  await audit(db, user, 'caseSanctionProposal', input.id, 'reject', before, after);
  return after;
}

export interface TRecheckInput {
  id: number;
  outcome: TProposalRecheckOutcome;
  /** with 'adjust': the quantity now confirmed, fewer than before */
  qty?: number | undefined;
  reason?: string | undefined;
  /** required when the record's quarter is published or its month signed */
  correctionReason?: string | undefined;
}

/**
 * A supervisor settles a confirmed proposal a calendar correction no longer bears out (日历更正后需复核):
 * 'keep' lets the record stand; 'adjust' revokes the record with the reason and records the fewer
 * days anew (never edited, never deleted). Either way the mark is cleared, the recheck noted in the
 * proposal's decision, and the change audited. A proposal not marked is refused.
 */
export async function recheckSanctionProposal(
  db: Db,
  user: TUser,
  today: string,
  input: TRecheckInput,
): Promise<TSanctionProposal> {
  const before = await findSanctionProposal(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('扣分建议', 'id');
  if (before.status !== 'confirmed' || before.recheckReason === null || before.recordId === null) {
    throw conflict('该建议未标记“日历更正后需复核”，无需复核', 'id');
  }
  const confirmed = before.confirmedQty ?? before.qty;
  const qty = atRow('', () => recheckedQuantity(confirmed, input.outcome, input.qty, input.reason));
  const reason = input.reason!.trim();
  const note =
    input.outcome === 'keep'
      ? `日历更正后复核：维持 ${confirmed}：${reason}`
      : `日历更正后复核：核减为 ${qty}：${reason}`;
  let recordId = before.recordId;
  if (input.outcome === 'adjust') {
    const old = await findRecord(db, before.recordId);
    if (!old || old.status === 'revoked' || old.staffId === null) {
      throw conflict('该建议确认时记入的记录已撤销，无法核减', 'id');
    }
    await revokeRecordWithReason(db, user, {
      id: old.id,
      reason: note,
      correctionReason: input.correctionReason,
    });
    const [row] = await listSanctionProposals(db, { centerId: user.centerId, ids: [before.id] });
    const record = await createRecord(
      db,
      user,
      today,
      {
        staffId: old.staffId,
        item: old.item,
        qty,
        date: old.date,
        note: `${caseName(row!)}超期：${before.reason}；${note}`,
        correctionReason: input.correctionReason,
      },
      'case',
      before.caseId,
    );
    recordId = record.id;
  }
  const isSettled = await settleSanctionProposalRecheck(db, before.id, {
    decisionReason: [before.decisionReason, note].filter(Boolean).join('；'),
    recordId,
    confirmedQty: qty < before.qty ? qty : null,
  });
  if (!isSettled) throw conflict('该建议已复核', 'id');
  const after = (await findSanctionProposal(db, before.id))!;
  await audit(db, user, 'caseSanctionProposal', before.id, 'recheck', before, {
    ...after,
    recheck: {
      outcome: input.outcome,
      reason,
      revokedRecordId: recordId !== before.recordId ? before.recordId : null,
    },
  });
  return after;
}
