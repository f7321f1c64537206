import { PATROL_SESSIONS } from '@chuangkou/rules';
import { z } from 'zod';
import { ZDate, ZId, ZItemCode, ZReason, ZText } from '../schemas.ts';
import {
  filePatrolSheet,
  patrolSheetOf,
  patrolSheetsOf,
  revokePatrolFinding,
} from '../services/patrol-sheets.service.ts';
import { createPatrol, listPatrolsFor } from '../services/patrols.service.ts';
import { router, supervisorProcedure } from '../trpc.ts';

export const patrolsRouter = router({
  /** The patrol records of a date range that has begun. */
  list: supervisorProcedure
    .input(z.object({ from: ZDate, to: ZDate }))
    .query(({ ctx, input }) => listPatrolsFor(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** The day's 巡查表: signers, filing, the sessions recorded and every finding (corrected ones too). */
  sheet: supervisorProcedure
    .input(z.object({ date: ZDate }))
    .query(({ ctx, input }) => patrolSheetOf(ctx.db, ctx.user.centerId, ctx.today(), input.date)),
  /** The sheets of a date range that has begun, newest first: the past days. */
  sheets: supervisorProcedure
    .input(z.object({ from: ZDate, to: ZDate }))
    .query(({ ctx, input }) => patrolSheetsOf(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /**
   * Writes findings into a session (上午 / 下午) of the day's 巡查表, creating the sheet and the session
   * on first use; the signers given replace the sheet's. Each finding becomes a record or a fine.
   */
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
  /** Corrects a finding: its record or fine is revoked with the reason, never deleted. */
  revokeFinding: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason, correctionReason: ZReason.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => revokePatrolFinding(db, ctx.user, input)),
    ),
  /** Marks the signed paper copy of the day's sheet filed (归档). */
  file: supervisorProcedure
    .input(z.object({ date: ZDate }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((db) => filePatrolSheet(db, ctx.user, ctx.today(), input.date)),
    ),
});
