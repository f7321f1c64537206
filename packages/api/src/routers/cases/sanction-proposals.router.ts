import { PROPOSAL_RECHECK_OUTCOMES } from '@chuangkou/rules';
import { z } from 'zod';
import { ZId, ZReason } from '../../schemas.ts';
import {
  confirmSanctionProposal,
  confirmSanctionProposals,
  listProposals,
  recheckSanctionProposal,
  rejectSanctionProposal,
} from '../../services/cases/sanction-proposals.service.ts';
import { reservePage, ZPageLimit } from '../../services/pages.ts';
import { router, supervisorProcedure } from '../../trpc.ts';
import { ZSanctionProposalStatus } from './case.schemas.ts';

/** The proposals for overdue cases (B5 / F3): nothing is recorded until a supervisor confirms. */
export const sanctionProposalsRouter = router({
  /** Oldest first: a page of at most `PAGE_MAX`, the next after the last id seen (`afterId`). */
  list: supervisorProcedure
    .input(
      z
        .object({
          status: ZSanctionProposalStatus.optional(),
          afterId: ZId.optional(),
          limit: ZPageLimit.optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const limit = await reservePage(ctx, input?.limit);
      return listProposals(ctx.db, ctx.user, { status: input?.status, afterId: input?.afterId, limit });
    }),
  /**
   * Records the deduction or fine, on the first responsible person or the one named; fewer than
   * proposed with a reason.
   */
  confirm: supervisorProcedure
    .input(
      z.object({
        id: ZId,
        staffId: ZId.optional(),
        qty: z.number().int().optional(),
        qtyReason: z.string().trim().max(500).optional(),
        note: z.string().trim().max(500).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => confirmSanctionProposal(db, ctx.user, ctx.today(), input)),
    ),
  /** Confirms several proposals not in doubt at once, all or none. */
  confirmMany: supervisorProcedure
    .input(z.object({ ids: z.array(ZId).min(1).max(500) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => confirmSanctionProposals(db, ctx.user, ctx.today(), input.ids)),
    ),
  reject: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => rejectSanctionProposal(db, ctx.user, input)),
    ),
  /**
   * Settles a confirmed proposal flagged 日历更正后需复核: 'keep' (the record stands) or 'adjust' to
   * fewer (`qty`; the record revoked and made anew), with the reason.
   */
  recheck: supervisorProcedure
    .input(
      z.object({
        id: ZId,
        outcome: z.enum(PROPOSAL_RECHECK_OUTCOMES),
        qty: z.number().int().optional(),
        reason: z.string().trim().max(500).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => recheckSanctionProposal(db, ctx.user, ctx.today(), input)),
    ),
});
