import {
  findCaseRating,
  listCaseEvents,
  listFollowUps,
  listJointDepartments,
  listMatterGuides,
  listSanctionProposals,
  listWorkflowCases,
} from '@chuangkou/db';
import { CASE_STATUSES, CASE_TYPES } from '@chuangkou/rules';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { TContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { ZDate, ZId, ZReason, ZText, ZYear } from '../schemas.ts';
import {
  authenticateApplicant,
  closeCaseFollowUp,
  confirmSanctionProposal,
  publicCaseStatus,
  RATING_KEYS,
  rateCase,
  rejectSanctionProposal,
  satisfactionByWindowMonth,
} from '../services/case-feedback.service.ts';
import {
  acceptWorkflowCase,
  caseForUser,
  caseNoticeFile,
  caseReceipt,
  importWorkflowCases,
  issueQueryPassword,
  listCaseAlerts,
  resetQueryPassword,
  STAGE_ZH,
  stepWorkflowCase,
  type TStepInput,
} from '../services/cases.service.ts';
import { createMatter, revokeMatter, updateMatter } from '../services/matters.service.ts';
import { scopeOf } from '../services/scope.ts';
import { authedProcedure, headProcedure, publicProcedure, router, supervisorProcedure } from '../trpc.ts';

const ZCaseType = z.enum(CASE_TYPES);
const ZStage = z.enum(CASE_STATUSES);
const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,30}$/, { error: '电话号码格式不正确' });
const ZTextList = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);

const ZMatterFields = z.object({
  unitId: ZId,
  name: ZText(200),
  type: ZCaseType,
  promisedDays: z.number().int().min(0).max(365),
  legalBasis: z.string().trim().max(2000).default(''),
  materials: ZTextList(100, 300).default([]),
  procedure: z.string().trim().max(2000).default(''),
  fees: z.string().trim().max(500).default(''),
  feeBasis: z.string().trim().max(1000).default(''),
  inquiryPhone: z.union([ZPhone, z.literal('')]).default(''),
  complaintPhone: z.union([ZPhone, z.literal('')]).default(''),
  leadDepartment: z.string().trim().max(200).default(''),
  relatedDepartments: ZTextList(30, 200).default([]),
});

const ZCaseId = z.object({ id: ZId, on: ZDate });

/** One handled case of an import (`cases.import`, `cli cases import`). */
export const ZImportCaseRow = z.object({
  matterId: ZId,
  staffId: ZId,
  windowId: ZId.optional(),
  applicantName: ZText(100),
  applicantPhone: z.string().trim().max(30).optional(),
  receivedOn: ZDate,
  missing: ZTextList(100, 300).optional(),
  materialsCompleteOn: ZDate.optional(),
  decidedOn: ZDate.optional(),
  decision: z.enum(['approved', 'refused']).optional(),
  reasons: ZTextList(20, 500).optional(),
  notifiedOn: ZDate.optional(),
  pickedUpOn: ZDate.optional(),
  acceptanceCode: z.string().trim().min(4).max(40).optional(),
});
export type TImportCaseRow = z.infer<typeof ZImportCaseRow>;

/** The address the HTTP host saw; `clientAddress` is set by the host (see notes/cases-api.md). */
function clientAddressOf(ctx: TContext): string | null {
  const a = (ctx as TContext & { clientAddress?: unknown }).clientAddress;
  return typeof a === 'string' && a.length > 0 ? a : null;
}

const ZApplicantCredentials = z.object({
  code: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(40),
});

/** The applicant's sign-in for one call: the case, or TOO_MANY_REQUESTS / the one wrong-answer error. */
async function applicantCase(ctx: TContext, input: z.infer<typeof ZApplicantCredentials>) {
  // without the host's address the per-address limit is skipped (a shared bucket would lock out
  // every applicant at once); the per-code limit still applies
  const address = clientAddressOf(ctx) ?? `unknown-${Math.random()}`;
  const outcome = await authenticateApplicant(ctx.db, input, address);
  if (!outcome.ok)
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: '查询错误次数过多，请15分钟后再试或到窗口咨询',
    });
  return outcome.case;
}

export const casesRouter = router({
  /** 事项 catalog with the service guide (办事指南). */
  matters: router({
    list: authedProcedure
      .input(z.object({ includeRevoked: z.boolean().optional() }).optional())
      .query(({ ctx, input }) =>
        listMatterGuides(ctx.db, { centerId: ctx.user.centerId, includeRevoked: input?.includeRevoked }),
      ),
    create: supervisorProcedure
      .input(ZMatterFields)
      .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => createMatter(db, ctx.user, input))),
    update: supervisorProcedure
      .input(ZMatterFields.partial().extend({ id: ZId }))
      .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => updateMatter(db, ctx.user, input))),
    revoke: supervisorProcedure
      .input(z.object({ id: ZId, reason: ZReason }))
      .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => revokeMatter(db, ctx.user, input))),
  }),

  /** 受理: returns the case and its receipt, with the query password shown this once. */
  accept: authedProcedure
    .input(
      z.object({
        matterId: ZId,
        staffId: ZId.optional(),
        windowId: ZId.optional(),
        applicantName: ZText(100),
        applicantPhone: ZPhone,
        handlerPhone: ZPhone.optional(),
        on: ZDate.optional(),
        missing: ZTextList(100, 300).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const secret = await issueQueryPassword();
      return ctx.db
        .transaction()
        .execute((db) => acceptWorkflowCase(db, ctx.user, ctx.today(), input, secret));
    }),

  /** 补办: one written notice listing every missing material; the clock stops. */
  requestMaterials: authedProcedure
    .input(ZCaseId.extend({ missing: ZTextList(100, 300).min(1, { error: '须一次性列明全部需补齐的材料' }) }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'requestMaterials', on: input.on, missing: input.missing }),
    ),
  /** Materials complete: the official acceptance day, the clock restarts. */
  materialsComplete: authedProcedure
    .input(ZCaseId)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'materialsComplete', on: input.on })),
  /** 退回 with written reasons ("materials incomplete" is refused: that is 补办). */
  return: authedProcedure
    .input(ZCaseId.extend({ reasons: ZTextList(20, 500).min(1, { error: '退回须书面说明理由' }) }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'return', on: input.on, reasons: input.reasons }),
    ),
  /** 联办: copies the related departments, each with its own limit in working days. */
  copyJoint: authedProcedure
    .input(
      ZCaseId.extend({
        departments: z
          .array(z.object({ department: ZText(200), limitDays: z.number().int().min(1).max(365) }))
          .min(1)
          .max(30),
      }),
    )
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'copyJoint', on: input.on, departments: input.departments }),
    ),
  jointAnswer: authedProcedure
    .input(ZCaseId.extend({ department: ZText(200), opinion: z.string().trim().max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, {
        kind: 'jointAnswer',
        on: input.on,
        department: input.department,
        opinion: input.opinion,
      }),
    ),
  /** 上报: forwarded upward. */
  forward: authedProcedure
    .input(ZCaseId)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'forward', on: input.on })),
  /** The window's explanation to the center after 15 days without a reply. */
  fileExplanation: authedProcedure
    .input(ZCaseId.extend({ explanation: ZText(2000) }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'fileExplanation', on: input.on, explanation: input.explanation }),
    ),
  upperReply: authedProcedure
    .input(ZCaseId)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'upperReply', on: input.on })),
  /** 办结: approved, or refused with written reasons; late → B5/F3 proposals. */
  decide: authedProcedure
    .input(
      ZCaseId.extend({
        decision: z.enum(['approved', 'refused']),
        reasons: ZTextList(20, 500).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, {
        kind: 'decide',
        on: input.on,
        decision: input.decision,
        ...(input.reasons && { reasons: input.reasons }),
      }),
    ),
  notify: authedProcedure
    .input(ZCaseId)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'notify', on: input.on })),
  pickUp: authedProcedure
    .input(ZCaseId)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'pickUp', on: input.on })),

  /** One case with its events, departments, rating and proposals. */
  get: authedProcedure.input(z.object({ id: ZId })).query(async ({ ctx, input }) => {
    const c = await caseForUser(ctx.db, ctx.user, input.id);
    const [events, joint, rating, proposals] = await Promise.all([
      listCaseEvents(ctx.db, c.id),
      listJointDepartments(ctx.db, c.id),
      findCaseRating(ctx.db, c.id),
      listSanctionProposals(ctx.db, { centerId: ctx.user.centerId, caseId: c.id }),
    ]);
    return { case: { ...c, stageZh: STAGE_ZH[c.stage] }, events, joint, rating: rating ?? null, proposals };
  }),

  /** The case registry, newest first, within the user's scope. */
  list: authedProcedure
    .input(
      z
        .object({
          windowId: ZId.optional(),
          staffId: ZId.optional(),
          matterId: ZId.optional(),
          type: ZCaseType.optional(),
          stages: z.array(ZStage).max(7).optional(),
          from: ZDate.optional(),
          to: ZDate.optional(),
          overdueOnly: z.boolean().optional(),
          flaggedOnly: z.boolean().optional(),
          acceptanceCode: z.string().trim().max(40).optional(),
          beforeId: ZId.optional(),
          limit: z.number().int().min(1).max(1000).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      if (scope.kind === 'self' && input?.staffId !== undefined && input.staffId !== scope.staffId)
        throw forbidden('只能查看本人受理的办件');
      if (scope.kind === 'window' && input?.windowId !== undefined && input.windowId !== scope.windowId)
        throw forbidden('只能查看本窗口的办件');
      const rows = await listWorkflowCases(ctx.db, {
        centerId: ctx.user.centerId,
        windowId: scope.kind === 'window' ? scope.windowId : input?.windowId,
        staffId: scope.kind === 'self' ? scope.staffId : input?.staffId,
        matterId: input?.matterId,
        type: input?.type,
        stages: input?.stages,
        from: input?.from,
        to: input?.to,
        isOverdue: input?.overdueOnly,
        isFlagged: input?.flaggedOnly,
        acceptanceCode: input?.acceptanceCode,
        beforeId: input?.beforeId,
        limit: input?.limit ?? 200,
      });
      return rows.map((r) => ({
        stageZh: STAGE_ZH[r.stage],
        // the names the analytics drill-down reads (notes/web-needs.md)
        acceptedAt: r.receivedOn,
        completedAt: r.decidedOn,
        status: r.stage,
        ...r,
      }));
    }),

  /** Overdue (yellow / red), 上报 explanations due, 联办 departments late. */
  alerts: authedProcedure
    .input(z.object({ today: ZDate.optional() }).optional())
    .query(({ ctx, input }) => listCaseAlerts(ctx.db, ctx.user, input?.today ?? ctx.today())),

  /** The receipt again (without the password). */
  receipt: authedProcedure
    .input(z.object({ id: ZId }))
    .query(({ ctx, input }) => caseReceipt(ctx.db, ctx.user, input.id)),
  /** A printable notice (.xlsx as base64): 受理通知单, 补办件通知单 or 退回件通知单. */
  noticeFile: authedProcedure
    .input(z.object({ id: ZId, kind: z.enum(['acceptanceNotice', 'supplementNotice', 'returnNotice']) }))
    .query(({ ctx, input }) => caseNoticeFile(ctx.db, ctx.user, input.id, input.kind)),
  /** A new query password for a lost one; the receipt with it, shown this once. */
  resetQueryPassword: authedProcedure.input(z.object({ id: ZId })).mutation(async ({ ctx, input }) => {
    const secret = await issueQueryPassword();
    return ctx.db.transaction().execute((db) => resetQueryPassword(db, ctx.user, input.id, secret));
  }),

  /** Imports handled cases (a day's export of another system) through the same rules; all or none. */
  import: supervisorProcedure
    .input(
      z.object({
        cases: z.array(ZImportCaseRow).min(1).max(5000),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => importWorkflowCases(db, ctx.user, ctx.today(), input.cases)),
    ),

  /** 好差评 satisfaction by window and month. */
  satisfaction: headProcedure
    .input(z.object({ year: ZYear, windowId: ZId.optional() }))
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      const windowId = scope.kind === 'window' ? scope.windowId : input.windowId;
      return satisfactionByWindowMonth(ctx.db, ctx.user, { year: input.year, windowId });
    }),
  followUps: headProcedure
    .input(z.object({ status: z.enum(['open', 'closed']).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      return listFollowUps(ctx.db, {
        centerId: ctx.user.centerId,
        status: input?.status,
        windowId: scope.kind === 'window' ? scope.windowId : undefined,
      });
    }),
  closeFollowUp: supervisorProcedure
    .input(z.object({ id: ZId, note: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => closeCaseFollowUp(db, ctx.user, ctx.today(), input)),
    ),

  /** B5 / F3 proposals for overdue cases: nothing is recorded until a supervisor confirms. */
  proposals: supervisorProcedure
    .input(z.object({ status: z.enum(['proposed', 'confirmed', 'rejected']).optional() }).optional())
    .query(({ ctx, input }) =>
      listSanctionProposals(ctx.db, { centerId: ctx.user.centerId, status: input?.status }),
    ),
  confirmProposal: supervisorProcedure
    .input(
      z.object({
        id: ZId,
        staffId: ZId.optional(),
        note: z.string().trim().max(500).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => confirmSanctionProposal(db, ctx.user, ctx.today(), input)),
    ),
  rejectProposal: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => rejectSanctionProposal(db, ctx.user, input)),
    ),

  /**
   * The applicant's status query (public): acceptance code + query password → the status, deadline
   * and handler of that case, nothing else. A mutation: every attempt is recorded for the rate limit.
   */
  publicStatus: publicProcedure.input(ZApplicantCredentials).mutation(async ({ ctx, input }) => {
    const c = await applicantCase(ctx, input);
    return publicCaseStatus(ctx.db, c);
  }),
  /** 好差评 by the applicant, on the five national levels. */
  publicRate: publicProcedure
    .input(
      ZApplicantCredentials.extend({
        rating: z.enum(RATING_KEYS),
        comment: z.string().trim().max(500).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const c = await applicantCase(ctx, input);
      await ctx.db
        .transaction()
        .execute((db) => rateCase(db, c, ctx.today(), { rating: input.rating, comment: input.comment }));
      return publicCaseStatus(ctx.db, c);
    }),
});

function stepOf(ctx: TContext & { user: NonNullable<TContext['user']> }, id: number, s: TStepInput) {
  return ctx.db.transaction().execute((db) => stepWorkflowCase(db, ctx.user, ctx.today(), id, s));
}
