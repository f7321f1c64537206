import { PATROL_SESSIONS } from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZItemCode, ZReason, ZText } from '../schemas.ts';
import { createPatrol, listPatrolsFor } from '../services/patrols.service.ts';
import { router, supervisorProcedure } from '../trpc.ts';

export const patrolsRouter = router({
  /** The patrol records of a date range that has begun. */
  list: supervisorProcedure
    .input(z.object({ from: ZDate, to: ZDate }))
    .query(({ ctx, input }) => listPatrolsFor(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** Stores a 巡查表 (date, session, duty leader, inspectors); each finding becomes a record or a fine. */
  create: supervisorProcedure
    .input(
      z.object({
        date: ZDate,
        session: z.enum(PATROL_SESSIONS),
        dutyLeader: ZText(40),
        inspectors: ZText(200),
        findings: z
          .array(
            z.object({
              clause: ZItemCode,
              finding: ZText(500),
              staffId: ZId.optional(),
              windowId: ZId.optional(),
              qty: z.number().int().min(1).max(100).optional(),
              level: z.string().max(40).optional(),
              aggravated: z.boolean().optional(),
            }),
          )
          .max(200),
        correctionReason: ZReason.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => createPatrol(db, ctx.user, ctx.today(), input)),
    ),
});
