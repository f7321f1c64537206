import type { Db } from '../client.ts';
import { bool, nowIso } from '../client.ts';
import type { TRole, TSignoffPosition } from '../database.ts';

export interface TUser {
  id: number;
  centerId: number;
  username: string;
  role: TRole;
  staffId: number | null;
  displayName: string;
  isDisabled: boolean;
  /** a one-time password set by an administrator: nothing else answers until it is changed */
  mustChangePassword: boolean;
  signoffPosition: TSignoffPosition | null;
  isPlatformAdmin: boolean;
}

interface TUserRow {
  id: number;
  center_id: number;
  username: string;
  role: TRole;
  staff_id: number | null;
  display_name: string;
  is_disabled: number;
  must_change_password: number;
  signoff_position: TSignoffPosition | null;
  is_platform_admin: number;
}

const userColumns = [
  'id',
  'center_id',
  'username',
  'role',
  'staff_id',
  'display_name',
  'is_disabled',
  'must_change_password',
  'signoff_position',
  'is_platform_admin',
] as const;

export function userRowToUser(r: TUserRow): TUser {
  return {
    id: r.id,
    centerId: r.center_id,
    username: r.username,
    role: r.role,
    staffId: r.staff_id,
    displayName: r.display_name,
    isDisabled: bool(r.is_disabled),
    mustChangePassword: bool(r.must_change_password),
    signoffPosition: r.signoff_position,
    isPlatformAdmin: bool(r.is_platform_admin),
  };
}

export type TNewUser = Omit<
  TUser,
  'id' | 'isDisabled' | 'mustChangePassword' | 'signoffPosition' | 'isPlatformAdmin'
> &
  Partial<Pick<TUser, 'mustChangePassword' | 'signoffPosition' | 'isPlatformAdmin'>> & {
    passwordHash: string;
  };

export async function insertUser(db: Db, u: TNewUser): Promise<TUser> {
  const row = await db
    .insertInto('users')
    .values({
      center_id: u.centerId,
      username: u.username,
      password_hash: u.passwordHash,
      role: u.role,
      staff_id: u.staffId,
      display_name: u.displayName,
      is_disabled: 0,
      created_at: nowIso(),
      must_change_password: u.mustChangePassword ? 1 : 0,
      signoff_position: u.signoffPosition ?? null,
      is_platform_admin: u.isPlatformAdmin ? 1 : 0,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    centerId: u.centerId,
    username: u.username,
    role: u.role,
    staffId: u.staffId,
    displayName: u.displayName,
    isDisabled: false,
    mustChangePassword: u.mustChangePassword ?? false,
    signoffPosition: u.signoffPosition ?? null,
    isPlatformAdmin: u.isPlatformAdmin ?? false,
  };
}

/** The user and the stored password hash, for login only. */
export async function findUserForLogin(
  db: Db,
  username: string,
): Promise<{ user: TUser; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row && { user: userRowToUser(row), passwordHash: row.password_hash };
}

export async function findUser(db: Db, id: number): Promise<TUser | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row && userRowToUser(row);
}

export async function listUsers(db: Db, centerId: number): Promise<TUser[]> {
  const rows = await db
    .selectFrom('users')
    .select(userColumns)
    .where('center_id', '=', centerId)
    .orderBy('id')
    .execute();
  return rows.map(userRowToUser);
}

export async function setUserDisabled(db: Db, id: number, isDisabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ is_disabled: isDisabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(
  db: Db,
  s: {
    id: string;
    userId: number;
    expiresAt: string;
    userAgent?: string | null;
    clientAddress?: string | null;
  },
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: now,
      expires_at: s.expiresAt,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      client_address: s.clientAddress?.slice(0, 100) ?? null,
      last_seen_at: now,
    })
    .execute();
}

/** Notes that a request used the session (the caller throttles: at most once every half minute a session). */
export async function touchSession(db: Db, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

/** The session's user when the session exists, has not expired and the user is enabled. */
/** A live session (not expired, user not disabled) with its user and its expiry. */
export async function findSession(
  db: Db,
  sessionId: string,
  now: string,
): Promise<{ user: TUser; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.center_id',
      'users.username',
      'users.role',
      'users.staff_id',
      'users.display_name',
      'users.is_disabled',
      'users.must_change_password',
      'users.signoff_position',
      'users.is_platform_admin',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .where('users.is_disabled', '=', 0)
    .executeTakeFirst();
  return row && { user: userRowToUser(row), expiresAt: row.expires_at };
}

export async function findSessionUser(db: Db, sessionId: string, now: string): Promise<TUser | undefined> {
  return (await findSession(db, sessionId, now))?.user;
}

/** Ends a session (logout). Sessions are credentials, not records: ending one deletes it. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** An account's changes by an administrator (role, name, linked staff member, sign-off position). */
export async function updateUser(
  db: Db,
  id: number,
  p: Partial<Pick<TUser, 'role' | 'displayName' | 'staffId' | 'signoffPosition'>>,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(p.role !== undefined && { role: p.role }),
      ...(p.displayName !== undefined && { display_name: p.displayName }),
      ...(p.staffId !== undefined && { staff_id: p.staffId }),
      ...(p.signoffPosition !== undefined && { signoff_position: p.signoffPosition }),
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a password: one-time (an administrator's, changed at the next login) or the user's own. */
export async function setUserPassword(
  db: Db,
  id: number,
  passwordHash: string,
  isOneTime: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: isOneTime ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** The stored password hash of a user (to check the current password before a change). */
export async function findPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return r?.password_hash;
}

/** Whether a username is taken in any center (usernames sign in without a center). */
export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const r = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return r !== undefined;
}

/** An open session of a user, as the user's list of devices shows it. */
export interface TUserSession {
  id: string;
  createdAt: string;
  expiresAt: string;
  /** the browser's User-Agent at sign-in, or null (a session opened before it was kept) */
  userAgent: string | null;
  clientAddress: string | null;
  /** the last request on the session (at most half a minute behind), or its start */
  lastSeenAt: string;
}

/** A user's open sessions (not expired), newest first. */
export async function listUserSessions(db: Db, userId: number, now: string): Promise<TUserSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'user_agent', 'client_address', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    clientAddress: r.client_address,
    lastSeenAt: r.last_seen_at ?? r.created_at,
  }));
}

/** Ends a user's sessions, all but `exceptId`; returns the ids ended. */
export async function deleteUserSessions(db: Db, userId: number, exceptId: string | null): Promise<string[]> {
  let q = db.selectFrom('sessions').select('id').where('user_id', '=', userId);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length > 0) await db.deleteFrom('sessions').where('id', 'in', ids).execute();
  return ids;
}
