import { listMatters } from '@chuangkou/db';
import { z } from 'zod';
import { ZId, ZReason } from '../../schemas.ts';
import { createMatter, editMatter, withdrawMatter } from '../../services/cases/matters.service.ts';
import { authedProcedure, router, supervisorProcedure } from '../../trpc.ts';
import { ZMatterFields } from './case.schemas.ts';

/** 事项 catalog with the service guide (办事指南): everyone reads it, the supervisors keep it. */
export const mattersRouter = router({
  list: authedProcedure
    .input(z.object({ includeRevoked: z.boolean().optional() }).optional())
    .query(({ ctx, input }) =>
      listMatters(ctx.db, { centerId: ctx.user.centerId, includeRevoked: input?.includeRevoked }),
    ),
  create: supervisorProcedure
    .input(ZMatterFields)
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => createMatter(db, ctx.user, input))),
  update: supervisorProcedure
    .input(ZMatterFields.partial().extend({ id: ZId }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => editMatter(db, ctx.user, input))),
  revoke: supervisorProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => withdrawMatter(db, ctx.user, input))),
});
