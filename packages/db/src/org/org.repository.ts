import type { Db } from '../client.ts';
import { bool, nowIso } from '../client.ts';
import type { TAbRole, TPost } from '../database.ts';
import { insertAssignment } from './assignments.repository.ts';

export interface TCenter {
  id: number;
  code: string;
  name: string;
  city: string;
  /** 异议受理: who receives objections to a posted result, and its phone; null until set */
  objectionOffice: string | null;
  objectionPhone: string | null;
}
export interface TUnit {
  id: number;
  centerId: number;
  name: string;
  /** a disabled unit takes nothing new (windows, people, matters); what it had keeps pointing at it */
  isActive: boolean;
  inactiveReason: string | null;
}
export interface TWindow {
  id: number;
  centerId: number;
  unitId: number;
  code: string;
  name: string;
  /** a disabled window takes no one new; its history keeps pointing at it */
  isActive: boolean;
  inactiveReason: string | null;
}
export interface TStaff {
  id: number;
  centerId: number;
  unitId: number | null;
  windowId: number | null;
  name: string;
  post: TPost;
  abRole: TAbRole | null;
  isWindowHead: boolean;
  isActive: boolean;
  /** 工号: the center's staff number (null until given) */
  staffNo: string | null;
  inactiveReason: string | null;
}

const CENTER_COLUMNS = [
  'id',
  'code',
  'name',
  'city',
  'objection_office as objectionOffice',
  'objection_phone as objectionPhone',
] as const;

export async function insertCenter(
  db: Db,
  c: Pick<TCenter, 'code' | 'name' | 'city'> & Partial<Pick<TCenter, 'objectionOffice' | 'objectionPhone'>>,
): Promise<TCenter> {
  const objectionOffice = c.objectionOffice ?? null;
  const objectionPhone = c.objectionPhone ?? null;
  const row = await db
    .insertInto('centers')
    .values({
      code: c.code,
      name: c.name,
      city: c.city,
      // written only when given, so that a database migrated to an earlier version takes the row too
      ...(c.objectionOffice != null && { objection_office: c.objectionOffice }),
      ...(c.objectionPhone != null && { objection_phone: c.objectionPhone }),
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, code: c.code, name: c.name, city: c.city, objectionOffice, objectionPhone };
}

export async function listCenters(db: Db): Promise<TCenter[]> {
  return db.selectFrom('centers').select(CENTER_COLUMNS).orderBy('id').execute();
}

export async function findCenter(db: Db, id: number): Promise<TCenter | undefined> {
  return db.selectFrom('centers').select(CENTER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Sets the center's objection contact (异议受理科室、电话); null clears one. */
export async function updateCenterObjectionContact(
  db: Db,
  id: number,
  contact: { objectionOffice: string | null; objectionPhone: string | null },
): Promise<void> {
  await db
    .updateTable('centers')
    .set({ objection_office: contact.objectionOffice, objection_phone: contact.objectionPhone })
    .where('id', '=', id)
    .execute();
}

export async function insertUnit(db: Db, u: Pick<TUnit, 'centerId' | 'name'>): Promise<TUnit> {
  const row = await db
    .insertInto('units')
    .values({ center_id: u.centerId, name: u.name, created_at: nowIso() })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, ...u, isActive: true, inactiveReason: null };
}

const UNIT_COLUMNS = ['id', 'center_id', 'name', 'is_active', 'inactive_reason'] as const;
const unitRowToUnit = (r: {
  id: number;
  center_id: number;
  name: string;
  is_active: number;
  inactive_reason: string | null;
}): TUnit => ({
  id: r.id,
  centerId: r.center_id,
  name: r.name,
  isActive: bool(r.is_active),
  inactiveReason: r.inactive_reason,
});

/** The center's units, disabled ones included (they name the past). */
export async function listUnits(db: Db, centerId: number): Promise<TUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(UNIT_COLUMNS)
    .where('center_id', '=', centerId)
    .orderBy('id')
    .execute();
  return rows.map(unitRowToUnit);
}

export async function findUnit(db: Db, id: number): Promise<TUnit | undefined> {
  const row = await db.selectFrom('units').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && unitRowToUnit(row);
}

/** Renames a unit, or disables it with a reason / enables it again (never deleted). */
export async function updateUnit(
  db: Db,
  id: number,
  patch: Partial<Pick<TUnit, 'name' | 'isActive' | 'inactiveReason'>>,
): Promise<void> {
  const set = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
    ...(patch.inactiveReason !== undefined && { inactive_reason: patch.inactiveReason }),
  };
  if (Object.keys(set).length > 0) await db.updateTable('units').set(set).where('id', '=', id).execute();
}

export async function insertWindow(
  db: Db,
  w: Pick<TWindow, 'centerId' | 'unitId' | 'code' | 'name'>,
): Promise<TWindow> {
  const row = await db
    .insertInto('windows')
    .values({ center_id: w.centerId, unit_id: w.unitId, code: w.code, name: w.name, created_at: nowIso() })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, ...w, isActive: true, inactiveReason: null };
}

const WINDOW_COLUMNS = [
  'id',
  'center_id',
  'unit_id',
  'code',
  'name',
  'is_active',
  'inactive_reason',
] as const;
const windowRowToWindow = (r: {
  id: number;
  center_id: number;
  unit_id: number;
  code: string;
  name: string;
  is_active: number;
  inactive_reason: string | null;
}): TWindow => ({
  id: r.id,
  centerId: r.center_id,
  unitId: r.unit_id,
  code: r.code,
  name: r.name,
  isActive: bool(r.is_active),
  inactiveReason: r.inactive_reason,
});

/** The center's windows, disabled ones included (they name the past). */
export async function listWindows(db: Db, centerId: number): Promise<TWindow[]> {
  const rows = await db
    .selectFrom('windows')
    .select(WINDOW_COLUMNS)
    .where('center_id', '=', centerId)
    .orderBy('id')
    .execute();
  return rows.map(windowRowToWindow);
}

export async function findWindow(db: Db, id: number): Promise<TWindow | undefined> {
  const row = await db.selectFrom('windows').select(WINDOW_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && windowRowToWindow(row);
}

/** Changes a window's code, name or unit, or disables it with a reason / enables it again. */
export async function updateWindow(
  db: Db,
  id: number,
  patch: Partial<Pick<TWindow, 'unitId' | 'code' | 'name' | 'isActive' | 'inactiveReason'>>,
): Promise<void> {
  const set = {
    ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
    ...(patch.code !== undefined && { code: patch.code }),
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
    ...(patch.inactiveReason !== undefined && { inactive_reason: patch.inactiveReason }),
  };
  if (Object.keys(set).length > 0) await db.updateTable('windows').set(set).where('id', '=', id).execute();
}

const staffColumns = [
  'id',
  'center_id',
  'unit_id',
  'window_id',
  'name',
  'post',
  'ab_role',
  'is_window_head',
  'is_active',
  'staff_no',
  'inactive_reason',
] as const;

interface TStaffRow {
  id: number;
  center_id: number;
  unit_id: number | null;
  window_id: number | null;
  name: string;
  post: TPost;
  ab_role: TAbRole | null;
  is_window_head: number;
  is_active: number;
  staff_no: string | null;
  inactive_reason: string | null;
}

/** Maps a staff row to the domain object. */
export function staffRowToStaff(r: TStaffRow): TStaff {
  return {
    id: r.id,
    centerId: r.center_id,
    unitId: r.unit_id,
    windowId: r.window_id,
    name: r.name,
    post: r.post,
    abRole: r.ab_role,
    isWindowHead: bool(r.is_window_head),
    isActive: bool(r.is_active),
    staffNo: r.staff_no,
    inactiveReason: r.inactive_reason,
  };
}

/**
 * Enters a person with their first assignment from `from` (the first day they serve). `from: null`
 * enters the row alone (a schema from before assignments).
 */
export async function insertStaff(
  db: Db,
  input: Omit<TStaff, 'id' | 'isActive' | 'staffNo' | 'inactiveReason'> & {
    staffNo?: string | null | undefined;
    from: string | null;
    createdBy?: number | null;
  },
): Promise<TStaff> {
  const { from, createdBy, staffNo, ...s } = input;
  const row = await db
    .insertInto('staff')
    .values({
      center_id: s.centerId,
      unit_id: s.unitId,
      window_id: s.windowId,
      name: s.name,
      post: s.post,
      ab_role: s.abRole,
      is_window_head: s.isWindowHead ? 1 : 0,
      is_active: 1,
      created_at: nowIso(),
      // written only when given, so that a database migrated to an earlier version takes the row too
      ...(staffNo != null && { staff_no: staffNo }),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  if (from !== null) {
    await insertAssignment(db, {
      centerId: s.centerId,
      staffId: row.id,
      unitId: s.unitId,
      windowId: s.windowId,
      post: s.post,
      isWindowHead: s.isWindowHead,
      from,
      createdBy: createdBy ?? null,
    });
  }
  return { id: row.id, ...s, isActive: true, staffNo: staffNo ?? null, inactiveReason: null };
}

export async function updateStaff(
  db: Db,
  id: number,
  patch: Partial<
    Pick<
      TStaff,
      | 'unitId'
      | 'windowId'
      | 'name'
      | 'post'
      | 'abRole'
      | 'isWindowHead'
      | 'isActive'
      | 'staffNo'
      | 'inactiveReason'
    >
  >,
): Promise<void> {
  if (Object.values(patch).every((v) => v === undefined)) return;
  await db
    .updateTable('staff')
    .set({
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      ...(patch.windowId !== undefined && { window_id: patch.windowId }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.post !== undefined && { post: patch.post }),
      ...(patch.abRole !== undefined && { ab_role: patch.abRole }),
      ...(patch.isWindowHead !== undefined && { is_window_head: patch.isWindowHead ? 1 : 0 }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      ...(patch.staffNo !== undefined && { staff_no: patch.staffNo }),
      ...(patch.inactiveReason !== undefined && { inactive_reason: patch.inactiveReason }),
    })
    .where('id', '=', id)
    .execute();
}

export async function listStaff(
  db: Db,
  filter: {
    centerId: number;
    windowId?: number | undefined;
    unitId?: number | undefined;
    includeInactive?: boolean;
  },
): Promise<TStaff[]> {
  let q = db.selectFrom('staff').select(staffColumns).where('center_id', '=', filter.centerId);
  if (filter.windowId !== undefined) q = q.where('window_id', '=', filter.windowId);
  if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
  if (!filter.includeInactive) q = q.where('is_active', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map(staffRowToStaff);
}

export async function findStaff(db: Db, id: number): Promise<TStaff | undefined> {
  const row = await db.selectFrom('staff').select(staffColumns).where('id', '=', id).executeTakeFirst();
  return row && staffRowToStaff(row);
}

/**
 * The center's first day of assessment: its setting (`began_on`), else its first data (the earliest
 * record, complaint or assignment); null for a center without any.
 */
export async function centerBeganOn(db: Db, centerId: number): Promise<string | null> {
  const center = await db
    .selectFrom('centers')
    .select('began_on')
    .where('id', '=', centerId)
    .executeTakeFirst();
  if (center?.began_on) return center.began_on;
  const [records, complaints, assignments] = await Promise.all([
    db
      .selectFrom('conduct_records')
      .select((eb) => eb.fn.min('date').as('first'))
      .where('center_id', '=', centerId)
      .executeTakeFirst(),
    db
      .selectFrom('complaints')
      .select((eb) => eb.fn.min('date').as('first'))
      .where('center_id', '=', centerId)
      .executeTakeFirst(),
    db
      .selectFrom('staff_assignments')
      .select((eb) => eb.fn.min('from_date').as('first'))
      .where('center_id', '=', centerId)
      .executeTakeFirst(),
  ]);
  const firsts = [records?.first, complaints?.first, assignments?.first].filter(
    (d): d is string => typeof d === 'string',
  );
  return firsts.length ? firsts.sort()[0]! : null;
}

/** Sets (or clears, with null) the center's first day of assessment. */
export async function setCenterBeganOn(db: Db, centerId: number, beganOn: string | null): Promise<void> {
  await db.updateTable('centers').set({ began_on: beganOn }).where('id', '=', centerId).execute();
}
