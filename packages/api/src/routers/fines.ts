import { durableTransaction } from '@chuangkou/db';
import { SIGN_OFF_LINES } from '@chuangkou/rules';
import { z } from 'zod';
import { ZMonth, ZYear } from '../schemas.ts';
import { monthlySummaryFor, signOffMonth } from '../services/fines.service.ts';
import { router, supervisorProcedure } from '../trpc.ts';

const ZMonthInput = z.object({ year: ZYear, month: ZMonth });

export const finesRouter = router({
  /**
   * Fines by month (处罚办法) with the report-to-unit list and the sign-off state; once 审管科 has
   * signed, the summary as signed.
   */
  monthly: supervisorProcedure
    .input(ZMonthInput)
    .query(({ ctx, input }) => monthlySummaryFor(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /**
   * 签批 of an ended month: a supervisor signs the 审管科 line, a leader the 分管领导 (deputy) or
   * 主要领导 (principal) line (`line`, by default the first still open). Committed durably.
   */
  signOff: supervisorProcedure
    .input(ZMonthInput.extend({ line: z.enum(SIGN_OFF_LINES).optional() }))
    .mutation(({ ctx, input }) =>
      durableTransaction(ctx.db, (db) => signOffMonth(db, ctx.user, ctx.today(), input)),
    ),
});
