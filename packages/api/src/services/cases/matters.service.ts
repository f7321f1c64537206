import {
  type Db,
  findMatter,
  insertMatter,
  listUnits,
  reinstateMatter as reinstateMatterRow,
  revokeMatter,
  type TMatter,
  type TNewMatter,
  type TUser,
  updateMatter,
} from '@chuangkou/db';
import { checkPromisedDays } from '@chuangkou/rules';
import { badInput, conflict, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { atRow } from './case-state.ts';

export type TMatterInput = Omit<TNewMatter, 'centerId'>;

async function checkMatter(db: Db, user: TUser, m: Partial<TMatterInput>): Promise<void> {
  if (m.unitId !== undefined) {
    const unit = (await listUnits(db, user.centerId)).find((u) => u.id === m.unitId);
    if (!unit) throw notFound('窗口单位', 'unitId');
    if (!unit.isActive) throw badInput('unitId', `窗口单位 ${unit.name} 已停用`);
  }
  const { type, promisedDays } = m;
  if (type !== undefined && promisedDays !== undefined) {
    atRow('', () => checkPromisedDays(type, promisedDays));
  }
  if (m.type === 'joint' && m.relatedDepartments !== undefined && m.relatedDepartments.length === 0)
    throw badInput('relatedDepartments', '联办件须列明相关部门');
}

/** Adds a matter to the catalog with its service guide. */
export async function createMatter(db: Db, user: TUser, input: TMatterInput): Promise<TMatter> {
  await checkMatter(db, user, input);
  const m = await insertMatter(db, { ...input, centerId: user.centerId });
  await audit(db, user, 'matter', m.id, 'create', null, m);
  return m;
}

/** Changes a matter's guide; cases already accepted keep the limit they were accepted under. */
export async function editMatter(
  db: Db,
  user: TUser,
  input: { id: number } & Partial<TMatterInput>,
): Promise<TMatter> {
  const before = await findMatter(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('事项', 'id');
  const { id, ...patch } = input;
  // the unit is checked only when it changes: a matter of a unit disabled since stays editable
  await checkMatter(db, user, { ...before, ...patch, unitId: patch.unitId });
  await updateMatter(db, id, patch);
  const after = (await findMatter(db, id))!;
  await audit(db, user, 'matter', id, 'update', before, after);
  return after;
}

/** Withdraws a matter from the catalog (never deleted: its cases keep pointing at it). */
export async function withdrawMatter(
  db: Db,
  user: TUser,
  input: { id: number; reason: string },
): Promise<TMatter> {
  const before = await findMatter(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('事项', 'id');
  if (!before.isActive) throw conflict('该事项已停用', 'id');
  await revokeMatter(db, input.id, input.reason);
  const after = (await findMatter(db, input.id))!;
  await audit(db, user, 'matter', input.id, 'revoke', before, after);
  return after;
}

/** Takes a withdrawn matter back into the catalog (its reason kept in the audit log). */
export async function reinstateMatter(
  db: Db,
  user: TUser,
  input: { id: number; reason: string },
): Promise<TMatter> {
  const before = await findMatter(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('事项', 'id');
  if (before.isActive) throw conflict('该事项在用中', 'id');
  await checkMatter(db, user, { unitId: before.unitId });
  await reinstateMatterRow(db, input.id);
  const after = (await findMatter(db, input.id))!;
  await audit(db, user, 'matter', input.id, 'reinstate', before, { ...after, reason: input.reason });
  return after;
}
