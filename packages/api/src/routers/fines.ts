import { z } from 'zod';
import { ZMonth, ZYear } from '../schemas.ts';
import { finesOfMonth } from '../services/fines.service.ts';
import { assertNotFuture } from '../services/periods.ts';
import { router, supervisorProcedure } from '../trpc.ts';

export const finesRouter = router({
  /** Fines by month (处罚办法) with the report-to-unit list, for the monthly summary and its sign-off. */
  monthly: supervisorProcedure.input(z.object({ year: ZYear, month: ZMonth })).query(({ ctx, input }) => {
    assertNotFuture(input, ctx.today(), 'month');
    return finesOfMonth(ctx.db, ctx.user.centerId, input.year, input.month);
  }),
});
