import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../services/import/import-file.ts';
import { importJob } from '../services/import/import-jobs.ts';
import {
  assertMayImport,
  IMPORT_KIND_SPECS,
  IMPORT_KINDS,
  importTemplate,
  mayImport,
} from '../services/import/run-import.ts';
import { importProcedure, router } from '../trpc.ts';

const ZKind = z.enum(IMPORT_KINDS);

/**
 * 导入: the kinds and their columns, a kind's template, and a running import's progress. The file
 * itself is uploaded to `POST /api/imports/<kind>` (apps/server), which asks `imports.canUpload` first.
 */
export const importsRouter = router({
  /** The kinds this user may import (the same roles as on the command line). */
  kinds: importProcedure.query(({ ctx }) =>
    IMPORT_KINDS.filter((kind) => mayImport(ctx.user, kind)).map((kind) => ({
      kind,
      title: IMPORT_KIND_SPECS[kind].title,
      columns: IMPORT_KIND_SPECS[kind].columns.map((c) => ({ header: c.header, isRequired: c.isRequired })),
    })),
  ),
  /** The gate of an upload: who may import this kind, and the largest file taken. */
  canUpload: importProcedure.input(z.object({ kind: ZKind })).query(({ ctx, input }) => {
    assertMayImport(ctx.user, input.kind);
    return { maxBytes: MAX_IMPORT_BYTES };
  }),
  /** The kind's XLSX template (base64), its example row fit for this center. */
  template: importProcedure.input(z.object({ kind: ZKind })).query(async ({ ctx, input }) => {
    assertMayImport(ctx.user, input.kind);
    return {
      fileName: `${IMPORT_KIND_SPECS[input.kind].title}模板.xlsx`,
      base64: Buffer.from(await importTemplate(ctx.db, ctx.user.centerId, ctx.today(), input.kind)).toString(
        'base64',
      ),
    };
  }),
  /** An import this user started: its progress, then its summary, bad rows or refusal. */
  job: importProcedure
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => importJob(ctx.db, ctx.user, input.id)),
});
