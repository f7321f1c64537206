import { listComplaints } from '@chuangkou/db';
import { z } from 'zod';
import { badInput, forbidden } from '../errors.ts';
import { ZCause, ZChannel, ZDate, ZId, ZReason, ZText, ZYear } from '../schemas.ts';
import {
  complaintLadderOf,
  createComplaint,
  previewComplaintConsequences,
  verifyComplaint,
} from '../services/complaints.service.ts';
import { reservePage, ZDateCursor, ZPageLimit } from '../services/pages.ts';
import { scopeOf, staffInCenter, windowInCenter } from '../services/scope.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const complaintsRouter = router({
  /**
   * Complaints the user may see (own, window's, center's), filtered by period, person or window: a page
   * of at most `PAGE_MAX`, newest first (date, then id), the next after the last seen (`before`).
   */
  list: authedProcedure
    .input(
      z
        .object({
          from: ZDate.optional(),
          to: ZDate.optional(),
          isValid: z.boolean().optional(),
          /** pending: not yet verified (the entry page's list to verify) */
          status: z.enum(['pending', 'verified']).optional(),
          staffId: ZId.optional(),
          windowId: ZId.optional(),
          /** keyset: the last complaint of the page before (newest first) */
          before: ZDateCursor.optional(),
          limit: ZPageLimit.optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const limit = await reservePage(ctx, input?.limit);
      const scope = await scopeOf(ctx.db, ctx.user);
      let staffId = input?.staffId;
      let windowId = input?.windowId;
      if (staffId !== undefined) {
        const s = await staffInCenter(ctx.db, ctx.user, staffId);
        if (scope.kind === 'self' && s.id !== scope.staffId) throw forbidden('只能查看本人的投诉');
        if (scope.kind === 'window' && s.windowId !== scope.windowId) throw forbidden('只能查看本窗口的投诉');
      }
      if (windowId !== undefined) {
        await windowInCenter(ctx.db, ctx.user, windowId);
        if (scope.kind === 'self') throw forbidden('只能查看本人的投诉');
        if (scope.kind === 'window' && windowId !== scope.windowId) throw forbidden('只能查看本窗口的投诉');
      }
      if (scope.kind === 'self') staffId = scope.staffId;
      if (scope.kind === 'window') windowId = scope.windowId;
      return listComplaints(ctx.db, {
        centerId: ctx.user.centerId,
        from: input?.from,
        to: input?.to,
        isValid: input?.isValid,
        status: input?.status,
        staffId,
        windowId,
        before: input?.before,
        limit,
      });
    }),
  create: supervisorProcedure
    .input(
      z.object({
        channel: ZChannel,
        date: ZDate,
        windowId: ZId.optional(),
        staffId: ZId.optional(),
        content: ZText(2000),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => createComplaint(db, ctx.user, ctx.today(), input)),
    ),
  /**
   * What verifying the complaint as valid with this cause brings (一票否决, A3, F7b, the complaint ladder),
   * each with its clause and the seed's words, and the center's reading (本中心解释) where it decides.
   */
  consequences: supervisorProcedure
    .input(z.object({ id: ZId, cause: ZCause }))
    .query(({ ctx, input }) => previewComplaintConsequences(ctx.db, ctx.user, input)),
  /** Records the verification; a valid one records the items among its consequences that apply. */
  verify: supervisorProcedure
    .input(
      z.object({
        id: ZId,
        isValid: z.boolean(),
        cause: ZCause.optional(),
        note: z.string().max(1000).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => verifyComplaint(db, ctx.user, ctx.today(), input)),
    ),
  /** Policy C's complaint ladder for a year: counted complaints per person and the step reached. */
  ladder: supervisorProcedure.input(z.object({ year: ZYear })).query(({ ctx, input }) => {
    if (`${input.year}-01-01` > ctx.today()) throw badInput('year', `${input.year}年尚未开始`);
    return complaintLadderOf(ctx.db, ctx.user.centerId, ctx.today(), input.year);
  }),
});
