import { insertPolicyVersion, listAudit, listCalendarDays, listPolicies } from '@chuangkou/db';
import { POLICY_CODES, parsePolicy } from '@chuangkou/rules';
import { z } from 'zod';
import { badInput } from '../errors.ts';
import { ZDate, ZId, ZText, ZYear } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import {
  calendarCoverage,
  calendarYear,
  enterCalendarYear,
  setCalendarDate,
} from '../services/calendar-years.service.ts';
import { reservePage, ZPageLimit } from '../services/pages.ts';
import { policyInForce } from '../services/policy.service.ts';
import { adminProcedure, authedProcedure, leaderProcedure, router } from '../trpc.ts';

export const policiesRouter = router({
  list: authedProcedure.query(({ ctx }) => listPolicies(ctx.db, ctx.user.centerId)),
  /**
   * The center's policies in force on a date (by default the server's today), one per code: the
   * stored version the rules pick (`policyVersionInForce`), or the built-in default. The entry forms
   * offer these items; the web never picks a version itself.
   */
  inForce: authedProcedure
    .input(z.object({ date: ZDate.optional() }).optional())
    .query(async ({ ctx, input }) => {
      const date = input?.date ?? ctx.today();
      const policies = await Promise.all(
        POLICY_CODES.map((code) => policyInForce(ctx.db, ctx.user.centerId, code, date)),
      );
      return {
        date,
        policies: policies.map((p) => ({
          code: p.code,
          id: p.id,
          version: p.version,
          effectiveFrom: p.effectiveFrom,
          name: p.policy.name,
          nameEn: p.policy.nameEn ?? null,
          items: p.policy.items,
        })),
      };
    }),
  /** Adds a new version of a policy, effective from a date (versions are never edited). */
  create: adminProcedure
    .input(z.object({ code: z.enum(POLICY_CODES), effectiveFrom: ZDate, body: z.unknown() }))
    .mutation(({ ctx, input }) => {
      const policy = parsePolicy(input.body, ['body']);
      // the cases read their rules from the version of D in force
      if (input.code === 'D' && !policy.cases)
        throw badInput('body.cases', '办件规则（考核办法 D）须包含 cases 一节');
      return ctx.db.transaction().execute(async (db) => {
        const stored = await insertPolicyVersion(db, {
          centerId: ctx.user.centerId,
          code: input.code,
          effectiveFrom: input.effectiveFrom,
          body: policy,
          createdBy: ctx.user.id,
        });
        await audit(db, ctx.user, 'policy', stored.id, 'create', null, {
          code: stored.code,
          version: stored.version,
          effectiveFrom: stored.effectiveFrom,
        });
        return {
          id: stored.id,
          code: stored.code,
          version: stored.version,
          effectiveFrom: stored.effectiveFrom,
        };
      });
    }),
});

/** A day of a year's schedule as entered: the date and the holiday's name. */
const ZScheduleDay = z.object({
  date: ZDate,
  name: z.string().trim().min(1, { error: '请填写节日名称' }).max(20),
});

export const calendarRouter = router({
  list: authedProcedure.query(({ ctx }) => listCalendarDays(ctx.db, ctx.user.centerId)),
  /**
   * Marks a date as a holiday or a make-up working day (调休); every deadline counted across the date
   * (the cases' and their related departments') is counted again in the same transaction.
   */
  set: adminProcedure
    .input(z.object({ date: ZDate, isWorking: z.boolean(), note: ZText(100).nullable() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const counted = await setCalendarDate(db, ctx.user, input);
        await audit(db, ctx.user, 'calendar', input.date, 'set', null, { ...input, ...counted });
        return { ...input, ...counted };
      }),
    ),
  /**
   * The years the calendar covers (official or entered by the center), the year to enter now (next
   * year from November 1 while it is missing) and how many deadlines are provisional (暂定).
   */
  years: adminProcedure.query(({ ctx }) => calendarCoverage(ctx.db, ctx.user.centerId, ctx.today())),
  /** One year's schedule: the center's, else the official one, else empty (to enter). */
  year: adminProcedure
    .input(z.object({ year: ZYear }))
    .query(({ ctx, input }) => calendarYear(ctx.db, ctx.user.centerId, input.year)),
  /**
   * Enters or corrects a year's official schedule (holidays with names, 调休 working days); every
   * deadline counted through the year is counted again in the same transaction.
   */
  enterYear: adminProcedure
    .input(
      z.object({
        year: ZYear,
        holidays: z.array(ZScheduleDay).max(366),
        workdays: z.array(ZScheduleDay).max(366),
        reason: z.string().trim().max(500).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => enterCalendarYear(db, ctx.user, input)),
    ),
});

export const auditRouter = router({
  /** The center's audit log, newest first: a page of at most `PAGE_MAX`, the next below `beforeId`. */
  list: leaderProcedure
    .input(
      z
        .object({
          entity: z.string().max(40).optional(),
          entityId: z.string().max(40).optional(),
          beforeId: ZId.optional(),
          limit: ZPageLimit.optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const limit = await reservePage(ctx, input?.limit);
      return listAudit(ctx.db, {
        centerId: ctx.user.centerId,
        entity: input?.entity,
        entityId: input?.entityId,
        beforeId: input?.beforeId,
        limit,
      });
    }),
});
