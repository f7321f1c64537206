import { findUser, insertUser, listUsers, setUserDisabled, setUserPosition } from '@chuangkou/db';
import { LEADER_POSITIONS } from '@chuangkou/rules';
import { z } from 'zod';
import { conflict, forbidden, notFound } from '../errors.ts';
import { ZId, ZRole, ZText } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { forgetUserSessions } from '../services/auth.service.ts';
import { hashPassword } from '../services/password.ts';
import { staffInCenter } from '../services/scope.ts';
import { adminProcedure, router } from '../trpc.ts';

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db, ctx.user.centerId)),
  create: adminProcedure
    .input(
      z.object({
        username: z.string().regex(/^[a-z0-9_.-]{3,32}$/, { error: '用户名为3–32位小写字母、数字或 _ . -' }),
        password: z.string().min(8, { error: '密码至少8位' }).max(128),
        role: ZRole,
        staffId: ZId.nullable(),
        displayName: ZText(40),
        /** a leader's position: 主要领导 (principal) or 分管领导 (deputy) */
        position: z.enum(LEADER_POSITIONS).nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction().execute(async (db) => {
        if ((input.role === 'head' || input.role === 'staff') && input.staffId === null)
          throw conflict('窗口负责人和工作人员账号须关联工作人员', 'staffId');
        if (input.staffId !== null) await staffInCenter(db, ctx.user, input.staffId);
        if (input.position && input.role !== 'leader')
          throw conflict('只有中心领导账号设置领导职务', 'position');
        const existing = await db
          .selectFrom('users')
          .select('id')
          .where('username', '=', input.username)
          .executeTakeFirst();
        if (existing) throw conflict(`用户名 ${input.username} 已存在`, 'username');
        const { password: _, ...rest } = input;
        const user = await insertUser(db, { ...rest, centerId: ctx.user.centerId, passwordHash });
        await audit(db, ctx.user, 'user', user.id, 'create', null, user);
        return user;
      });
    }),
  /** Sets a leader's position (主要领导 / 分管领导): the line of the fines summary they sign. */
  setPosition: adminProcedure
    .input(z.object({ id: ZId, position: z.enum(LEADER_POSITIONS).nullable() }))
    .mutation(async ({ ctx, input }) => {
      const after = await ctx.db.transaction().execute(async (db) => {
        const before = await findUser(db, input.id);
        if (!before || before.centerId !== ctx.user.centerId) throw notFound('用户', 'id');
        if (input.position !== null && before.role !== 'leader')
          throw conflict('只有中心领导账号设置领导职务', 'position');
        await setUserPosition(db, input.id, input.position);
        const after = (await findUser(db, input.id))!;
        await audit(db, ctx.user, 'user', input.id, 'setPosition', before, after);
        return after;
      });
      // the signer's position is read from the session's user: a cached session sees it at once
      forgetUserSessions(ctx.db, input.id);
      return after;
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
