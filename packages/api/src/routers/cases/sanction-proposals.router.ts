import { listSanctionProposals } from '@chuangkou/db';
import { z } from 'zod';
import { ZId, ZReason } from '../../schemas.ts';
import {
  confirmSanctionProposal,
  rejectSanctionProposal,
} from '../../services/cases/sanction-proposals.service.ts';
import { router, supervisorProcedure } from '../../trpc.ts';
import { ZSanctionProposalStatus } from './case.schemas.ts';

/** The proposals for overdue cases (B5 / F3): nothing is recorded until a supervisor confirms. */
export const sanctionProposalsRouter = router({
  list: supervisorProcedure
    .input(z.object({ status: ZSanctionProposalStatus.optional() }).optional())
    .query(({ ctx, input }) =>
      listSanctionProposals(ctx.db, { centerId: ctx.user.centerId, status: input?.status }),
    ),
  /** Records the deduction or fine, on the first responsible person or the one named. */
  confirm: supervisorProcedure
    .input(
      z.object({
        id: ZId,
        staffId: ZId.optional(),
        note: z.string().trim().max(500).optional(),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => confirmSanctionProposal(db, ctx.user, ctx.today(), input)),
    ),
  reject: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => rejectSanctionProposal(db, ctx.user, input)),
    ),
});
