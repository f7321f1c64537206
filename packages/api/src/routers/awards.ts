import { AWARD_KINDS } from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZMonth, ZReason, ZText, ZYear } from '../schemas.ts';
import { listAwardsFor } from '../services/award-list.service.ts';
import { grantAward } from '../services/awards.service.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const awardsRouter = router({
  /** The center's awards (a year that has begun, or every year), for every signed-in user. */
  list: authedProcedure
    .input(z.object({ year: ZYear.optional(), windowId: ZId.optional() }).optional())
    .query(({ ctx, input }) => listAwardsFor(ctx.db, ctx.user.centerId, ctx.today(), input ?? {})),
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
