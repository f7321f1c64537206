import {
  type Db,
  findMatterGuide,
  insertMatterGuide,
  listUnits,
  revokeMatterGuide,
  type TMatterGuide,
  type TNewMatterGuide,
  type TUser,
  updateMatterGuide,
} from '@chuangkou/db';
import { badInput, conflict, notFound } from '../errors.ts';
import { audit } from './audit.ts';

export type TMatterInput = Omit<TNewMatterGuide, 'centerId'>;

async function checkMatter(db: Db, user: TUser, m: Partial<TMatterInput>): Promise<void> {
  if (m.unitId !== undefined) {
    const units = await listUnits(db, user.centerId);
    if (!units.some((u) => u.id === m.unitId)) throw notFound('窗口单位', 'unitId');
  }
  if (m.type !== undefined && m.promisedDays !== undefined) {
    if (m.type === 'immediate' && m.promisedDays !== 0)
      throw badInput('promisedDays', '即办件须当场或当天办结（时限为0）');
    if (m.type !== 'immediate' && m.promisedDays < 1) throw badInput('promisedDays', '承诺件须有承诺时限');
  }
  if (m.type === 'joint' && m.relatedDepartments !== undefined && m.relatedDepartments.length === 0)
    throw badInput('relatedDepartments', '联办件须列明相关部门');
}

/** Adds a matter to the catalog with its service guide. */
export async function createMatter(db: Db, user: TUser, input: TMatterInput): Promise<TMatterGuide> {
  await checkMatter(db, user, input);
  const m = await insertMatterGuide(db, { ...input, centerId: user.centerId });
  await audit(db, user, 'matter', m.id, 'create', null, m);
  return m;
}

/** Changes a matter's guide; cases already accepted keep the limit they were accepted under. */
export async function updateMatter(
  db: Db,
  user: TUser,
  input: { id: number } & Partial<TMatterInput>,
): Promise<TMatterGuide> {
  const before = await findMatterGuide(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('事项', 'id');
  const { id, ...patch } = input;
  await checkMatter(db, user, { ...before, ...patch });
  await updateMatterGuide(db, id, patch);
  const after = (await findMatterGuide(db, id))!;
  await audit(db, user, 'matter', id, 'update', before, after);
  return after;
}

/** Withdraws a matter from the catalog (never deleted: its cases keep pointing at it). */
export async function revokeMatter(
  db: Db,
  user: TUser,
  input: { id: number; reason: string },
): Promise<TMatterGuide> {
  const before = await findMatterGuide(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('事项', 'id');
  if (!before.isActive) throw conflict('该事项已停用', 'id');
  await revokeMatterGuide(db, input.id, input.reason);
  const after = (await findMatterGuide(db, input.id))!;
  await audit(db, user, 'matter', input.id, 'revoke', before, after);
  return after;
}
