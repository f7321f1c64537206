import { findUser, listUsers, setUserDisabled } from '@chuangkou/db';
import { z } from 'zod';
import { forbidden, notFound } from '../errors.ts';
import { ZId, ZRole, ZText } from '../schemas.ts';
import {
  createAccount,
  createAccountsForUnit,
  issueOneTimePassword,
  resetPassword,
  staffWithoutAccount,
  updateAccount,
  usernamePrefixOf,
} from '../services/accounts.service.ts';
import { audit } from '../services/audit.ts';
import { forgetUserSessions } from '../services/auth.service.ts';
import { adminProcedure, router } from '../trpc.ts';

const ZUsername = z.string().regex(/^[a-z0-9_.-]{3,40}$/, { error: '用户名为3–40位小写字母、数字或 _ . -' });
/** 主要领导 (principal) or 分管领导 (deputy): the line of the fines summary a leader signs. */
const ZSignoffPosition = z.enum(['principal', 'deputy']).nullable();

export const usersRouter = router({
  /** The center's accounts, and the prefix its new usernames take. */
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db, ctx.user.centerId)),
  usernamePrefix: adminProcedure.query(({ ctx }) => usernamePrefixOf(ctx.db, ctx.user)),
  /** Creates an account; the one-time password is in the answer once and never again. */
  create: adminProcedure
    .input(
      z.object({
        username: ZUsername,
        role: ZRole,
        staffId: ZId.nullable(),
        displayName: ZText(40),
        signoffPosition: ZSignoffPosition.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const secret = await issueOneTimePassword();
      return ctx.db.transaction().execute((db) => createAccount(db, ctx.user, input, secret));
    }),
  /** A new one-time password for an account (shown once); the account's sessions end. */
  resetPassword: adminProcedure.input(z.object({ id: ZId })).mutation(async ({ ctx, input }) => {
    const secret = await issueOneTimePassword();
    const r = await ctx.db.transaction().execute((db) => resetPassword(db, ctx.user, input.id, secret));
    forgetUserSessions(ctx.db, input.id);
    return r;
  }),
  /** Changes an account's role, name, linked staff member (null unlinks) or sign-off position. */
  update: adminProcedure
    .input(
      z.object({
        id: ZId,
        role: ZRole.optional(),
        displayName: ZText(40).optional(),
        staffId: ZId.nullable().optional(),
        signoffPosition: ZSignoffPosition.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const after = await ctx.db.transaction().execute((db) => updateAccount(db, ctx.user, input));
      forgetUserSessions(ctx.db, input.id);
      return after;
    }),
  /** The staff members of a unit without an account (what `createForUnit` would create). */
  withoutAccount: adminProcedure
    .input(z.object({ unitId: ZId }))
    .query(async ({ ctx, input }) => (await staffWithoutAccount(ctx.db, ctx.user, input.unitId)).staff),
  /** An account for every staff member of a unit that has none, with one printable slip each. */
  createForUnit: adminProcedure.input(z.object({ unitId: ZId })).mutation(async ({ ctx, input }) => {
    const { staff } = await staffWithoutAccount(ctx.db, ctx.user, input.unitId);
    const secrets = await Promise.all(staff.map(() => issueOneTimePassword()));
    return ctx.db.transaction().execute((db) => createAccountsForUnit(db, ctx.user, input.unitId, secrets));
  }),
  setDisabled: adminProcedure
    .input(z.object({ id: ZId, isDisabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const after = await ctx.db.transaction().execute(async (db) => {
        const before = await findUser(db, input.id);
        if (!before || before.centerId !== ctx.user.centerId) throw notFound('用户', 'id');
        if (before.id === ctx.user.id) throw forbidden('不能停用自己的账号');
        await setUserDisabled(db, input.id, input.isDisabled);
        const after = (await findUser(db, input.id))!;
        await audit(db, ctx.user, 'user', input.id, input.isDisabled ? 'disable' : 'enable', before, after);
        return after;
      });
      // once committed, a disabled user's open sessions stop at once, not when the session cache rechecks
      forgetUserSessions(ctx.db, input.id);
      return after;
    }),
});
