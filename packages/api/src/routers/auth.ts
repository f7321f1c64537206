import { DEMO_PASSWORD, DEMO_USERS, deleteUserSessions, isDemoLoaded } from '@chuangkou/db';
import { z } from 'zod';
import { permissionsOf, type TPermissions } from '../access/permissions.ts';
import { changeOwnPassword } from '../services/accounts.service.ts';
import { forgetUserSessions, login, logout } from '../services/auth.service.ts';
import { endOwnSession, openSessions } from '../services/sessions.service.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  /** Signs in with username and password; sets the session cookie. */
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }))
    .mutation(async ({ ctx, input }) => {
      const user = await login(ctx, input.username, input.password);
      return { user };
    }),
  /** Ends the session and clears the cookie. */
  logout: authedProcedure.mutation(async ({ ctx }) => {
    await logout(ctx);
    return { ok: true as const };
  }),
  /**
   * The user's own new password (at least 8 characters): every other session of the user ends. After a
   * one-time password this is the only thing a user can do until it is done.
   */
  changePassword: authedProcedure
    .input(z.object({ current: z.string().min(1).max(256), next: z.string().max(256) }))
    .mutation(async ({ ctx, input }) => {
      const r = await ctx.db.transaction().execute(async (db) => {
        const user = await changeOwnPassword(db, ctx.user, input);
        const ended = await deleteUserSessions(db, ctx.user.id, ctx.sessionId);
        return { user, endedSessions: ended.length };
      });
      forgetUserSessions(ctx.db, ctx.user.id);
      return r;
    }),
  /** The signed-in user's open sessions (devices), this one marked. */
  sessions: authedProcedure.query(({ ctx }) => openSessions(ctx)),
  /** Ends one of the user's own sessions (a device left signed in). */
  endSession: authedProcedure
    .input(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }))
    .mutation(({ ctx, input }) => endOwnSession(ctx, input.id)),
  /**
   * The demo accounts to print on the login page, only when this database holds the demo center (a
   * real deployment answers null and the page prints none).
   */
  demo: publicProcedure.query(async ({ ctx }) =>
    (await isDemoLoaded(ctx.db))
      ? { usernames: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD }
      : null,
  ),
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
  /**
   * The pages the user may open and the procedures they may call, read from the procedures' own gates:
   * the dashboard's menu and buttons come from here.
   */
  permissions: publicProcedure.query(async ({ ctx }): Promise<TPermissions> => {
    // the router is whole only once root.ts has built it, which imports this file
    const { appRouter } = await import('../root.ts');
    return permissionsOf(appRouter, ctx.user);
  }),
});
