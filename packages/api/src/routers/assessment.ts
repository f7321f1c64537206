import { durableTransaction } from '@chuangkou/db';
import { z } from 'zod';
import { ZQuarterInput, ZReason, ZYear } from '../schemas.ts';
import {
  computeDraft,
  filterByScope,
  publishQuarter,
  quarterFor,
  quarterRevisions,
} from '../services/assessment.service.ts';
import { assertPeriodShown } from '../services/periods.ts';
import { scopeOf, viewerOf } from '../services/scope.ts';
import { cadreCandidatesOf, yearEnd } from '../services/year-end.service.ts';
import { authedProcedure, leaderProcedure, router, supervisorProcedure } from '../trpc.ts';

export const assessmentRouter = router({
  /**
   * A quarter's results in the engine's output shape plus names: the published snapshot when there is
   * one, else the live draft. Staff see their own row, heads their window's.
   */
  quarter: authedProcedure
    .input(ZQuarterInput)
    .query(async ({ ctx, input }) =>
      quarterFor(ctx.db, await viewerOf(ctx.db, ctx.user), ctx.today(), input),
    ),
  /** Always the live draft (what publishing now would freeze). */
  draft: supervisorProcedure.input(ZQuarterInput).query(async ({ ctx, input }) => {
    await assertPeriodShown(ctx.db, ctx.user.centerId, input, ctx.today(), 'quarter');
    return computeDraft(ctx.db, ctx.user.centerId, input.year, input.quarter);
  }),
  /** Publishes an ended quarter as a frozen snapshot (公示). */
  publish: leaderProcedure
    .input(ZQuarterInput)
    .mutation(({ ctx, input }) =>
      durableTransaction(ctx.db, (db) => publishQuarter(db, ctx.user, ctx.today(), input)),
    ),
  /** A correction after publication: a new revision with its reason; earlier revisions stay visible. */
  correct: leaderProcedure
    .input(ZQuarterInput.extend({ reason: ZReason }))
    .mutation(({ ctx, input }) =>
      durableTransaction(ctx.db, (db) => publishQuarter(db, ctx.user, ctx.today(), input)),
    ),
  /** Every published revision of a quarter, oldest first. */
  revisions: authedProcedure.input(ZQuarterInput).query(async ({ ctx, input }) => {
    const scope = await scopeOf(ctx.db, ctx.user);
    return (await quarterRevisions(ctx.db, ctx.user.centerId, input.year, input.quarter)).map((v) =>
      filterByScope(v, scope),
    );
  }),
  /** 年终总评 (provisional in a running year: the ended quarters only). */
  yearEnd: supervisorProcedure.input(z.object({ year: ZYear })).query(async ({ ctx, input }) => {
    const { assessment, results, isProvisional } = await yearEnd(
      ctx.db,
      ctx.user.centerId,
      ctx.today(),
      input.year,
    );
    return { year: assessment.year, results, isProvisional };
  }),
  /** 后备干部 proposals for leaders to confirm. */
  cadreCandidates: leaderProcedure
    .input(z.object({ year: ZYear }))
    .query(({ ctx, input }) => cadreCandidatesOf(ctx.db, ctx.user.centerId, ctx.today(), input.year)),
});
