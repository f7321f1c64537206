import { z } from 'zod';
import { ZCreateRecordInput, ZDate, ZId, ZReason } from '../schemas.ts';
import { reservePage, ZDateCursor, ZPageLimit } from '../services/pages.ts';
import { listRecordsFor } from '../services/record-list.service.ts';
import { createRecord, revokeRecordWithReason, valueRecords } from '../services/records.service.ts';
import { viewerOf } from '../services/scope.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const recordsRouter = router({
  /**
   * Records the user may see: a person's own (staff), a window's (head), the center's; a period begun.
   * Each with its points or fine under the policy in force on its date. A page of at most `PAGE_MAX`,
   * newest first (date, then id); the next page starts after the last record seen (`before`).
   */
  list: authedProcedure
    .input(
      z
        .object({
          from: ZDate.optional(),
          to: ZDate.optional(),
          staffId: ZId.optional(),
          windowId: ZId.optional(),
          scheme: z.enum(['points', 'fine']).optional(),
          status: z.enum(['active', 'revoked']).optional(),
          /** keyset: the last record of the page before (newest first) */
          before: ZDateCursor.optional(),
          limit: ZPageLimit.optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const limit = await reservePage(ctx, input?.limit);
      return valueRecords(
        ctx.db,
        ctx.user.centerId,
        await listRecordsFor(ctx.db, await viewerOf(ctx.db, ctx.user), ctx.today(), { ...input, limit }),
      );
    }),
  /** Records a deduction, bonus or fine, validated against the policy in force on its date. */
  create: supervisorProcedure
    .input(ZCreateRecordInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => createRecord(db, ctx.user, ctx.today(), input)),
    ),
  /** Revokes a record with a reason; the record stays, marked revoked. */
  revoke: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason, correctionReason: ZReason.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => revokeRecordWithReason(db, ctx.user, input)),
    ),
});
