import { listCaseReviews } from '@chuangkou/db';
import { REVIEW_OUTCOMES } from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZReason, ZText } from '../../schemas.ts';
import { publicCaseStatus } from '../../services/cases/applicant-status.service.ts';
import { caseForUser } from '../../services/cases/case-access.ts';
import {
  decideReview,
  requestCaseReview,
  requestCaseReviewAtCounter,
} from '../../services/cases/case-review.service.ts';
import { caseProcedure, publicProcedure, router, supervisorProcedure } from '../../trpc.ts';
import { applicantCase } from './applicant.ts';
import { ZApplicantCredentials } from './case.schemas.ts';

const ZRequest = z.string().trim().max(1000).optional();

/** 复核 (规程 四、3): a refused case reviewed by the center on the applicant's request. */
export const caseReviewsRouter = router({
  /** The reviews of a case, oldest first. */
  list: caseProcedure.input(z.object({ id: ZId })).query(async ({ ctx, input }) => {
    const c = await caseForUser(ctx.db, ctx.user, input.id);
    return listCaseReviews(ctx.db, c.id);
  }),
  /** A request taken at the counter. */
  request: caseProcedure
    .input(z.object({ id: ZId, on: ZDate, request: ZRequest }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => requestCaseReviewAtCounter(db, ctx.user, ctx.today(), input)),
    ),
  /** The applicant's request from the status page, with the acceptance code and query password. */
  publicRequest: publicProcedure
    .input(ZApplicantCredentials.extend({ request: ZRequest }))
    .mutation(async ({ ctx, input }) => {
      const c = await applicantCase(ctx, input);
      const review = await ctx.db
        .transaction()
        .execute((db) =>
          requestCaseReview(db, c, null, { on: ctx.today(), request: input.request, channel: 'statusPage' }),
        );
      return { review, status: await publicCaseStatus(ctx.db, c) };
    }),
  /** The center's decision: the reviewer, upheld or overturned, its date and reasons. */
  decide: supervisorProcedure
    .input(
      z.object({
        reviewId: ZId,
        on: ZDate,
        reviewer: ZText(50),
        outcome: z.enum(REVIEW_OUTCOMES),
        reasons: ZReason,
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => decideReview(db, ctx.user, ctx.today(), input)),
    ),
});
