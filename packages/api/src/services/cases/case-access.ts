import { type Db, findCase, findMatter, type TCase, type TMatter, type TUser } from '@chuangkou/db';
import { badInput, forbidden, notFound } from '../../errors.ts';
import { scopeOf, staffInCenter, type TScope, windowInCenter } from '../scope.ts';

/** Whether a user may act on (or see) a case: the center sees all, a head their window, staff their own. */
export function scopeCoversCase(scope: TScope, c: { windowId: number; staffId: number | null }): boolean {
  if (scope.kind === 'center') return true;
  if (scope.kind === 'window') return c.windowId === scope.windowId;
  return c.staffId === scope.staffId;
}

/** The case, if the user may see it; otherwise NOT_FOUND (another center's case does not exist for them). */
export async function caseForUser(db: Db, user: TUser, id: number): Promise<TCase> {
  const c = await findCase(db, id);
  if (!c || c.centerId !== user.centerId) throw notFound('办件', 'id');
  const scope = await scopeOf(db, user);
  if (!scopeCoversCase(scope, c)) throw notFound('办件', 'id');
  return c;
}

/** A matter of the center's catalog that can still be accepted. */
export async function matterForCenter(
  db: Db,
  centerId: number,
  matterId: number,
  field = 'matterId',
): Promise<TMatter> {
  const m = await findMatter(db, matterId);
  if (!m || m.centerId !== centerId) throw notFound('事项', field);
  if (!m.isActive) throw badInput(field, `事项「${m.name}」已停用：${m.revokeReason ?? ''}`);
  return m;
}

/**
 * The person who accepts a case (第一责任人) and the window: staff accept as themselves, a head at their
 * window, the center for anyone of it.
 */
export async function resolveHandler(
  db: Db,
  user: TUser,
  scope: TScope,
  input: { staffId?: number | undefined; windowId?: number | undefined },
  field = 'staffId',
): Promise<{ staffId: number; windowId: number; staffName: string }> {
  const staffId = input.staffId ?? user.staffId;
  if (staffId === null || staffId === undefined) throw badInput(field, '请指定受理人（第一责任人）');
  const s = await staffInCenter(db, user, staffId, field);
  if (scope.kind === 'self' && s.id !== scope.staffId) throw forbidden('窗口工作人员只能以本人名义受理');
  const windowId = input.windowId ?? s.windowId;
  if (windowId === null || windowId === undefined) throw badInput('windowId', '受理人未分配窗口，请指定窗口');
  await windowInCenter(db, user, windowId);
  if (scope.kind === 'window' && windowId !== scope.windowId) throw forbidden('只能在本窗口受理');
  return { staffId: s.id, windowId, staffName: s.name };
}
