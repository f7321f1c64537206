import {
  type Db,
  findComplaint,
  insertComplaint,
  listComplaints,
  listStaff,
  listWindows,
  setComplaintVerification,
  type TComplaint,
  type TComplaintCause,
  type TComplaintChannel,
  type TUser,
} from '@chuangkou/db';
import {
  complaintConsequences,
  complaintLadder,
  ladderReading,
  type TComplaintConsequence,
} from '@chuangkou/rules';
import { badInput, conflict, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFutureDate } from './periods.ts';
import { policyInForce, recordPoliciesInForce } from './policy.service.ts';
import { createRecord } from './records.service.ts';
import { staffInCenter, windowInCenter } from './scope.ts';

export async function createComplaint(
  db: Db,
  user: TUser,
  today: string,
  input: {
    channel: TComplaintChannel;
    date: string;
    windowId?: number | undefined;
    staffId?: number | undefined;
    content: string;
  },
): Promise<TComplaint> {
  assertNotFutureDate(input.date, today);
  let windowId = input.windowId ?? null;
  if (input.staffId !== undefined) {
    const s = await staffInCenter(db, user, input.staffId);
    windowId ??= s.windowId;
  }
  if (windowId !== null) await windowInCenter(db, user, windowId);
  const c = await insertComplaint(db, {
    centerId: user.centerId,
    channel: input.channel,
    date: input.date,
    windowId,
    staffId: input.staffId ?? null,
    content: input.content,
    createdBy: user.id,
  });
  await audit(db, user, 'complaint', c.id, 'create', null, c);
  return c;
}

/**
 * What verifying a complaint as valid with this cause brings on the person complained about, under the
 * policies in force on its date (A, B, C): `complaintConsequences` of @chuangkou/rules, with the step of
 * policy C's ladder this complaint would reach (the person's counted complaints before it in the ladder's
 * scope). The verify dialog lists them; `verifyComplaint` records the items among them that apply.
 */
export async function consequencesOfComplaint(
  db: Db,
  centerId: number,
  complaint: TComplaint,
  cause: TComplaintCause,
): Promise<TComplaintConsequence[]> {
  const [[a, b], c] = await Promise.all([
    recordPoliciesInForce(db, centerId, complaint.date),
    policyInForce(db, centerId, 'C', complaint.date),
  ]);
  let ladderCountBefore: number | undefined;
  const ladderRule = c.policy.complaintLadder;
  if (ladderRule && complaint.staffId !== null) {
    const from = ladderRule.countScope === 'contract' ? '2000-01-01' : `${complaint.date.slice(0, 4)}-01-01`;
    const earlier = await listComplaints(db, {
      centerId,
      staffId: complaint.staffId,
      from,
      to: complaint.date,
      isValid: true,
    });
    const [row] = complaintLadder(
      c.policy,
      earlier
        .filter((x) => x.id !== complaint.id)
        .map((x) => ({ staff: String(x.staffId), date: x.date, valid: true, cause: x.cause ?? undefined })),
      complaint.date,
    );
    ladderCountBefore = row?.count ?? 0;
  }
  return complaintConsequences([a.policy, b.policy, c.policy], {
    channel: complaint.channel,
    cause,
    ...(ladderCountBefore !== undefined && { ladderCountBefore }),
  });
}

/** A complaint of the user's center, or 404. */
async function complaintOfCenter(db: Db, user: TUser, id: number): Promise<TComplaint> {
  const c = await findComplaint(db, id);
  if (!c || c.centerId !== user.centerId) throw notFound('投诉', 'id');
  return c;
}

/** The consequences the verify dialog shows before a complaint is verified as valid with a cause. */
export async function previewComplaintConsequences(
  db: Db,
  user: TUser,
  input: { id: number; cause: TComplaintCause },
) {
  const c = await complaintOfCenter(db, user, input.id);
  return {
    complaintId: c.id,
    channel: c.channel,
    consequences: await consequencesOfComplaint(db, user.centerId, c, input.cause),
  };
}

/**
 * Records the verification of a complaint. A valid complaint records, against the person complained
 * about, each item among its consequences that applies (`consequencesOfComplaint`: A3 for 服务态度 under
 * the default policy A, F7b for every valid one of the public under policy B; for a complaint from inside,
 * as the center's policy reads it). The first such record is the complaint's `recordId`; every one names
 * the complaint as its source.
 */
export async function verifyComplaint(
  db: Db,
  user: TUser,
  today: string,
  input: {
    id: number;
    isValid: boolean;
    cause?: TComplaintCause | undefined;
    note?: string | undefined;
    correctionReason?: string | undefined;
  },
): Promise<TComplaint> {
  const before = await complaintOfCenter(db, user, input.id);
  if (before.status === 'verified') throw conflict('该投诉已核实，不能重复核实', 'id');
  if (input.isValid && !input.cause) throw badInput('cause', '有效投诉须注明原因');
  if (input.isValid && before.staffId === null) throw badInput('id', '有效投诉须指明被投诉的工作人员');
  let recordId: number | null = null;
  const cause = input.isValid ? input.cause : undefined;
  if (cause !== undefined) {
    for (const consequence of await consequencesOfComplaint(db, user.centerId, before, cause)) {
      if (consequence.kind !== 'record' || !consequence.applies) continue;
      const record = await createRecord(
        db,
        user,
        today,
        {
          staffId: before.staffId!,
          item: consequence.item!,
          level: consequence.level,
          date: before.date,
          note: `投诉 #${before.id}：${before.content.slice(0, 80)}`,
          correctionReason: input.correctionReason,
        },
        'complaint',
        before.id,
      );
      recordId ??= record.id;
    }
  }
  await setComplaintVerification(db, input.id, {
    isValid: input.isValid,
    cause: input.cause ?? null,
    note: input.note ?? null,
    by: user.id,
    recordId,
  });
  const after = (await findComplaint(db, input.id))!;
  await audit(db, user, 'complaint', input.id, 'verify', before, after);
  return after;
}

/**
 * Policy C's complaint ladder for a year (一(一)): per person, the valid complaints with a counted cause
 * (责任心不强、工作拖拉, 内、外部投诉 alike) and the step reached, as of the year's end or today; each step
 * with the complaint that led to it, and the ladder's clause and text.
 */
export async function complaintLadderOf(db: Db, centerId: number, today: string, year: number) {
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const policy = await policyInForce(db, centerId, 'C', asOf);
  const ladderRule = policy.policy.complaintLadder;
  // a count over the whole contract reads the complaints of every year before
  const from = ladderRule?.countScope === 'contract' ? '2000-01-01' : `${year}-01-01`;
  const [complaints, staff, windows] = await Promise.all([
    listComplaints(db, { centerId, from, to: asOf, isValid: true }),
    listStaff(db, { centerId, includeInactive: true }),
    listWindows(db, centerId),
  ]);
  const person = new Map(staff.map((s) => [String(s.id), s]));
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const byId = new Map(complaints.map((c) => [String(c.id), c]));
  const ladder = complaintLadder(
    policy.policy,
    complaints
      .filter((c) => c.staffId !== null)
      .map((c) => ({
        id: String(c.id),
        staff: String(c.staffId),
        date: c.date,
        valid: true,
        cause: c.cause ?? undefined,
      })),
    asOf,
  );
  const rows = ladder.map((r) => {
    const s = person.get(r.staff);
    return {
      staffId: Number(r.staff),
      staffName: s?.name ?? r.staff,
      windowName: s?.windowId != null ? (windowName.get(s.windowId) ?? null) : null,
      ...r,
      steps: r.steps.map((step) => {
        const c = step.complaint !== undefined ? byId.get(step.complaint) : undefined;
        return {
          ...step,
          complaint: c
            ? { id: c.id, date: c.date, channel: c.channel, cause: c.cause, content: c.content }
            : null,
        };
      }),
    };
  });
  return {
    year,
    asOf,
    policy: { code: policy.code, version: policy.version, name: policy.policy.name },
    clause: ladderRule?.clause ?? null,
    text: ladderRule?.text ?? null,
    countScope: ladderRule?.countScope ?? 'year',
    /** the center's reading of the count (本中心细则), apart from the seed's text */
    reading: ladderReading(ladderRule?.countScope ?? 'year'),
    rows,
  };
}
