import {
  type Db,
  decideSanctionProposal,
  findSanctionProposal,
  type TSanctionProposal,
  type TUser,
} from '@chuangkou/db';
import { badInput, conflict, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { createRecord } from '../records.service.ts';
import { staffInCenter } from '../scope.ts';

async function waitingProposal(db: Db, user: TUser, id: number): Promise<TSanctionProposal> {
  const p = await findSanctionProposal(db, id);
  if (!p || p.centerId !== user.centerId) throw notFound('扣分建议', 'id');
  if (p.status !== 'proposed') throw conflict('该建议已处理', 'id');
  return p;
}

/**
 * A supervisor confirms a proposal: only now is the deduction or fine recorded (as a conduct record
 * with source 'case', validated against the policy in force like any record). `staffId` lets the
 * supervisor name someone other than the first responsible person (第一责任人).
 */
export async function confirmSanctionProposal(
  db: Db,
  user: TUser,
  today: string,
  input: {
    id: number;
    staffId?: number | undefined;
    note?: string | undefined;
    correctionReason?: string | undefined;
  },
): Promise<TSanctionProposal> {
  const before = await waitingProposal(db, user, input.id);
  const staffId = input.staffId ?? before.staffId;
  if (staffId === null) throw badInput('staffId', '请指定责任人');
  await staffInCenter(db, user, staffId);
  const record = await createRecord(
    db,
    user,
    today,
    {
      staffId,
      item: before.item,
      qty: before.qty,
      date: before.day,
      note: `办件 #${before.caseId} 超期：${before.reason}${input.note ? `；${input.note}` : ''}`,
      correctionReason: input.correctionReason,
    },
    'case',
    before.caseId,
  );
  const isDecided = await decideSanctionProposal(db, input.id, {
    status: 'confirmed',
    by: user.id,
    reason: input.note ?? null,
    recordId: record.id,
    staffId,
  });
  if (!isDecided) throw conflict('该建议已处理', 'id');
  const after = (await findSanctionProposal(db, input.id))!;
  await audit(db, user, 'caseSanctionProposal', input.id, 'confirm', before, after);
  return after;
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
