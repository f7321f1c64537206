import {
  type Db,
  insertFineSignOff,
  listFineSignOffs,
  listRecords,
  listStaff,
  listWindows,
  type TFineSignOff,
  type TSignOffLine,
  type TUser,
} from '@chuangkou/db';
import { monthlyFines, monthRange, SIGN_OFF_LINE_LABELS, SIGN_OFF_LINES } from '@chuangkou/rules';
import { badInput, conflict, forbidden } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFuture } from './periods.ts';
import { ensureStoredPolicy, policyInForce } from './policy.service.ts';

/** Policy B for one month: fines per person, bonus forfeits, the report-to-unit list, awards barred. */
export async function finesOfMonth(db: Db, centerId: number, year: number, month: number) {
  const { start, end } = monthRange(year, month);
  const [policy, staff, windows, records] = await Promise.all([
    policyInForce(db, centerId, 'B', end),
    listStaff(db, { centerId, includeInactive: true }),
    listWindows(db, centerId),
    listRecords(db, { centerId, from: start, to: end, scheme: 'fine', status: 'active', limit: 1_000_000 }),
  ]);
  const result = monthlyFines(policy.policy, {
    year,
    month,
    staff: staff.map((s) => ({
      id: String(s.id),
      post: s.post,
      ...(s.windowId !== null && { window: String(s.windowId) }),
    })),
    records: records
      .filter((r) => r.staffId !== null)
      .map((r) => ({ staff: String(r.staffId), item: r.item, date: r.date, qty: r.qty })),
  });
  const staffName = new Map(staff.map((s) => [String(s.id), s]));
  const windowName = new Map(windows.map((w) => [String(w.id), w.name]));
  const named = (id: string) => {
    const s = staffName.get(id);
    return {
      staffId: Number(id),
      staffName: s?.name ?? id,
      windowName: s?.windowId != null ? (windowName.get(String(s.windowId)) ?? null) : null,
    };
  };
  return {
    ...result,
    policy: { code: policy.code, version: policy.version, name: policy.policy.name },
    // named fields first, the spread last (README, Development: object literals on hot paths)
    staff: result.staff.map((s) => {
      const n = named(s.staff);
      return { staffId: n.staffId, staffName: n.staffName, windowName: n.windowName, ...s };
    }),
    reportToUnit: result.reportToUnit.map((r) => {
      const n = named(r.staff);
      return { staffId: n.staffId, staffName: n.staffName, windowName: n.windowName, ...r };
    }),
    barredFromAwards: {
      staff: result.barredFromAwards.staff.map(named),
      windows: result.barredFromAwards.windows.map((w) => ({
        windowId: Number(w),
        windowName: windowName.get(w) ?? w,
      })),
    },
  };
}

export type TFinesSummary = Awaited<ReturnType<typeof finesOfMonth>>;

/** A sign-off line's name: 审管科 / 分管领导 / 主要领导. */
const lineZh = (line: TSignOffLine) => SIGN_OFF_LINE_LABELS[line].zh;

export interface TSignOffState {
  /** 'partial' once 审管科 (and perhaps one leader) signed, 'signed' when all three lines are signed */
  state: 'unsigned' | 'partial' | 'signed';
  signatures: { role: TSignOffLine; userName: string; signedAt: string }[];
  /** the lines still open, in order */
  pending: TSignOffLine[];
  /** records were added or revoked after 审管科 signed: the live figures differ from the signed summary */
  isChangedSinceSigned: boolean;
}

function signOffState(signatures: TFineSignOff[], isChanged: boolean): TSignOffState {
  const signed = new Set(signatures.map((s) => s.line));
  return {
    state:
      signatures.length === 0 ? 'unsigned' : signed.size === SIGN_OFF_LINES.length ? 'signed' : 'partial',
    signatures: signatures.map((s) => ({ role: s.line, userName: s.userName, signedAt: s.signedAt })),
    pending: SIGN_OFF_LINES.filter((l) => !signed.has(l)),
    isChangedSinceSigned: isChanged,
  };
}

/**
 * A month's fines summary with its sign-off. Once 审管科 has signed, the summary shown is the one it
 * signed (every later signature signs that same summary), so a signed month reads the same forever;
 * `isChangedSinceSigned` tells when the live records no longer match it.
 */
export async function monthlySummary(db: Db, centerId: number, year: number, month: number) {
  const [live, signatures] = await Promise.all([
    finesOfMonth(db, centerId, year, month),
    listFineSignOffs(db, centerId, year, month),
  ]);
  const first = signatures[0];
  if (!first) return { ...live, signOff: signOffState([], false) };
  const signed = first.summary as TFinesSummary;
  return {
    ...signed,
    signOff: signOffState(signatures, JSON.stringify(signed) !== JSON.stringify(live)),
  };
}

/**
 * `fines.monthly`: the summary of a month that has begun, as signed once 审管科 has signed. The fines
 * bulletin (the sheet that goes for sign-off) reads through the same function.
 */
export async function monthlySummaryFor(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month: number },
) {
  assertNotFuture(input, today, 'month');
  return monthlySummary(db, centerId, input.year, input.month);
}

/**
 * Signs a month's fines summary (签批). Who signs which line (a decision; the seed names the three):
 * a supervisor signs the 审管科 line, which freezes the summary as compiled; a leader signs as 分管领导
 * (deputy) or 主要领导 (principal), by default the first of the two still open, and only after 审管科.
 * A line is signed once; one person signs at most one line of a month (a second signature by the same
 * person would check nothing). Only a month that has ended can be signed.
 */
export async function signOffMonth(
  db: Db,
  user: TUser,
  today: string,
  input: { year: number; month: number; line?: TSignOffLine | undefined },
) {
  const { year, month } = input;
  const { end } = monthRange(year, month);
  if (end >= today) throw badInput('month', `${year}年${month}月尚未结束（${end}），不能签批`);
  const signatures = await listFineSignOffs(db, user.centerId, year, month);
  const signed = new Set(signatures.map((s) => s.line));
  let line: TSignOffLine;
  if (user.role === 'supervisor') {
    if (input.line !== undefined && input.line !== 'supervision')
      throw forbidden(`审管科只能签署审管科一栏，不能代签${lineZh(input.line)}`);
    line = 'supervision';
  } else if (user.role === 'leader') {
    if (input.line === 'supervision') throw forbidden('审管科一栏由审管科签署');
    line = input.line ?? (signed.has('deputy') ? 'principal' : 'deputy');
    if (!signed.has('supervision'))
      throw conflict(`${year}年${month}月的处罚汇总尚未经审管科签字，领导暂不能签批`, 'line');
  } else {
    throw forbidden('此操作需要审管科或中心领导权限');
  }
  if (signed.has(line)) throw conflict(`${year}年${month}月的${lineZh(line)}一栏已签批`, 'line');
  const mine = signatures.find((s) => s.userId === user.id);
  if (mine) {
    throw conflict(
      `您已签署${year}年${month}月的${lineZh(mine.line)}一栏，同一人不能再签${lineZh(line)}一栏`,
      'line',
    );
  }
  const first = signatures[0];
  let summary: TFinesSummary;
  let policyRef: { id: number; version: number };
  if (first) {
    summary = first.summary as TFinesSummary;
    policyRef = { id: first.policyId, version: first.policyVersion };
  } else {
    summary = await finesOfMonth(db, user.centerId, year, month);
    const policy = await policyInForce(db, user.centerId, 'B', end);
    policyRef = await ensureStoredPolicy(db, user.centerId, policy, user.id);
    summary = {
      ...summary,
      policy: { code: policy.code, version: policyRef.version, name: policy.policy.name },
    };
  }
  const row = await insertFineSignOff(db, {
    centerId: user.centerId,
    year,
    month,
    line,
    userId: user.id,
    userName: user.displayName,
    policyId: policyRef.id,
    policyVersion: policyRef.version,
    summary,
  }).catch(() => {
    // the unique key (center, year, month, line): someone signed the line a moment before
    throw conflict(`${year}年${month}月的${lineZh(line)}一栏已签批`, 'line');
  });
  await audit(db, user, 'fineSignOff', `${year}-${String(month).padStart(2, '0')}`, 'sign', null, {
    line,
    userName: row.userName,
    policyVersion: row.policyVersion,
  });
  return signOffState([...signatures, row], false);
}
