import {
  type Db,
  endAssignment,
  findStaff,
  findUnit,
  findWindow,
  insertAssignment,
  insertStaff,
  insertUnit,
  insertWindow,
  listAssignmentsOf,
  listStaff,
  listUnits,
  listWindows,
  type TPost,
  type TStaff,
  type TUnit,
  type TUser,
  type TWindow,
  updateStaff,
  updateUnit,
  updateWindow,
} from '@chuangkou/db';
import { DomainError, notFound } from '../errors.ts';
import { assignStaff } from './assignments.service.ts';
import { audit } from './audit.ts';
import { staffInCenter } from './scope.ts';

/** Bad input named by its field in Chinese (`窗口编号：…`), with the input's key for the form. */
const invalid = (field: string, label: string, message: string) =>
  new DomainError('BAD_INPUT', `${label}：${message}`, field);
const taken = (field: string, message: string) => new DomainError('CONFLICT', message, field);

/** A unit of the user's center (another center's reads as missing). */
export async function unitInCenter(db: Db, user: TUser, id: number, field = 'unitId'): Promise<TUnit> {
  const unit = await findUnit(db, id);
  if (!unit || unit.centerId !== user.centerId) throw notFound('单位', field);
  return unit;
}

async function windowOfCenter(db: Db, user: TUser, id: number, field = 'windowId'): Promise<TWindow> {
  const w = await findWindow(db, id);
  if (!w || w.centerId !== user.centerId) throw notFound('窗口', field);
  return w;
}

/** A unit or window that takes someone or something new: it must be in use, not disabled. */
async function activeUnit(db: Db, user: TUser, id: number, field = 'unitId'): Promise<TUnit> {
  const unit = await unitInCenter(db, user, id, field);
  if (!unit.isActive) throw invalid(field, '单位', `${unit.name} 已停用，请先恢复`);
  return unit;
}
async function activeWindow(db: Db, user: TUser, id: number, field = 'windowId'): Promise<TWindow> {
  const w = await windowOfCenter(db, user, id, field);
  if (!w.isActive) throw invalid(field, '窗口', `${w.name} 已停用，请先恢复`);
  return w;
}

export async function createUnit(db: Db, user: TUser, input: { name: string }): Promise<TUnit> {
  const units = await listUnits(db, user.centerId);
  if (units.some((u) => u.name === input.name)) throw taken('name', `单位名称「${input.name}」已存在`);
  const unit = await insertUnit(db, { centerId: user.centerId, name: input.name });
  await audit(db, user, 'unit', unit.id, 'create', null, unit);
  return unit;
}

/** Renames a unit (its windows, people and matters keep pointing at it). */
export async function editUnit(db: Db, user: TUser, input: { id: number; name: string }): Promise<TUnit> {
  const before = await unitInCenter(db, user, input.id, 'id');
  const units = await listUnits(db, user.centerId);
  if (units.some((u) => u.id !== input.id && u.name === input.name))
    throw taken('name', `单位名称「${input.name}」已存在`);
  await updateUnit(db, input.id, { name: input.name });
  const after = (await findUnit(db, input.id))!;
  await audit(db, user, 'unit', input.id, 'update', before, after);
  return after;
}

/**
 * Disables a unit with a reason, or enables it again (never deleted). A unit whose windows are still in
 * use cannot be disabled: the windows are disabled first, so that nobody serves under a closed unit.
 */
export async function setUnitActive(
  db: Db,
  user: TUser,
  input: { id: number; isActive: boolean; reason: string },
): Promise<TUnit> {
  const before = await unitInCenter(db, user, input.id, 'id');
  if (before.isActive === input.isActive)
    throw taken('id', `单位 ${before.name} ${input.isActive ? '已在使用中' : '已停用'}`);
  if (!input.isActive) {
    const open = (await listWindows(db, user.centerId)).filter((w) => w.unitId === input.id && w.isActive);
    if (open.length > 0)
      throw taken(
        'id',
        `单位 ${before.name} 还有 ${open.length} 个在用窗口（${open.map((w) => w.name).join('、')}），请先停用窗口`,
      );
  }
  await updateUnit(db, input.id, {
    isActive: input.isActive,
    inactiveReason: input.isActive ? null : input.reason,
  });
  const after = (await findUnit(db, input.id))!;
  await audit(db, user, 'unit', input.id, input.isActive ? 'enable' : 'disable', before, {
    ...after,
    reason: input.reason,
  });
  return after;
}

export async function createWindow(
  db: Db,
  user: TUser,
  input: { unitId: number; code: string; name: string },
): Promise<TWindow> {
  await activeUnit(db, user, input.unitId);
  if ((await listWindows(db, user.centerId)).some((w) => w.code === input.code))
    throw taken('code', `窗口编号 ${input.code} 已存在`);
  const w = await insertWindow(db, { centerId: user.centerId, ...input });
  await audit(db, user, 'window', w.id, 'create', null, w);
  return w;
}

/** Changes a window's code, name or unit; what happened at it keeps pointing at it. */
export async function editWindow(
  db: Db,
  user: TUser,
  input: { id: number; code?: string | undefined; name?: string | undefined; unitId?: number | undefined },
): Promise<TWindow> {
  const before = await windowOfCenter(db, user, input.id, 'id');
  if (input.unitId !== undefined && input.unitId !== before.unitId) await activeUnit(db, user, input.unitId);
  if (
    input.code !== undefined &&
    (await listWindows(db, user.centerId)).some((w) => w.id !== input.id && w.code === input.code)
  )
    throw taken('code', `窗口编号 ${input.code} 已存在`);
  await updateWindow(db, input.id, { code: input.code, name: input.name, unitId: input.unitId });
  const after = (await findWindow(db, input.id))!;
  await audit(db, user, 'window', input.id, 'update', before, after);
  return after;
}

/**
 * Disables a window with a reason, or enables it again (never deleted). Someone serving at it today is
 * moved first (a dated move), so the window is never closed under a person; enabling needs its unit
 * in use.
 */
export async function setWindowActive(
  db: Db,
  user: TUser,
  input: { id: number; isActive: boolean; reason: string },
): Promise<TWindow> {
  const before = await windowOfCenter(db, user, input.id, 'id');
  if (before.isActive === input.isActive)
    throw taken('id', `窗口 ${before.name} ${input.isActive ? '已在使用中' : '已停用'}`);
  if (input.isActive) await activeUnit(db, user, before.unitId);
  else {
    const serving = await listStaff(db, { centerId: user.centerId, windowId: input.id });
    if (serving.length > 0)
      throw taken(
        'id',
        `窗口 ${before.name} 还有 ${serving.length} 名在岗人员（${serving.map((s) => s.name).join('、')}），请先调配`,
      );
  }
  await updateWindow(db, input.id, {
    isActive: input.isActive,
    inactiveReason: input.isActive ? null : input.reason,
  });
  const after = (await findWindow(db, input.id))!;
  await audit(db, user, 'window', input.id, input.isActive ? 'enable' : 'disable', before, {
    ...after,
    reason: input.reason,
  });
  return after;
}

/** 工号: unique within the center. */
async function checkStaffNo(db: Db, user: TUser, staffNo: string | null | undefined, self?: number) {
  if (staffNo == null) return;
  const all = await listStaff(db, { centerId: user.centerId, includeInactive: true });
  const other = all.find((s) => s.staffNo === staffNo && s.id !== self);
  if (other) throw taken('staffNo', `工号 ${staffNo} 已由 ${other.name} 使用`);
}

export interface TNewStaff {
  name: string;
  staffNo?: string | null | undefined;
  unitId: number | null;
  windowId: number | null;
  post: TPost;
  abRole: 'A' | 'B' | null;
  isWindowHead: boolean;
  from?: string | undefined;
}

/** Enters a person with their first assignment from `from` (the first day they serve, not after today). */
export async function createStaff(db: Db, user: TUser, today: string, input: TNewStaff): Promise<TStaff> {
  if (input.from !== undefined && input.from > today)
    throw invalid('from', '到岗日期', `${input.from} 晚于今天 ${today}`);
  const window = input.windowId === null ? null : await activeWindow(db, user, input.windowId);
  if (input.unitId !== null) await activeUnit(db, user, input.unitId);
  if (window && input.unitId !== null && window.unitId !== input.unitId)
    throw invalid('windowId', '窗口', `${window.name} 不属于所选单位`);
  await checkStaffNo(db, user, input.staffNo);
  const s = await insertStaff(db, {
    centerId: user.centerId,
    ...input,
    unitId: input.unitId ?? window?.unitId ?? null,
    staffNo: input.staffNo ?? null,
    from: input.from ?? today,
    createdBy: user.id,
  });
  await audit(db, user, 'staff', s.id, 'create', null, s);
  return s;
}

export { assignStaff };

/**
 * Disables a person with a reason (their open assignment ends today; they drop out of later periods), or
 * enables them again: they serve again from today where they last served, if that window is in use.
 */
export async function setStaffActive(
  db: Db,
  user: TUser,
  today: string,
  input: { id: number; isActive: boolean; reason: string },
): Promise<TStaff> {
  const before = await staffInCenter(db, user, input.id, 'id');
  if (before.isActive === input.isActive)
    throw taken('id', `${before.name} ${input.isActive ? '已在岗' : '已停用'}`);
  const history = await listAssignmentsOf(db, input.id);
  if (!input.isActive) {
    for (const a of history.filter((x) => x.to === null)) {
      // an assignment that began today ends today: a one-day assignment, nothing past rewritten
      await endAssignment(db, a.id, today);
    }
    await updateStaff(db, input.id, { isActive: false, inactiveReason: input.reason });
  } else {
    const window = before.windowId === null ? null : await findWindow(db, before.windowId);
    const windowId = window?.isActive ? window.id : null;
    const latest = history.at(-1);
    if (latest && (latest.to ?? today) >= today)
      throw taken('id', `${before.name} 今天停用，明天起才能恢复（不改写当天的任职）`);
    await insertAssignment(db, {
      centerId: user.centerId,
      staffId: before.id,
      unitId: before.unitId,
      windowId,
      post: before.post,
      isWindowHead: windowId === null ? false : before.isWindowHead,
      from: today,
      reason: input.reason,
      createdBy: user.id,
    });
    await updateStaff(db, input.id, {
      isActive: true,
      inactiveReason: null,
      windowId,
      isWindowHead: windowId === null ? false : before.isWindowHead,
    });
  }
  const after = (await findStaff(db, input.id))!;
  await audit(db, user, 'staff', input.id, input.isActive ? 'enable' : 'disable', before, {
    ...after,
    reason: input.reason,
  });
  return after;
}

/** Edits a person's name, 工号 or AB role (a move of window, post or headship goes through `assignStaff`). */
export async function editStaffDetails(
  db: Db,
  user: TUser,
  input: {
    id: number;
    name?: string | undefined;
    staffNo?: string | null | undefined;
    abRole?: 'A' | 'B' | null | undefined;
  },
): Promise<void> {
  await checkStaffNo(db, user, input.staffNo, input.id);
  await updateStaff(db, input.id, { name: input.name, staffNo: input.staffNo, abRole: input.abRole });
}
