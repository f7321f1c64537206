import { listFollowUps } from '@chuangkou/db';
import { z } from 'zod';
import { ZId, ZReason, ZYear } from '../../schemas.ts';
import { publicCaseStatus } from '../../services/cases/applicant-status.service.ts';
import {
  checkServiceRatingAfterReset,
  closeServiceRatingFollowUp,
  rateService,
  satisfactionByWindowMonth,
} from '../../services/cases/service-ratings.service.ts';
import { scopeOf } from '../../services/scope.ts';
import { headProcedure, publicProcedure, router, supervisorProcedure } from '../../trpc.ts';
import { applicantCase } from './applicant.ts';
import {
  ZApplicantCredentials,
  ZFollowUpStatus,
  ZServiceRatingKey,
  ZServiceRatingStage,
} from './case.schemas.ts';

/** 好差评: the applicants' service ratings, the satisfaction rate, and the follow-ups of poor ones. */
export const serviceRatingsRouter = router({
  /** The applicant rates the service of a decided case, on the five national levels (public). */
  publicRate: publicProcedure
    .input(
      ZApplicantCredentials.extend({
        rating: ZServiceRatingKey,
        comment: z.string().trim().max(500).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const c = await applicantCase(ctx, input);
      await ctx.db
        .transaction()
        .execute((db) =>
          rateService(db, c, ctx.today(), { rating: input.rating, comment: input.comment }, ctx.user),
        );
      return publicCaseStatus(ctx.db, c);
    }),
  /** The satisfaction rate by window and month of a year (a head sees their window). */
  satisfaction: headProcedure
    .input(z.object({ year: ZYear, windowId: ZId.optional(), stage: ZServiceRatingStage.optional() }))
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      const windowId = scope.kind === 'window' ? scope.windowId : input.windowId;
      return satisfactionByWindowMonth(ctx.db, ctx.user, { year: input.year, windowId, stage: input.stage });
    }),
  /** The follow-ups of poor ratings, by due date (a head sees their window). */
  followUps: headProcedure
    .input(z.object({ status: ZFollowUpStatus.optional() }).optional())
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      return listFollowUps(ctx.db, {
        centerId: ctx.user.centerId,
        status: input?.status,
        windowId: scope.kind === 'window' ? scope.windowId : undefined,
      });
    }),
  /** 审管科 checks a rating given after a reset of the query password; from then on it counts. */
  checkAfterReset: supervisorProcedure
    .input(z.object({ caseId: ZId, note: ZReason, stage: ZServiceRatingStage.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => checkServiceRatingAfterReset(db, ctx.user, input)),
    ),
  closeFollowUp: supervisorProcedure
    .input(z.object({ id: ZId, note: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => closeServiceRatingFollowUp(db, ctx.user, ctx.today(), input)),
    ),
});
