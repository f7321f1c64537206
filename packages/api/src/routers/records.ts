import { listRecords } from '@chuangkou/db';
import { z } from 'zod';
import { forbidden } from '../errors.ts';
import { ZCreateRecordInput, ZDate, ZId, ZReason } from '../schemas.ts';
import { createRecord, revokeRecordWithReason, valueRecords } from '../services/records.service.ts';
import { scopeOf, staffInCenter, windowInCenter } from '../services/scope.ts';
import { authedProcedure, router, supervisorProcedure } from '../trpc.ts';

export const recordsRouter = router({
  /**
   * Records the user may see: a person's own (staff), a window's (head), the center's; each with its
   * points or fine under the policy in force on its date.
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
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx.db, ctx.user);
      let staffId = input?.staffId;
      const windowId = input?.windowId;
      if (staffId !== undefined) {
        const s = await staffInCenter(ctx.db, ctx.user, staffId);
        if (scope.kind === 'self' && s.id !== scope.staffId) throw forbidden('只能查看本人的记录');
        if (scope.kind === 'window' && s.windowId !== scope.windowId) throw forbidden('只能查看本窗口的记录');
      }
      if (windowId !== undefined) {
        await windowInCenter(ctx.db, ctx.user, windowId);
        if (scope.kind === 'self') throw forbidden('只能查看本人的记录');
        if (scope.kind === 'window' && windowId !== scope.windowId) throw forbidden('只能查看本窗口的记录');
      }
      if (scope.kind === 'self') staffId = scope.staffId;
      if (scope.kind === 'window' && staffId === undefined) {
        // a head's view: the window's people and the window-level records
        const all = await listRecords(ctx.db, {
          centerId: ctx.user.centerId,
          from: input?.from,
          to: input?.to,
          scheme: input?.scheme,
          status: input?.status,
        });
        const people = new Set(
          (
            await ctx.db.selectFrom('staff').select('id').where('window_id', '=', scope.windowId).execute()
          ).map((s) => s.id),
        );
        return valueRecords(
          ctx.db,
          ctx.user.centerId,
          all.filter((r) => (r.staffId !== null ? people.has(r.staffId) : r.windowId === scope.windowId)),
        );
      }
      const records = await listRecords(ctx.db, {
        centerId: ctx.user.centerId,
        from: input?.from,
        to: input?.to,
        staffId,
        windowId,
        scheme: input?.scheme,
        status: input?.status,
      });
      return valueRecords(ctx.db, ctx.user.centerId, records);
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
