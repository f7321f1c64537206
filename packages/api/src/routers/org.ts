import {
  centerBeganOn,
  findCenter,
  findStaff,
  insertCenter,
  insertUser,
  listCenters,
  listMatters,
  listStaff,
  listUnits,
  listWindows,
  setCenterBeganOn,
  updateCenterObjectionContact,
} from '@chuangkou/db';
import { quarterOfDate } from '@chuangkou/rules';
import { z } from 'zod';
import { badInput, conflict } from '../errors.ts';
import { ZDate, ZId, ZPost, ZQuarterInput, ZReason, ZText } from '../schemas.ts';
import { assignmentsOf, assignStaff, quarterColleagues } from '../services/assignments.service.ts';
import { audit } from '../services/audit.ts';
import { seedCenterPolicies } from '../services/center-init.service.ts';
import {
  createStaff,
  createUnit,
  createWindow,
  editStaffDetails,
  editUnit,
  editWindow,
  setStaffActive,
  setUnitActive,
  setWindowActive,
} from '../services/org-admin.service.ts';
import { hashPassword } from '../services/password.ts';
import { scopeOf, staffInCenter } from '../services/scope.ts';
import { adminProcedure, authedProcedure, platformProcedure, router, staffingProcedure } from '../trpc.ts';

/** A required text named in the message (`单位名称不能为空`, `窗口名称最多100字`). */
const ZNamed = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多${max}字` });
const ZUnitName = ZNamed('单位名称', 100);
const ZWindowName = ZNamed('窗口名称', 100);
const ZStaffName = ZNamed('姓名', 40);
const ZWindowCode = z
  .string({ error: '请填写窗口编号' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, { error: '窗口编号为1–20位字母、数字或 _ -' });
/** 工号: the center's own staff number. */
const ZStaffNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, { error: '工号为1–20位字母、数字或 _ -' });

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
        await seedCenterPolicies(db, center.id, ctx.user.id);
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
  createUnit: adminProcedure
    .input(z.object({ name: ZUnitName }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => createUnit(db, ctx.user, input))),
  /** Renames a unit. */
  updateUnit: adminProcedure
    .input(z.object({ id: ZId, name: ZUnitName }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => editUnit(db, ctx.user, input))),
  /** Disables a unit with a reason or enables it again (never deleted). */
  setUnitActive: adminProcedure
    .input(z.object({ id: ZId, isActive: z.boolean(), reason: ZReason }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => setUnitActive(db, ctx.user, input))),
  windows: authedProcedure.query(({ ctx }) => listWindows(ctx.db, ctx.user.centerId)),
  createWindow: adminProcedure
    .input(z.object({ unitId: ZId, code: ZWindowCode, name: ZWindowName }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => createWindow(db, ctx.user, input))),
  /** Changes a window's code, name or unit. */
  updateWindow: adminProcedure
    .input(
      z.object({
        id: ZId,
        unitId: ZId.optional(),
        code: ZWindowCode.optional(),
        name: ZWindowName.optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => editWindow(db, ctx.user, input))),
  /** Disables a window with a reason or enables it again (never deleted). */
  setWindowActive: adminProcedure
    .input(z.object({ id: ZId, isActive: z.boolean(), reason: ZReason }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => setWindowActive(db, ctx.user, input))),
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
        name: ZStaffName,
        staffNo: ZStaffNo.nullable().optional(),
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
      ctx.db.transaction().execute((db) => createStaff(db, ctx.user, ctx.today(), input)),
    ),
  /** Disables a person with a reason or enables them again (never deleted). */
  setStaffActive: adminProcedure
    .input(z.object({ id: ZId, isActive: z.boolean(), reason: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => setStaffActive(db, ctx.user, ctx.today(), input)),
    ),
  /**
   * Renames a person, changes the 工号 or the AB role, or marks them inactive with a reason (people are
   * never deleted; their open assignment ends today). A change of unit, window, post or headship is a move from today
   * (as `assignStaff`).
   */
  updateStaff: adminProcedure
    .input(
      z.object({
        id: ZId,
        name: ZStaffName.optional(),
        staffNo: ZStaffNo.nullable().optional(),
        unitId: ZId.nullable().optional(),
        windowId: ZId.nullable().optional(),
        post: ZPost.optional(),
        abRole: z.enum(['A', 'B']).nullable().optional(),
        isWindowHead: z.boolean().optional(),
        isActive: z.boolean().optional(),
        /** why a person is disabled or enabled again (required then) */
        reason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const before = await staffInCenter(db, ctx.user, input.id, 'id');
        const { id, unitId, windowId, post, isWindowHead, isActive, reason, ...rest } = input;
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
        await editStaffDetails(db, ctx.user, { id, ...rest });
        if (isActive !== undefined && isActive !== before.isActive) {
          if (reason === undefined) throw badInput('reason', '停用或恢复人员须填写原因');
          await setStaffActive(db, ctx.user, ctx.today(), { id, isActive, reason });
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
