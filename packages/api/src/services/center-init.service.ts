import {
  appendAudit,
  type Db,
  insertCenter,
  insertPolicyVersion,
  insertUser,
  isUsernameTaken,
  listCenters,
  type TCenter,
  type TUser,
} from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { badInput, conflict } from '../errors.ts';

/** A center's code: letters, digits, `_` and `-`, as `org.createCenter` takes it. */
const CENTER_CODE = /^[A-Za-z0-9_-]{1,20}$/;
/** The part of a username after the center's prefix. */
const USERNAME_PART = /^[a-z0-9_-][a-z0-9_.-]{0,31}$/;

/**
 * A new center's policies: the default ones (考核办法 A, 处罚办法 B, policy C, 办件规程 D), in force from the
 * start; the center's administrator changes them from there.
 */
export async function seedCenterPolicies(db: Db, centerId: number, createdBy: number | null): Promise<void> {
  for (const policy of Object.values(DEFAULT_POLICIES)) {
    await insertPolicyVersion(db, {
      centerId,
      code: policy.code,
      effectiveFrom: '2000-01-01',
      body: policy,
      createdBy,
    });
  }
}

/** The code a center gets when none is given: its name when that is a code already, else C1, C2, … */
function defaultCode(name: string, taken: ReadonlySet<string>): string {
  if (CENTER_CODE.test(name)) return name;
  let n = taken.size + 1;
  while (taken.has(`C${n}`.toLowerCase())) n++;
  return `C${n}`;
}

export interface TInitCenterInput {
  /** 服务中心名称 */
  name: string;
  /** the center's code (the prefix of its usernames); by default derived as `defaultCode` says */
  code?: string | undefined;
  city?: string | undefined;
  /** the first administrator's username, with or without the center's prefix (`code.`) */
  admin: string;
  adminName?: string | undefined;
}

/**
 * Moves a new center in from the command line: the center with the default policies and its first
 * center administrator (not a platform administrator), whose one-time password is returned once (only
 * its hash is stored; a password of its own, at least 8 characters, is required at the first login).
 * Both are audited. The username takes the center's prefix (`hz.admin` for code HZ), as every account
 * of a center does, so it never collides with, nor tells of, a username of another center. A center
 * of that name or code, or a username already taken, is refused and nothing is written (run it in a
 * transaction).
 */
export async function initCenter(
  db: Db,
  input: TInitCenterInput,
  secret: { password: string; hash: string },
): Promise<{ center: TCenter; user: TUser; oneTimePassword: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw badInput('--center', '服务中心名称须为1–100个字');
  const centers = await listCenters(db);
  const codes = new Set(centers.map((c) => c.code.toLowerCase()));
  const code = input.code?.trim() || defaultCode(name, codes);
  if (!CENTER_CODE.test(code))
    throw badInput('--code', `中心代码须为1–20位字母、数字、_或-，收到「${code}」`);
  if (centers.some((c) => c.name === name))
    throw conflict(`服务中心「${name}」已存在，未作任何更改`, '--center');
  if (codes.has(code.toLowerCase())) throw conflict(`中心代码 ${code} 已存在，未作任何更改`, '--code');
  const prefix = `${code.toLowerCase()}.`;
  const part = input.admin.startsWith(prefix) ? input.admin.slice(prefix.length) : input.admin;
  if (!USERNAME_PART.test(part))
    throw badInput('--admin', `用户名须为1–32位小写字母、数字或 _ . -，收到「${input.admin}」`);
  const username = `${prefix}${part}`;
  // the prefix is the new center's own: a name taken in it is not another center's to tell
  if (await isUsernameTaken(db, username)) throw conflict(`用户名 ${username} 不可用，请另选`, '--admin');

  const center = await insertCenter(db, { code, name, city: input.city?.trim() ?? '' });
  await seedCenterPolicies(db, center.id, null);
  const user = await insertUser(db, {
    centerId: center.id,
    username,
    role: 'admin',
    staffId: null,
    displayName: input.adminName?.trim() || '中心管理员',
    passwordHash: secret.hash,
    mustChangePassword: true,
  });
  const cli = { centerId: center.id, userId: null, before: null };
  await appendAudit(db, { ...cli, entity: 'center', entityId: center.id, action: 'init', after: center });
  await appendAudit(db, { ...cli, entity: 'user', entityId: user.id, action: 'create', after: user });
  return { center, user, oneTimePassword: secret.password };
}
