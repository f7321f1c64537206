import {
  findMatter,
  listCaseEvents,
  listCaseReviews,
  listCaseServiceRatings,
  listCases,
  listJointDepartments,
  listSanctionProposals,
} from '@chuangkou/db';
import { CASE_STAGES } from '@chuangkou/rules';
import { z } from 'zod';
import { forbidden } from '../../errors.ts';
import { ZDate, ZId, ZReason, ZText } from '../../schemas.ts';
import { acceptCaseAtWindow } from '../../services/cases/accept-case.service.ts';
import { publicCaseStatus } from '../../services/cases/applicant-status.service.ts';
import { caseForUser } from '../../services/cases/case-access.ts';
import { listCaseAlerts } from '../../services/cases/case-alerts.service.ts';
import { caseNoticeFile } from '../../services/cases/case-notice.service.ts';
import {
  caseReceipt,
  issueQueryPassword,
  resetQueryPassword,
} from '../../services/cases/case-receipt.service.ts';
import { importCases } from '../../services/cases/import-cases.service.ts';
import { PAGE_MAX, reservePage, ZPageLimit } from '../../services/pages.ts';
import { scopeOf } from '../../services/scope.ts';
import { caseProcedure, publicProcedure, router, supervisorProcedure } from '../../trpc.ts';
import { applicantCase } from './applicant.ts';
import {
  ZApplicantCredentials,
  ZCaseNoticeKind,
  ZCaseStage,
  ZCaseType,
  ZImportCaseRow,
  ZPhone,
  ZTextList,
} from './case.schemas.ts';
import { caseReviewsRouter } from './case-reviews.router.ts';
import { caseStepProcedures } from './case-steps.procedures.ts';
import { mattersRouter } from './matters.router.ts';
import { sanctionProposalsRouter } from './sanction-proposals.router.ts';
import { serviceRatingsRouter } from './service-ratings.router.ts';

/**
 * The largest page of `cases.list` (`PAGE_MAX`, as every list). A request's pages together are bounded
 * by `REQUEST_ROWS_MAX` (`pages.ts`), however many calls its batch holds.
 */
export const CASE_PAGE_MAX = PAGE_MAX;

/** 办件: the catalog, acceptance, the steps, the registry and alerts, service ratings, proposals. */
export const casesRouter = router({
  matters: mattersRouter,
  serviceRatings: serviceRatingsRouter,
  sanctionProposals: sanctionProposalsRouter,
  reviews: caseReviewsRouter,

  /** 受理: returns the case and its receipt, with the query password shown this once. */
  accept: caseProcedure
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
        .execute((db) => acceptCaseAtWindow(db, ctx.user, ctx.today(), input, secret));
    }),

  ...caseStepProcedures,

  /** One case with its events, departments, service ratings (受理, 办结), proposals and reviews (复核). */
  get: caseProcedure.input(z.object({ id: ZId })).query(async ({ ctx, input }) => {
    const c = await caseForUser(ctx.db, ctx.user, input.id);
    const [matter, events, joint, serviceRatings, proposals, reviews] = await Promise.all([
      findMatter(ctx.db, c.matterId),
      listCaseEvents(ctx.db, c.id),
      listJointDepartments(ctx.db, c.id),
      listCaseServiceRatings(ctx.db, c.id),
      listSanctionProposals(ctx.db, { centerId: ctx.user.centerId, caseId: c.id }),
      listCaseReviews(ctx.db, c.id),
    ]);
    return {
      case: c,
      matterName: matter?.name ?? '',
      events,
      joint,
      /** the 办结 rating */
      serviceRating: serviceRatings.find((r) => r.stage === 'decided') ?? null,
      /** every rating of the case: 受理, then 办结 */
      serviceRatings,
      proposals,
      reviews,
    };
  }),

  /**
   * The case registry, newest first, within the user's scope: a page of at most `CASE_PAGE_MAX` cases;
   * the next page starts before the last id seen (`beforeId`), walking an index, never sorting all.
   */
  list: caseProcedure
    .input(
      z
        .object({
          windowId: ZId.optional(),
          staffId: ZId.optional(),
          matterId: ZId.optional(),
          type: ZCaseType.optional(),
          stages: z.array(ZCaseStage).max(CASE_STAGES.length).optional(),
          from: ZDate.optional(),
          to: ZDate.optional(),
          overdueOnly: z.boolean().optional(),
          flaggedOnly: z.boolean().optional(),
          acceptanceCode: z.string().trim().max(40).optional(),
          beforeId: ZId.optional(),
          limit: ZPageLimit.optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const limit = await reservePage(ctx, input?.limit);
      const scope = await scopeOf(ctx.db, ctx.user);
      if (scope.kind === 'self' && input?.staffId !== undefined && input.staffId !== scope.staffId)
        throw forbidden('只能查看本人受理的办件');
      if (scope.kind === 'window' && input?.windowId !== undefined && input.windowId !== scope.windowId)
        throw forbidden('只能查看本窗口的办件');
      return listCases(ctx.db, {
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
        limit,
      });
    }),

  /** Overdue (yellow / red), 上报 explanations due, 联办 departments late, as of the server's today. */
  alerts: caseProcedure
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => listCaseAlerts(ctx.db, ctx.user, ctx.today())),

  /** The receipt again (without the password). */
  receipt: caseProcedure
    .input(z.object({ id: ZId }))
    .query(({ ctx, input }) => caseReceipt(ctx.db, ctx.user, input.id)),
  /** A printable notice (.xlsx as base64): 受理通知单, 补办件通知单 or 退回件通知单. */
  noticeFile: caseProcedure
    .input(z.object({ id: ZId, kind: ZCaseNoticeKind }))
    .query(({ ctx, input }) => caseNoticeFile(ctx.db, ctx.user, input.id, input.kind)),
  /**
   * The 受理通知单 with the query password just issued on the applicant's part (a POST: the password
   * never goes into a URL); the window's part shows it masked.
   */
  acceptanceNoticeFile: caseProcedure
    .input(z.object({ id: ZId, queryPassword: z.string().trim().min(1).max(40) }))
    .mutation(({ ctx, input }) =>
      caseNoticeFile(ctx.db, ctx.user, input.id, 'acceptanceNotice', input.queryPassword),
    ),
  /**
   * A new query password for a lost one, with the applicant present: the reason is required, and a new
   * receipt carries the password, shown this once.
   */
  resetQueryPassword: caseProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(async ({ ctx, input }) => {
      const secret = await issueQueryPassword();
      return ctx.db
        .transaction()
        .execute((db) => resetQueryPassword(db, ctx.user, ctx.today(), input, secret));
    }),

  /** Imports handled cases (a day's export of another system) through the same rules; all or none. */
  import: supervisorProcedure
    .input(z.object({ cases: z.array(ZImportCaseRow).min(1).max(5000) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => importCases(db, ctx.user, ctx.today(), input.cases)),
    ),

  /**
   * The applicant's status query (public): acceptance code + query password → the stage, deadline
   * and handler of that case, nothing else. A mutation: every attempt is recorded for the rate limit.
   */
  publicStatus: publicProcedure.input(ZApplicantCredentials).mutation(async ({ ctx, input }) => {
    const c = await applicantCase(ctx, input);
    return publicCaseStatus(ctx.db, c);
  }),
});
