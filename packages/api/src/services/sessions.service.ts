import { appendAudit, deleteSession, listUserSessions, type TUser, type TUserSession } from '@chuangkou/db';
import type { TContext } from '../context.ts';
import { forgetSession } from './auth.service.ts';

export interface TOpenSession extends TUserSession {
  /** the session of this request */
  isCurrent: boolean;
}

/** The signed-in user's open sessions, this one marked. */
export async function openSessions(ctx: TContext & { user: TUser }): Promise<TOpenSession[]> {
  const sessions = await listUserSessions(ctx.db, ctx.user.id, new Date().toISOString());
  return sessions.map((s) => ({ ...s, isCurrent: s.id === ctx.sessionId }));
}

/** Ends one of the user's own sessions (another device); someone else's session id ends nothing. */
export async function endOwnSession(ctx: TContext & { user: TUser }, id: string): Promise<{ ended: number }> {
  const own = await listUserSessions(ctx.db, ctx.user.id, new Date().toISOString());
  if (!own.some((s) => s.id === id)) return { ended: 0 };
  await deleteSession(ctx.db, id);
  forgetSession(ctx.db, id);
  await appendAudit(ctx.db, {
    centerId: ctx.user.centerId,
    userId: ctx.user.id,
    entity: 'session',
    entityId: ctx.user.id,
    action: 'endSession',
  });
  return { ended: 1 };
}
