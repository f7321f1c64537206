import {
  type Db,
  insertFineSignOff,
  insertFineSupplementSignOff,
  listAssignmentsDuring,
  listFineSignOffs,
  listFineSupplementSignOffs,
  listPatrols,
  listRecords,
  listStaff,
  listWindows,
  type TFineSignOff,
  type TFineSupplementSignOff,
  type TSignOffLine,
  type TUser,
} from '@chuangkou/db';
import {
  finesChanges,
  monthlyFinesWithUniform,
  monthRange,
  notEndedRefusal,
  PATROL_SESSIONS,
  SIGN_OFF_LINE_LABELS,
  SIGN_OFF_LINES,
  type TFineChange,
} from '@chuangkou/rules';
import { badInput, conflict, forbidden } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFuture } from './periods.ts';
import { ensureStoredPolicy, policyInForce } from './policy.service.ts';

/**
 * Policy B for one month: fines per person, bonus forfeits, the report-to-unit list, awards barred; with
 * policy C's uniform fines (U1, deducted from that month's salary) and the month's 没收工作服.
 */
export async function finesOfMonth(db: Db, centerId: number, year: number, month: number) {
  const { start, end } = monthRange(year, month);
  const [policy, uniformPolicy, staff, windows, records, patrols, assignments] = await Promise.all([
    policyInForce(db, centerId, 'B', end),
    policyInForce(db, centerId, 'C', end),
    listStaff(db, { centerId, includeInactive: true }),
    listWindows(db, centerId),
    listRecords(db, { centerId, from: start, to: end, scheme: 'fine', status: 'active', limit: 1_000_000 }),
    listPatrols(db, { centerId, from: start, to: end }),
    listAssignmentsDuring(db, { centerId, from: start, to: end }),
  ]);
  // people move: a record is the window's on its own date, a person is named under the window they
  // served in last in the month (an assignment list is ordered by its first day)
  const assignmentsOf = new Map<number, typeof assignments>();
  for (const a of assignments) {
    const list = assignmentsOf.get(a.staffId);
    if (list) list.push(a);
    else assignmentsOf.set(a.staffId, [a]);
  }
  const windowOn = (staffId: number, date: string): number | null | undefined =>
    assignmentsOf.get(staffId)?.find((a) => a.from <= date && (a.to === null || a.to >= date))?.windowId;
  const monthWindow = new Map(
    [...assignmentsOf].map(([staffId, list]) => [String(staffId), list[list.length - 1]?.windowId ?? null]),
  );
  // 规范化服务通知 三(二)1 连续: the month's patrols in order, for a center that counts consecutive patrols
  const patrolKey = new Map(patrols.map((p) => [p.id, `${p.date} ${p.session}`]));
  const patrolKeys = [...patrols]
    .sort((a, b) =>
      a.date === b.date
        ? PATROL_SESSIONS.indexOf(a.session) - PATROL_SESSIONS.indexOf(b.session)
        : a.date < b.date
          ? -1
          : 1,
    )
    .map((p) => `${p.date} ${p.session}`);
  const result = monthlyFinesWithUniform(policy.policy, uniformPolicy.policy, {
    year,
    month,
    patrols: patrolKeys,
    staff: staff.map((s) => ({
      id: String(s.id),
      post: s.post,
      ...(s.windowId !== null && { window: String(s.windowId) }),
    })),
    records: records
      .filter((r) => r.staffId !== null)
      .map((r) => {
        const w = r.staffId === null ? undefined : windowOn(r.staffId, r.date);
        return {
          staff: String(r.staffId),
          item: r.item,
          date: r.date,
          qty: r.qty,
          patrol: r.source === 'patrol' && r.sourceId !== null ? patrolKey.get(r.sourceId) : undefined,
          window: w == null ? undefined : String(w),
        };
      }),
  });
  const staffName = new Map(staff.map((s) => [String(s.id), s]));
  const windowName = new Map(windows.map((w) => [String(w.id), w.name]));
  const named = (id: string) => {
    const s = staffName.get(id);
    const w = monthWindow.has(id) ? monthWindow.get(id) : s?.windowId;
    return {
      staffId: Number(id),
      staffName: s?.name ?? id,
      windowName: w != null ? (windowName.get(String(w)) ?? null) : null,
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
    uniform: result.uniform && {
      ...result.uniform,
      confiscations: result.uniform.confiscations.map((c) => {
        const n = named(c.staff);
        return { staffId: n.staffId, staffName: n.staffName, windowName: n.windowName, ...c };
      }),
    },
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
 * `isChangedSinceSigned` tells when the live records no longer match it. The changes since form
 * supplements (补充汇总, `supplements` signed or being signed, `pendingChanges` not yet in one).
 */
export async function monthlySummary(db: Db, centerId: number, year: number, month: number) {
  const [live, signatures, supplementRows] = await Promise.all([
    finesOfMonth(db, centerId, year, month),
    listFineSignOffs(db, centerId, year, month),
    listFineSupplementSignOffs(db, centerId, year, month),
  ]);
  const first = signatures[0];
  if (!first) return { ...live, signOff: signOffState([], false), supplements: [], pendingChanges: [] };
  const signed = first.summary as TFinesSummary;
  const supplements = supplementsOf(supplementRows);
  const basis = (supplements.at(-1)?.summary ?? signed) as TFinesSummary;
  return {
    ...signed,
    signOff: signOffState(signatures, JSON.stringify(signed.staff) !== JSON.stringify(live.staff)),
    supplements: supplements.map(({ summary: _, ...rest }) => rest),
    pendingChanges: namedChanges(finesChanges(basis.staff, live.staff), basis, live),
  };
}

/** The supplements of a month by number, each with its changes and its sign-off. */
function supplementsOf(rows: TFineSupplementSignOff[]) {
  const byNumber = new Map<number, TFineSupplementSignOff[]>();
  for (const r of rows) byNumber.set(r.supplement, [...(byNumber.get(r.supplement) ?? []), r]);
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([supplement, lines]) => ({
      supplement,
      changes: lines[0]!.changes as TNamedFineChange[],
      summary: lines[0]!.summary,
      signOff: signOffState(
        lines.map((l) => ({ ...l, centerId: 0, year: 0, month: 0, policyId: 0, policyVersion: 0 })),
        false,
      ),
    }));
}

export type TNamedFineChange = TFineChange & {
  staffId: number;
  staffName: string;
  windowName: string | null;
};

/** The changes with the names of the people they concern (from either summary). */
function namedChanges(
  changes: TFineChange[],
  before: TFinesSummary,
  after: TFinesSummary,
): TNamedFineChange[] {
  const names = new Map([...before.staff, ...after.staff].map((s) => [s.staff, s]));
  return changes.map((c) => {
    const n = names.get(c.staff);
    return {
      staffId: Number(c.staff),
      staffName: n?.staffName ?? c.staff,
      windowName: n?.windowName ?? null,
      ...c,
    };
  });
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
 * a supervisor signs the 审管科 line, which freezes the summary as compiled; a leader signs the line of
 * the position on their account (分管领导 deputy or 主要领导 principal), never the other, and only after
 * 审管科. A leader without a position signs nothing until an administrator sets it.
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
  const notEnded = notEndedRefusal(input, today, 'sign');
  if (notEnded) throw badInput('month', notEnded);
  const signatures = await listFineSignOffs(db, user.centerId, year, month);
  if (signatures.length === SIGN_OFF_LINES.length) return signSupplement(db, user, input);
  const signed = new Set(signatures.map((s) => s.line));
  let line: TSignOffLine;
  if (user.role === 'supervisor') {
    if (input.line !== undefined && input.line !== 'supervision')
      throw forbidden(`审管科只能签署审管科一栏，不能代签${lineZh(input.line)}`);
    line = 'supervision';
  } else if (user.role === 'leader') {
    if (input.line === 'supervision') throw forbidden('审管科一栏由审管科签署');
    if (user.signoffPosition === null)
      throw forbidden('您的账号未设置领导职务（主要领导或分管领导），请联系管理员设置后再签批');
    if (input.line !== undefined && input.line !== user.signoffPosition)
      throw forbidden(
        `您的职务为${lineZh(user.signoffPosition)}，只能签署${lineZh(user.signoffPosition)}一栏，不能代签${lineZh(input.line)}`,
      );
    line = user.signoffPosition;
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

/** Which line a user signs: 审管科 its own, a leader the first leader line still open (or the one named). */
function lineFor(
  user: TUser,
  requested: TSignOffLine | undefined,
  signed: Set<TSignOffLine>,
  what: string,
): TSignOffLine {
  if (user.role === 'supervisor') {
    if (requested !== undefined && requested !== 'supervision')
      throw forbidden(`审管科只能签署审管科一栏，不能代签${lineZh(requested)}`);
    return 'supervision';
  }
  if (user.role === 'leader') {
    if (requested === 'supervision') throw forbidden('审管科一栏由审管科签署');
    if (!signed.has('supervision')) throw conflict(`${what}尚未经审管科签字，领导暂不能签批`, 'line');
    return requested ?? (signed.has('deputy') ? 'principal' : 'deputy');
  }
  throw forbidden('此操作需要审管科或中心领导权限');
}

/**
 * Signs the month's supplement (补充汇总) once its summary is signed on all three lines: the changes
 * since (only they) on the same three lines, 审管科 first, which freezes them; the first signatures stay.
 */
async function signSupplement(
  db: Db,
  user: TUser,
  input: { year: number; month: number; line?: TSignOffLine | undefined },
) {
  const { year, month } = input;
  const summary = await monthlySummary(db, user.centerId, year, month);
  const open = summary.supplements.find((x) => x.signOff.state !== 'signed');
  const number = open?.supplement ?? summary.supplements.length + 1;
  const what = `${year}年${month}月的第${number}号补充汇总`;
  if (!open && summary.pendingChanges.length === 0)
    throw conflict(`${year}年${month}月的处罚汇总已签批，签批后没有变动`, 'month');
  const signatures = open?.signOff.signatures ?? [];
  const signed = new Set(signatures.map((x) => x.role));
  const line = lineFor(user, input.line, signed, what);
  if (signed.has(line)) throw conflict(`${what}的${lineZh(line)}一栏已签批`, 'line');
  const mine =
    open &&
    (await listFineSupplementSignOffs(db, user.centerId, year, month)).find(
      (x) => x.supplement === number && x.userId === user.id,
    );
  if (mine)
    throw conflict(`您已签署${what}的${lineZh(mine.line)}一栏，同一人不能再签${lineZh(line)}一栏`, 'line');
  const rows = await listFineSupplementSignOffs(db, user.centerId, year, month);
  const frozen = rows.find((x) => x.supplement === number);
  const live = await finesOfMonth(db, user.centerId, year, month);
  const row = await insertFineSupplementSignOff(db, {
    centerId: user.centerId,
    year,
    month,
    supplement: number,
    line,
    userId: user.id,
    userName: user.displayName,
    summary: frozen ? frozen.summary : live,
    changes: frozen ? frozen.changes : summary.pendingChanges,
  }).catch(() => {
    throw conflict(`${what}的${lineZh(line)}一栏已签批`, 'line');
  });
  await audit(
    db,
    user,
    'fineSupplementSignOff',
    `${year}-${String(month).padStart(2, '0')}#${number}`,
    'sign',
    null,
    {
      line,
      userName: row.userName,
    },
  );
  const after = [...signatures, { role: line, userName: row.userName, signedAt: row.signedAt }];
  const done = new Set(after.map((x) => x.role));
  return {
    state: done.size === SIGN_OFF_LINES.length ? ('signed' as const) : ('partial' as const),
    signatures: after,
    pending: SIGN_OFF_LINES.filter((l) => !done.has(l)),
    isChangedSinceSigned: false,
    supplement: number,
  };
}
