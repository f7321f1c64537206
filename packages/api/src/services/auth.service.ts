import { createHash, randomBytes } from 'node:crypto';
import {
  appendAudit,
  type DbRoot,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserForLogin,
  insertSession,
  type TUser,
  touchSession,
} from '@chuangkou/db';
import type { TContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { gatedAttempt } from './attempt-gate.ts';
import { LOGIN_LIMITS, limitKeyOf } from './login-limit.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

export const SESSION_COOKIE = 'ck_session';
/** A session lasts a working day and a half; then the user signs in again. */
export const SESSION_HOURS = 12;

/** The session id stored in the database: a hash of the cookie token, so a leaked table grants nothing. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function cookie(ctx: TContext, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (ctx.isSecure) parts.push('Secure');
  return parts.join('; ');
}

/** Checks the credentials, opens a session and sets the httpOnly SameSite=Lax cookie. */
export async function login(ctx: TContext, username: string, password: string): Promise<TUser> {
  const now = Date.now();
  const outcome = await gatedAttempt(
    ctx.db,
    'login',
    LOGIN_LIMITS,
    { key: limitKeyOf(username), address: ctx.clientAddress },
    async () => {
      const found = await findUserForLogin(ctx.db, username);
      const isValid = await verifyPassword(password, found?.passwordHash ?? dummyPasswordHash());
      return found && isValid && !found.user.isDisabled ? found : undefined;
    },
    now,
  );
  if (!outcome.ok && outcome.reason === 'rateLimited') {
    throw new DomainError(
      'RATE_LIMITED',
      `登录失败次数过多，请${Math.ceil(outcome.waitMs / 60_000)}分钟后再试（或联系管理员）`,
      'username',
    );
  }
  if (!outcome.ok) throw new DomainError('INVALID_CREDENTIALS', '用户名或密码错误');
  const found = outcome.value;
  const token = randomBytes(32).toString('base64url');
  await deleteExpiredSessions(ctx.db, new Date(now).toISOString());
  await insertSession(ctx.db, {
    id: sessionIdOf(token),
    userId: found.user.id,
    expiresAt: new Date(now + SESSION_HOURS * 3600_000).toISOString(),
    userAgent: ctx.userAgent,
    clientAddress: ctx.clientAddress,
  });
  await appendAudit(ctx.db, {
    centerId: found.user.centerId,
    userId: found.user.id,
    entity: 'session',
    entityId: found.user.id,
    action: 'login',
  });
  ctx.setHeader('Set-Cookie', cookie(ctx, token, SESSION_HOURS * 3600));
  return found.user;
}

/** Ends the session and clears the cookie. */
export async function logout(ctx: TContext): Promise<void> {
  if (ctx.sessionId) {
    await deleteSession(ctx.db, ctx.sessionId);
    forgetSession(ctx.db, ctx.sessionId);
  }
  if (ctx.user) {
    await appendAudit(ctx.db, {
      centerId: ctx.user.centerId,
      userId: ctx.user.id,
      entity: 'session',
      entityId: ctx.user.id,
      action: 'logout',
    });
  }
  ctx.setHeader('Set-Cookie', cookie(ctx, '', 0));
}

/** Reads the session token from a Cookie header. */
export function sessionTokenFromCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return v.join('=') || null;
  }
  return null;
}

/**
 * How long a looked-up session is trusted without asking the database again. Logout and disabling a
 * user evict it at once in this process; another process sharing the database (PostgreSQL) notices
 * within this time. Never past the session's own expiry.
 */
export const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_MAX = 10_000;

interface TCachedSession {
  user: TUser;
  /** the session's expiry, ms */
  expiresAt: number;
  /** when to ask the database again, ms */
  recheckAt: number;
}

/** Per database handle, so two databases in one process (tests) never share a session. */
const sessionCaches = new WeakMap<DbRoot, Map<string, TCachedSession>>();

function cacheOf(db: DbRoot): Map<string, TCachedSession> {
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = new Map();
    sessionCaches.set(db, cache);
  }
  return cache;
}

/**
 * The signed-in user of a session id, or null: the session lookup of every request. Kept in memory for
 * up to `SESSION_CACHE_MS` (and never past the session's expiry), so a request does not pay a
 * database round trip for it.
 */
export async function sessionUser(db: DbRoot, sessionId: string, now = Date.now()): Promise<TUser | null> {
  const cache = cacheOf(db);
  const hit = cache.get(sessionId);
  if (hit && now < hit.recheckAt && now < hit.expiresAt) return hit.user;
  cache.delete(sessionId);
  const found = await findSession(db, sessionId, new Date(now).toISOString());
  if (!found) return null;
  // the session's "last seen" for the user's list of devices: once per look-up, so at most every
  // SESSION_CACHE_MS a session
  await touchSession(db, sessionId, new Date(now).toISOString());
  const expiresAt = Date.parse(found.expiresAt);
  if (cache.size >= SESSION_CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(sessionId, { user: found.user, expiresAt, recheckAt: now + SESSION_CACHE_MS });
  return found.user;
}

/** Drops a session from the cache (logout). */
export function forgetSession(db: DbRoot, sessionId: string): void {
  sessionCaches.get(db)?.delete(sessionId);
}

/** Drops every cached session of a user (disabled, or their role changed). */
export function forgetUserSessions(db: DbRoot, userId: number): void {
  const cache = sessionCaches.get(db);
  if (!cache) return;
  for (const [id, s] of cache) if (s.user.id === userId) cache.delete(id);
}
