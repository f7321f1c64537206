import { type Db, findStaff, findWindow, type TStaff, type TUser, type TWindow } from '@chuangkou/db';
import { forbidden, notFound } from '../errors.ts';

/**
 * What a user may see inside their center: everything (admin, leader, supervisor), one window (head),
 * or one person (staff). A user never sees another center.
 */
export type TScope =
  | { kind: 'center' }
  /** a head: their window today; `staffId` finds the windows they headed in a past period */
  | { kind: 'window'; windowId: number; staffId?: number }
  | { kind: 'self'; staffId: number };

/**
 * Who reads: a center and what of it they may see. Procedures read as the signed-in user
 * (`viewerOf`); the command line reads as the center's operator (`centerViewer`).
 */
export interface TViewer {
  centerId: number;
  scope: TScope;
}

export async function scopeOf(db: Db, user: TUser): Promise<TScope> {
  if (user.role === 'admin' || user.role === 'leader' || user.role === 'supervisor')
    return { kind: 'center' };
  if (user.staffId === null) throw forbidden('账号未关联工作人员');
  if (user.role === 'head') {
    const me = await findStaff(db, user.staffId);
    if (me?.windowId == null) throw forbidden('账号未关联窗口');
    return { kind: 'window', windowId: me.windowId, staffId: me.id };
  }
  return { kind: 'self', staffId: user.staffId };
}

export async function viewerOf(db: Db, user: TUser): Promise<TViewer> {
  return { centerId: user.centerId, scope: await scopeOf(db, user) };
}

/** The whole center, as its operator sees it (the command line has no user). */
export function centerViewer(centerId: number): TViewer {
  return { centerId, scope: { kind: 'center' } };
}

/** A staff member of the user's center, or NOT_FOUND (another center's person does not exist for them). */
export async function staffInCenter(
  db: Db,
  user: Pick<TUser, 'centerId'>,
  staffId: number,
  field = 'staffId',
): Promise<TStaff> {
  const s = await findStaff(db, staffId);
  if (!s || s.centerId !== user.centerId) throw notFound('工作人员', field);
  return s;
}

export async function windowInCenter(
  db: Db,
  user: Pick<TUser, 'centerId'>,
  windowId: number,
  field = 'windowId',
): Promise<TWindow> {
  const w = await findWindow(db, windowId);
  if (!w || w.centerId !== user.centerId) throw notFound('窗口', field);
  return w;
}

/** Whether the scope covers a person (by id and window). */
export function scopeCoversStaff(scope: TScope, staff: { id: number; windowId: number | null }): boolean {
  if (scope.kind === 'center') return true;
  if (scope.kind === 'window') return staff.windowId === scope.windowId;
  return staff.id === scope.staffId;
}
