import { listPeerRatings } from '@chuangkou/db';
import { z } from 'zod';
import { ZId, ZPeerTier, ZQuarter, ZQuarterInput, ZYear } from '../schemas.ts';
import { submitPeerRatings } from '../services/peer-ratings.service.ts';
import { router, staffProcedure } from '../trpc.ts';

export const peerRatingsRouter = router({
  /** The ratings I gave for a quarter. */
  mine: staffProcedure
    .input(ZQuarterInput)
    .query(({ ctx, input }) =>
      listPeerRatings(ctx.db, { centerId: ctx.user.centerId, ...input, raterId: ctx.staffId }),
    ),
  /** Submits my ratings of colleagues for a quarter: all or nothing. */
  submit: staffProcedure
    .input(
      z.object({
        year: ZYear,
        quarter: ZQuarter,
        ratings: z
          .array(z.object({ rateeId: ZId, tier: ZPeerTier }))
          .min(1)
          .max(500),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => submitPeerRatings(db, ctx.user, ctx.staffId, ctx.today(), input)),
    ),
});
