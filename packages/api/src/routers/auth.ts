import { z } from 'zod';
import { login, logout } from '../services/auth.service.ts';
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
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
