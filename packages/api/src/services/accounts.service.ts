import { randomInt } from 'node:crypto';
import {
  appendAudit,
  type Db,
  findCenter,
  findPasswordHash,
  findUser,
  insertUser,
  isUsernameTaken,
  listStaff,
  listUnits,
  listWindows,
  setUserPassword,
  type TRole,
  type TSignoffPosition,
  type TUser,
  updateUser,
} from '@chuangkou/db';
import { badInput, conflict, DomainError, forbidden, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { staffInCenter } from './scope.ts';

/** One-time passwords: 10 symbols of 31 (no 0/O, 1/I/L), about 50 bits, read aloud or printed on a slip. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const ONE_TIME_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_LENGTH = 8;

export function newOneTimePassword(): string {
  let out = '';
  for (let i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * The prefix of the usernames a center administrator gives (`gx.` for center code GX): usernames sign
 * in without a center, so they are unique across centers, and a center administrator choosing only
 * within the center's own prefix never learns which names other centers use. A platform
 * administrator may give any name.
 */
export async function usernamePrefixOf(db: Db, user: TUser): Promise<string> {
  if (user.isPlatformAdmin) return '';
  const center = await findCenter(db, user.centerId);
  return `${(center?.code ?? String(user.centerId)).toLowerCase()}.`;
}

async function checkUsername(db: Db, user: TUser, username: string, field = 'username'): Promise<void> {
  const prefix = await usernamePrefixOf(db, user);
  if (!username.startsWith(prefix) || username.length <= prefix.length) {
    throw badInput(field, `用户名须以本中心代码 ${prefix} 开头，例如 ${prefix}zhangsan`);
  }
  if (await isUsernameTaken(db, username)) throw conflict(`用户名 ${username} 已存在`, field);
}

const LINKED_ROLES: readonly TRole[] = ['head', 'staff'];

export interface TAccountInput {
  username: string;
  role: TRole;
  staffId: number | null;
  displayName: string;
  signoffPosition?: TSignoffPosition | null | undefined;
}

async function checkLinks(
  db: Db,
  user: TUser,
  a: Pick<TAccountInput, 'role' | 'staffId' | 'signoffPosition'>,
) {
  if (LINKED_ROLES.includes(a.role) && a.staffId === null)
    throw badInput('staffId', '窗口负责人和工作人员账号须关联工作人员');
  if (a.staffId !== null) await staffInCenter(db, user, a.staffId);
  if (a.signoffPosition && a.role !== 'leader')
    throw badInput('signoffPosition', '只有中心领导账号可设签批职务');
}

/**
 * Creates an account with a one-time password, returned once (only its hash is stored); the new
 * user must set a password of their own at the first login. Pass the hash when made outside the
 * transaction (`hashPassword` takes a third of a second).
 */
export async function createAccount(
  db: Db,
  user: TUser,
  input: TAccountInput,
  secret: { password: string; hash: string },
): Promise<{ user: TUser; oneTimePassword: string }> {
  await checkLinks(db, user, input);
  await checkUsername(db, user, input.username);
  const created = await insertUser(db, {
    centerId: user.centerId,
    username: input.username,
    role: input.role,
    staffId: input.staffId,
    displayName: input.displayName,
    signoffPosition: input.signoffPosition ?? null,
    passwordHash: secret.hash,
    mustChangePassword: true,
  });
  await audit(db, user, 'user', created.id, 'create', null, created);
  return { user: created, oneTimePassword: secret.password };
}

/** A one-time password and its hash. */
export async function issueOneTimePassword(): Promise<{ password: string; hash: string }> {
  const password = newOneTimePassword();
  return { password, hash: await hashPassword(password) };
}

async function accountOfCenter(db: Db, user: TUser, id: number): Promise<TUser> {
  const found = await findUser(db, id);
  // another center's account reads as missing: nothing tells it exists
  if (!found || found.centerId !== user.centerId) throw notFound('用户', 'id');
  return found;
}

/** Resets an account's password to a new one-time password (shown once); its sessions end. */
export async function resetPassword(
  db: Db,
  user: TUser,
  id: number,
  secret: { password: string; hash: string },
): Promise<{ user: TUser; oneTimePassword: string }> {
  const before = await accountOfCenter(db, user, id);
  await setUserPassword(db, id, secret.hash, true);
  const after = (await findUser(db, id))!;
  await audit(db, user, 'user', id, 'resetPassword', before, after);
  return { user: after, oneTimePassword: secret.password };
}

/** Changes an account's role, name, linked staff member or sign-off position. */
export async function updateAccount(
  db: Db,
  user: TUser,
  input: { id: number } & Partial<Omit<TAccountInput, 'username'>>,
): Promise<TUser> {
  const before = await accountOfCenter(db, user, input.id);
  if (before.id === user.id && input.role !== undefined && input.role !== before.role)
    throw forbidden('不能更改自己的角色');
  const next = {
    role: input.role ?? before.role,
    staffId: input.staffId !== undefined ? input.staffId : before.staffId,
    signoffPosition: input.signoffPosition !== undefined ? input.signoffPosition : before.signoffPosition,
  };
  await checkLinks(db, user, next);
  await updateUser(db, input.id, { ...next, ...(input.displayName && { displayName: input.displayName }) });
  const after = (await findUser(db, input.id))!;
  await audit(db, user, 'user', input.id, 'update', before, after);
  return after;
}

/** A slip handed to one person: their username and one-time password. */
export interface TAccountSlip {
  staffId: number;
  name: string;
  unitName: string;
  windowName: string | null;
  username: string;
  oneTimePassword: string;
}

/** The staff members of a unit that have no account yet: the accounts to create at once. */
export async function staffWithoutAccount(db: Db, user: TUser, unitId: number) {
  const units = await listUnits(db, user.centerId);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('单位', 'unitId');
  const staff = await listStaff(db, { centerId: user.centerId, unitId });
  const linked = new Set(
    (await db.selectFrom('users').select('staff_id').where('center_id', '=', user.centerId).execute()).map(
      (r) => r.staff_id,
    ),
  );
  return { unit, staff: staff.filter((s) => !linked.has(s.id)) };
}

/**
 * Creates an account for every staff member of a unit that has none (窗口负责人 as head, the others
 * as staff), each with a one-time password, and returns one printable slip per person. All or none.
 */
export async function createAccountsForUnit(
  db: Db,
  user: TUser,
  unitId: number,
  secrets: ReadonlyArray<{ password: string; hash: string }>,
): Promise<TAccountSlip[]> {
  const { unit, staff } = await staffWithoutAccount(db, user, unitId);
  if (staff.length > secrets.length) throw conflict('单位人员有变动，请重试', 'unitId');
  const windows = new Map((await listWindows(db, user.centerId)).map((w) => [w.id, w.name]));
  const prefix = await usernamePrefixOf(db, user);
  const slips: TAccountSlip[] = [];
  for (const [i, s] of staff.entries()) {
    let username = `${prefix}s${s.id}`;
    for (let n = 2; await isUsernameTaken(db, username); n++) username = `${prefix}s${s.id}-${n}`;
    const { user: created, oneTimePassword } = await createAccount(
      db,
      user,
      { username, role: s.isWindowHead ? 'head' : 'staff', staffId: s.id, displayName: s.name },
      secrets[i]!,
    );
    slips.push({
      staffId: s.id,
      name: created.displayName,
      unitName: unit.name,
      windowName: s.windowId === null ? null : (windows.get(s.windowId) ?? null),
      username: created.username,
      oneTimePassword,
    });
  }
  return slips;
}

/**
 * The user's own new password: at least 8 characters, not the one it replaces; the current one is
 * checked first. Clears the one-time mark, so the rest of the product answers again.
 */
export async function changeOwnPassword(
  db: Db,
  user: TUser,
  input: { current: string; next: string },
): Promise<TUser> {
  if (input.next.length < MIN_PASSWORD_LENGTH) throw badInput('next', '新密码至少8位');
  if (input.next === input.current) throw badInput('next', '新密码不能与原密码相同');
  const stored = await findPasswordHash(db, user.id);
  if (!stored || !(await verifyPassword(input.current, stored))) throw badInput('current', '原密码不正确');
  await setUserPassword(db, user.id, await hashPassword(input.next), false);
  const after = (await findUser(db, user.id))!;
  await audit(db, user, 'user', user.id, 'changePassword', null, { mustChangePassword: false });
  return after;
}

/**
 * 平台管理员: an administrator of every center (creates centers; sees them all), made from the command
 * line by whoever runs the server, never from the dashboard. It belongs to a center like every account
 * (the one it signs in to), with a one-time password returned once; the audit entry names no user (the
 * command line).
 */
export async function createPlatformAdmin(
  db: Db,
  input: { centerId: number; username: string; displayName: string },
  secret: { password: string; hash: string },
): Promise<{ user: TUser; oneTimePassword: string }> {
  if (!/^[a-z0-9_.-]{3,40}$/.test(input.username))
    throw new DomainError('BAD_INPUT', '用户名为3–40位小写字母、数字或 _ . -', 'username');
  if (await isUsernameTaken(db, input.username))
    throw conflict(`用户名 ${input.username} 已存在`, 'username');
  const created = await insertUser(db, {
    centerId: input.centerId,
    username: input.username,
    role: 'admin',
    staffId: null,
    displayName: input.displayName,
    passwordHash: secret.hash,
    mustChangePassword: true,
    isPlatformAdmin: true,
  });
  await appendAudit(db, {
    centerId: input.centerId,
    userId: null,
    entity: 'user',
    entityId: created.id,
    action: 'createPlatformAdmin',
    before: null,
    after: created,
  });
  return { user: created, oneTimePassword: secret.password };
}
