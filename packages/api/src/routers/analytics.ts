import type { DbRoot } from '@chuangkou/db';
import { listUnits, type TUser } from '@chuangkou/db';
import { forbidden, notFound } from '../errors.ts';
import {
  type TAnalyticsInput,
  ZAnalyticsInput,
  ZQuarterAnalyticsInput,
  ZStaffEfficiencyInput,
} from '../schemas.ts';
import { awardsSummary } from '../services/analytics/awards-summary.service.ts';
import { complaintRate } from '../services/analytics/complaint-rate.service.ts';
import { gradeDistribution } from '../services/analytics/grade-distribution.service.ts';
import { peerTiers } from '../services/analytics/peer-tiers.service.ts';
import { trends } from '../services/analytics/trends.service.ts';
import { staffEfficiency, windowEfficiency } from '../services/analytics/window-efficiency.service.ts';
import { assertNotFuture } from '../services/periods.ts';
import { scopeOf, windowInCenter } from '../services/scope.ts';
import { headProcedure, router } from '../trpc.ts';

/** Checks the filter's unit and window belong to the user's center; a head is held to their window. */
async function scoped(
  db: DbRoot,
  user: TUser,
  today: string,
  input: TAnalyticsInput,
): Promise<TAnalyticsInput> {
  assertNotFuture(input, today);
  if (
    input.unitId !== undefined &&
    !(await listUnits(db, user.centerId)).some((u) => u.id === input.unitId)
  ) {
    throw notFound('单位', 'unitId');
  }
  if (input.windowId !== undefined) await windowInCenter(db, user, input.windowId);
  const scope = await scopeOf(db, user);
  return scope.kind === 'window' ? { ...input, windowId: scope.windowId } : input;
}

export const analyticsRouter = router({
  windowEfficiency: headProcedure
    .input(ZAnalyticsInput)
    .query(async ({ ctx, input }) =>
      windowEfficiency(
        ctx.db,
        ctx.user.centerId,
        await scoped(ctx.db, ctx.user, ctx.today(), input),
        ctx.today(),
      ),
    ),
  /** Per person of one window: cases, on-time rate, overdue, handling days against promised. */
  staffEfficiency: headProcedure.input(ZStaffEfficiencyInput).query(async ({ ctx, input }) => {
    const f = await scoped(ctx.db, ctx.user, ctx.today(), input);
    if (f.windowId !== input.windowId) throw forbidden('只能查看本窗口的数据');
    return staffEfficiency(ctx.db, ctx.user.centerId, { ...f, windowId: input.windowId });
  }),
  complaintRate: headProcedure
    .input(ZAnalyticsInput)
    .query(async ({ ctx, input }) =>
      complaintRate(
        ctx.db,
        ctx.user.centerId,
        await scoped(ctx.db, ctx.user, ctx.today(), input),
        ctx.today(),
      ),
    ),
  peerTiers: headProcedure.input(ZQuarterAnalyticsInput).query(async ({ ctx, input }) => {
    const f = await scoped(ctx.db, ctx.user, ctx.today(), input);
    return peerTiers(ctx.db, ctx.user.centerId, { ...f, quarter: input.quarter }, ctx.today());
  }),
  awards: headProcedure
    .input(ZAnalyticsInput)
    .query(async ({ ctx, input }) =>
      awardsSummary(
        ctx.db,
        ctx.user.centerId,
        await scoped(ctx.db, ctx.user, ctx.today(), input),
        ctx.today(),
      ),
    ),
  grades: headProcedure.input(ZQuarterAnalyticsInput).query(async ({ ctx, input }) => {
    const f = await scoped(ctx.db, ctx.user, ctx.today(), input);
    return gradeDistribution(ctx.db, ctx.user.centerId, ctx.today(), { ...f, quarter: input.quarter });
  }),
  trends: headProcedure
    .input(ZAnalyticsInput)
    .query(async ({ ctx, input }) =>
      trends(ctx.db, ctx.user.centerId, await scoped(ctx.db, ctx.user, ctx.today(), input), ctx.today()),
    ),
});
