import { listAwards } from '@chuangkou/db';
import { AWARD_KINDS } from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZMonth, ZReason, ZText, ZYear } from '../schemas.ts';
import { grantAward } from '../services/awards.service.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const awardsRouter = router({
  list: authedProcedure
    .input(z.object({ year: ZYear.optional(), windowId: ZId.optional() }).optional())
    .query(({ ctx, input }) =>
      listAwards(ctx.db, { centerId: ctx.user.centerId, year: input?.year, windowId: input?.windowId }),
    ),
  /** Grants a red-flag award (monthly / annual) or a yellow card to a window. */
  grant: supervisorProcedure
    .input(
      z.object({
        windowId: ZId,
        kind: z.enum(AWARD_KINDS),
        year: ZYear,
        month: ZMonth.optional(),
        date: ZDate.optional(),
        reason: ZText(500).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => grantAward(db, ctx.user, ctx.today(), input)),
    ),
});
