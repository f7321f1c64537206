import { listComplaints } from '@chuangkou/db';
import { z } from 'zod';
import { badInput } from '../errors.ts';
import { ZCause, ZChannel, ZDate, ZId, ZReason, ZText, ZYear } from '../schemas.ts';
import { complaintLadderOf, createComplaint, verifyComplaint } from '../services/complaints.service.ts';
import { scopeOf } from '../services/scope.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const complaintsRouter = router({
  list: authedProcedure
    .input(
      z.object({ from: ZDate.optional(), to: ZDate.optional(), isValid: z.boolean().optional() }).optional(),
    )
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      return listComplaints(ctx.db, {
        centerId: ctx.user.centerId,
        from: input?.from,
        to: input?.to,
        isValid: input?.isValid,
        staffId: scope.kind === 'self' ? scope.staffId : undefined,
        windowId: scope.kind === 'window' ? scope.windowId : undefined,
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
  /** Records the verification; valid with cause "attitude" creates the linked A3 record. */
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
