import {
  type Db,
  endAssignment,
  findStaff,
  insertAssignment,
  listAssignmentsDuring,
  listAssignmentsOf,
  listUnits,
  listWindows,
  type TAssignment,
  type TPost,
  type TStaff,
  type TUser,
  updateAssignment,
  updateStaff,
} from '@chuangkou/db';
import { dayBefore, isAssessedPost, periodRoster, quarterRange } from '@chuangkou/rules';
import { badInput, conflict, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFuture } from './periods.ts';
import { policyInForce } from './policy.service.ts';
import { scopeCoversStaff, staffInCenter, type TScope, windowInCenter } from './scope.ts';

/** One line of a person's history, with the names a reader needs. */
export interface TAssignmentView extends TAssignment {
  windowName: string | null;
  unitName: string | null;
}

/**
 * Moves a person (人员调配): a new assignment from `from` (window, its unit, the post, headship); the
 * assignment before ends the day before. The past is never rewritten: `from` falls after the start of
 * the person's latest assignment and not after today.
 */
export async function assignStaff(
  db: Db,
  user: TUser,
  today: string,
  input: {
    staffId: number;
    windowId: number | null;
    from: string;
    post?: TPost | undefined;
    unitId?: number | null | undefined;
    isWindowHead?: boolean | undefined;
    reason?: string | undefined;
  },
): Promise<TStaff> {
  const person = await staffInCenter(db, user, input.staffId);
  if (!person.isActive) throw conflict(`${person.name} 已停用，不能调配`, 'staffId');
  const window = input.windowId === null ? null : await windowInCenter(db, user, input.windowId);
  if (input.unitId != null && !(await listUnits(db, user.centerId)).some((u) => u.id === input.unitId))
    throw notFound('单位', 'unitId');
  if (input.from > today) throw badInput('from', `调配日期 ${input.from} 晚于今天 ${today}`);
  const history = await listAssignmentsOf(db, person.id);
  const latest = history.at(-1);
  const isSameDay = latest !== undefined && latest.from === input.from && input.from === today;
  if (latest && input.from <= latest.from && !isSameDay) {
    throw badInput(
      'from',
      `调配日期须晚于${person.name}当前任职的起始日 ${latest.from}（调配从某日起生效，不改写过去）`,
    );
  }
  const next = {
    unitId: input.unitId !== undefined ? input.unitId : (window?.unitId ?? person.unitId),
    windowId: window?.id ?? null,
    post: input.post ?? person.post,
    isWindowHead: input.isWindowHead ?? (window?.id === person.windowId ? person.isWindowHead : false),
  };
  let created: TAssignment;
  if (isSameDay) {
    // an assignment entered today and changed today: the same day, nothing past
    await updateAssignment(db, latest.id, next);
    created = { ...latest, ...next };
  } else {
    if (latest && latest.to === null) await endAssignment(db, latest.id, dayBefore(input.from));
    created = await insertAssignment(db, {
      centerId: user.centerId,
      staffId: person.id,
      ...next,
      from: input.from,
      reason: input.reason?.trim() || null,
      createdBy: user.id,
    });
  }
  // the staff row holds the assignment of today
  await updateStaff(db, person.id, next);
  const after = (await findStaff(db, person.id))!;
  await audit(db, user, 'staffAssignment', created.id, 'create', latest ?? null, created);
  return after;
}

/** A person's assignments, oldest first, as far as the viewer's scope covers the person. */
export async function assignmentsOf(
  db: Db,
  user: TUser,
  scope: TScope,
  staffId: number,
): Promise<TAssignmentView[]> {
  const person = await staffInCenter(db, user, staffId);
  if (!scopeCoversStaff(scope, person)) throw notFound('工作人员', 'staffId');
  const [history, windows, units] = await Promise.all([
    listAssignmentsOf(db, person.id),
    listWindows(db, user.centerId),
    listUnits(db, user.centerId),
  ]);
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return history.map((a) => ({
    ...a,
    windowName: a.windowId === null ? null : (windowName.get(a.windowId) ?? null),
    unitName: a.unitId === null ? null : (unitName.get(a.unitId) ?? null),
  }));
}

/**
 * 互评 colleagues of a quarter: the people assigned during it whose post the policy in force assesses,
 * each with the window and unit where they served the most days (the peer-rating groups are units).
 */
export async function quarterColleagues(
  db: Db,
  centerId: number,
  period: { year: number; quarter: number },
  today?: string,
): Promise<{ id: number; name: string; windowId: number | null; unitId: number | null }[]> {
  // a quarter not begun has no colleagues to rate yet
  if (today !== undefined) assertNotFuture(period, today, 'quarter');
  const { start, end } = quarterRange(period.year, period.quarter);
  const [assignments, policy] = await Promise.all([
    listAssignmentsDuring(db, { centerId, from: start, to: end }),
    policyInForce(db, centerId, 'A', end),
  ]);
  const rules = policy.policy.assessment;
  return periodRoster(assignments, start, end)
    .filter((e) => rules !== undefined && isAssessedPost(rules, e.main.post))
    .map((e) => ({
      id: e.staffId,
      name: e.main.staffName,
      windowId: e.main.windowId,
      unitId: e.main.unitId,
    }));
}
