import { z } from 'zod';
import { ZDate, ZId, ZReason, ZText, ZYear } from '../schemas.ts';
import { cadreReserveOf, confirmCadre, revokeCadre } from '../services/cadre-reserve.service.ts';
import { leaderProcedure, router } from '../trpc.ts';

/**
 * 后备干部人才库 (考核细则 二(四)): the leaders keep the pool the year's recommendation feeds. Leaders only;
 * every change is audited and nothing is deleted.
 */
export const cadresRouter = router({
  /** The pool, revoked entries included. */
  pool: leaderProcedure.query(({ ctx }) => cadreReserveOf(ctx.db, ctx.user.centerId)),
  /** Confirms a proposed candidate of an ended year into the pool. */
  confirm: leaderProcedure
    .input(z.object({ year: ZYear, staffId: ZId, basis: ZText(500).optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => confirmCadre(db, ctx.user, ctx.today(), input)),
    ),
  /** Removes a person from the pool on a date, with the reason (a revocation, never a deletion). */
  revoke: leaderProcedure
    .input(z.object({ id: ZId, date: ZDate, reason: ZReason }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => revokeCadre(db, ctx.user, ctx.today(), input)),
    ),
});
