import {
  centerBeganOn,
  endAssignment,
  findCenter,
  findStaff,
  insertCenter,
  insertPolicyVersion,
  insertStaff,
  insertUnit,
  insertUser,
  insertWindow,
  listAssignmentsOf,
  listCenters,
  listMatters,
  listStaff,
  listUnits,
  listWindows,
  setCenterBeganOn,
  updateCenterObjectionContact,
  updateStaff,
} from '@chuangkou/db';
import { DEFAULT_POLICIES, quarterOfDate } from '@chuangkou/rules';
import { z } from 'zod';
import { badInput, conflict, notFound } from '../errors.ts';
import { ZDate, ZId, ZPost, ZQuarterInput, ZText } from '../schemas.ts';
import { assignmentsOf, assignStaff, quarterColleagues } from '../services/assignments.service.ts';
import { audit } from '../services/audit.ts';
import { hashPassword } from '../services/password.ts';
import { scopeOf, staffInCenter, windowInCenter } from '../services/scope.ts';
import { adminProcedure, authedProcedure, platformProcedure, router, staffingProcedure } from '../trpc.ts';

export const orgRouter = router({
  /** The user's own center (admins: every center, to configure them). */
  centers: authedProcedure.query(async ({ ctx }) => {
    if (ctx.user.isPlatformAdmin) return listCenters(ctx.db);
    const c = await findCenter(ctx.db, ctx.user.centerId);
    return c ? [c] : [];
  }),
  /**
   * The center's objection contact (异议受理科室、电话), printed on the results notice: who receives an
   * objection during the notice period, at which number. Empty until set: no number is ever assumed.
   */
  setObjectionContact: adminProcedure
    .input(
      z.object({
        objectionOffice: ZText(40).nullable(),
        objectionPhone: z
          .string()
          .trim()
          .regex(/^[0-9()（）+\-— 转]{3,30}$/, { error: '异议电话只能包含数字、区号括号、“-”和“转”' })
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const before = await findCenter(db, ctx.user.centerId);
        await updateCenterObjectionContact(db, ctx.user.centerId, input);
        const after = await findCenter(db, ctx.user.centerId);
        await audit(db, ctx.user, 'center', ctx.user.centerId, 'setObjectionContact', before, after);
        return after;
      }),
    ),
  /**
   * Creates a center (a tenant) with the default policies and, optionally, its first administrator:
   * every other setting of the new center is made by that center's own administrator.
   */
  createCenter: platformProcedure
    .input(
      z.object({
        code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
        name: ZText(100),
        city: ZText(50),
        firstAdmin: z
          .object({
            username: z
              .string()
              .regex(/^[a-z0-9_.-]{3,32}$/, { error: '用户名为3–32位小写字母、数字或 _ . -' }),
            password: z.string().min(8, { error: '密码至少8位' }).max(128),
            displayName: ZText(40),
          })
          .optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const passwordHash = input.firstAdmin ? await hashPassword(input.firstAdmin.password) : null;
      return ctx.db.transaction().execute(async (db) => {
        if ((await listCenters(db)).some((c) => c.code === input.code))
          throw conflict(`中心编号 ${input.code} 已存在`, 'code');
        const { firstAdmin, ...fields } = input;
        const center = await insertCenter(db, fields);
        if (firstAdmin && passwordHash) {
          const taken = await db
            .selectFrom('users')
            .select('id')
            .where('username', '=', firstAdmin.username)
            .executeTakeFirst();
          if (taken) throw conflict(`用户名 ${firstAdmin.username} 已存在`, 'firstAdmin.username');
          const admin = await insertUser(db, {
            centerId: center.id,
            username: firstAdmin.username,
            passwordHash,
            role: 'admin',
            staffId: null,
            displayName: firstAdmin.displayName,
            mustChangePassword: true,
          });
          await audit(db, ctx.user, 'user', admin.id, 'create', null, admin);
        }
        for (const policy of Object.values(DEFAULT_POLICIES)) {
          await insertPolicyVersion(db, {
            centerId: center.id,
            code: policy.code,
            effectiveFrom: '2000-01-01',
            body: policy,
            createdBy: ctx.user.id,
          });
        }
        await audit(db, ctx.user, 'center', center.id, 'create', null, center);
        return center;
      });
    }),
  /**
   * The center's first day of assessment (a center setting): periods ending before it are refused by
   * name. Null returns to the default, the center's first data.
   */
  setBeganOn: adminProcedure.input(z.object({ beganOn: ZDate.nullable() })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (db) => {
      const before = await centerBeganOn(db, ctx.user.centerId);
      if (input.beganOn !== null && input.beganOn > ctx.today())
        throw badInput('beganOn', `开始考核日期 ${input.beganOn} 晚于今天 ${ctx.today()}`);
      await setCenterBeganOn(db, ctx.user.centerId, input.beganOn);
      const after = await centerBeganOn(db, ctx.user.centerId);
      await audit(
        db,
        ctx.user,
        'center',
        ctx.user.centerId,
        'setBeganOn',
        { beganOn: before },
        { beganOn: after },
      );
      return { beganOn: after };
    }),
  ),
  units: authedProcedure.query(({ ctx }) => listUnits(ctx.db, ctx.user.centerId)),
  createUnit: adminProcedure.input(z.object({ name: ZText(100) })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (db) => {
      if ((await listUnits(db, ctx.user.centerId)).some((u) => u.name === input.name))
        throw conflict('单位名称已存在', 'name');
      const unit = await insertUnit(db, { centerId: ctx.user.centerId, name: input.name });
      await audit(db, ctx.user, 'unit', unit.id, 'create', null, unit);
      return unit;
    }),
  ),
  windows: authedProcedure.query(({ ctx }) => listWindows(ctx.db, ctx.user.centerId)),
  createWindow: adminProcedure
    .input(z.object({ unitId: ZId, code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/), name: ZText(100) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const units = await listUnits(db, ctx.user.centerId);
        if (!units.some((u) => u.id === input.unitId)) throw notFound('单位', 'unitId');
        if ((await listWindows(db, ctx.user.centerId)).some((w) => w.code === input.code))
          throw conflict('窗口编号已存在', 'code');
        const w = await insertWindow(db, { centerId: ctx.user.centerId, ...input });
        await audit(db, ctx.user, 'window', w.id, 'create', null, w);
        return w;
      }),
    ),
  /** Staff the user may see: the center, their window (head), or themselves (staff). */
  staff: authedProcedure
    .input(
      z
        .object({ windowId: ZId.optional(), unitId: ZId.optional(), includeInactive: z.boolean().optional() })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      if (scope.kind === 'self') {
        const me = await findStaff(ctx.db, scope.staffId);
        return me ? [me] : [];
      }
      const windowId = scope.kind === 'window' ? scope.windowId : input?.windowId;
      return listStaff(ctx.db, {
        centerId: ctx.user.centerId,
        windowId,
        unitId: input?.unitId,
        includeInactive: input?.includeInactive ?? false,
      });
    }),
  /**
   * Colleagues to rate in 互评 for a quarter (default: today's): the people assigned during it whose
   * post the policy in force assesses, with the unit where they served the most days.
   */
  colleagues: authedProcedure
    .input(ZQuarterInput.optional())
    .query(({ ctx, input }) =>
      quarterColleagues(ctx.db, ctx.user.centerId, input ?? quarterOfDate(ctx.today()), ctx.today()),
    ),
  createStaff: adminProcedure
    .input(
      z.object({
        name: ZText(40),
        unitId: ZId.nullable(),
        windowId: ZId.nullable(),
        post: ZPost,
        abRole: z.enum(['A', 'B']).nullable(),
        isWindowHead: z.boolean().default(false),
        /** the first day the person serves (default today): they are in no earlier period */
        from: ZDate.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        if (input.from !== undefined && input.from > ctx.today())
          throw badInput('from', `到岗日期 ${input.from} 晚于今天 ${ctx.today()}`);
        if (
          input.unitId !== null &&
          !(await listUnits(db, ctx.user.centerId)).some((u) => u.id === input.unitId)
        )
          throw notFound('单位', 'unitId');
        if (input.windowId !== null) await windowInCenter(db, ctx.user, input.windowId);
        const s = await insertStaff(db, {
          centerId: ctx.user.centerId,
          ...input,
          from: input.from ?? ctx.today(),
          createdBy: ctx.user.id,
        });
        await audit(db, ctx.user, 'staff', s.id, 'create', null, s);
        return s;
      }),
    ),
  /**
   * Renames a person, changes the AB role, or marks them inactive (people are never deleted; their
   * open assignment ends today). A change of unit, window, post or headship is a move from today
   * (as `assignStaff`).
   */
  updateStaff: adminProcedure
    .input(
      z.object({
        id: ZId,
        name: ZText(40).optional(),
        unitId: ZId.nullable().optional(),
        windowId: ZId.nullable().optional(),
        post: ZPost.optional(),
        abRole: z.enum(['A', 'B']).nullable().optional(),
        isWindowHead: z.boolean().optional(),
        isActive: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const before = await staffInCenter(db, ctx.user, input.id, 'id');
        const { id, unitId, windowId, post, isWindowHead, ...rest } = input;
        const moves =
          (unitId !== undefined && unitId !== before.unitId) ||
          (windowId !== undefined && windowId !== before.windowId) ||
          (post !== undefined && post !== before.post) ||
          (isWindowHead !== undefined && isWindowHead !== before.isWindowHead);
        if (moves) {
          await assignStaff(db, ctx.user, ctx.today(), {
            staffId: id,
            windowId: windowId !== undefined ? windowId : before.windowId,
            from: ctx.today(),
            post,
            unitId,
            isWindowHead: isWindowHead ?? before.isWindowHead,
          });
        }
        await updateStaff(db, id, rest);
        if (rest.isActive === false && before.isActive) {
          const open = (await listAssignmentsOf(db, id)).filter((a) => a.to === null);
          for (const a of open) await endAssignment(db, a.id, ctx.today());
        }
        const after = (await findStaff(db, id))!;
        await audit(db, ctx.user, 'staff', id, 'update', before, after);
        return after;
      }),
    ),
  /**
   * 人员调配: moves a person to a window from a date (an ISO date, not after today); the assignment
   * before ends the day before and every earlier period keeps it. A post and headship may be given.
   */
  assignStaff: staffingProcedure
    .input(
      z.object({
        staffId: ZId,
        windowId: ZId.nullable(),
        from: ZDate,
        post: ZPost.optional(),
        unitId: ZId.nullable().optional(),
        isWindowHead: z.boolean().optional(),
        reason: ZText(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => assignStaff(db, ctx.user, ctx.today(), input)),
    ),
  /** A person's assignments, oldest first (the person page's history). */
  assignments: authedProcedure
    .input(z.object({ staffId: ZId }))
    .query(async ({ ctx, input }) =>
      assignmentsOf(ctx.db, ctx.user, await scopeOf(ctx.db, ctx.user), input.staffId),
    ),
  matters: authedProcedure.query(({ ctx }) =>
    listMatters(ctx.db, { centerId: ctx.user.centerId, includeRevoked: true }),
  ),
});
