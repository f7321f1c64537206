import { listMatters } from '@chuangkou/db';
import { z } from 'zod';
import { ZId, ZReason } from '../../schemas.ts';
import {
  createMatter,
  editMatter,
  reinstateMatter,
  withdrawMatter,
} from '../../services/cases/matters.service.ts';
import { authedProcedure, catalogProcedure, router } from '../../trpc.ts';
import { ZMatterFields } from './case.schemas.ts';

/** 事项 catalog with the service guide (办事指南): everyone reads it, the administrator sets it up, 审管科 keeps it. */
export const mattersRouter = router({
  list: authedProcedure
    .input(z.object({ includeRevoked: z.boolean().optional() }).optional())
    .query(({ ctx, input }) =>
      listMatters(ctx.db, { centerId: ctx.user.centerId, includeRevoked: input?.includeRevoked }),
    ),
  create: catalogProcedure
    .input(ZMatterFields)
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => createMatter(db, ctx.user, input))),
  update: catalogProcedure
    .input(ZMatterFields.partial().extend({ id: ZId }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => editMatter(db, ctx.user, input))),
  revoke: catalogProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => withdrawMatter(db, ctx.user, input))),
  /** Takes a withdrawn matter back into the catalog, with a reason. */
  reinstate: catalogProcedure
    .input(z.object({ id: ZId, reason: ZReason }))
    .mutation(({ ctx, input }) => ctx.db.transaction().execute((db) => reinstateMatter(db, ctx.user, input))),
});
