import { z } from 'zod';
import type { TContext } from '../../context.ts';
import { ZText } from '../../schemas.ts';
import { stepCase, type TStepInput } from '../../services/cases/step-case.service.ts';
import { caseProcedure } from '../../trpc.ts';
import { ZCaseDecision, ZCaseStep, ZTextList } from './case.schemas.ts';

function stepOf(ctx: TContext & { user: NonNullable<TContext['user']> }, id: number, s: TStepInput) {
  return ctx.db.transaction().execute((db) => stepCase(db, ctx.user, ctx.today(), id, s));
}

/** The steps of a case after acceptance, each a mutation on `cases` (`cases.decide`, …). */
export const caseStepProcedures = {
  /** 补办: one written notice listing every missing material; the clock stops. */
  requestMaterials: caseProcedure
    .input(
      ZCaseStep.extend({ missing: ZTextList(100, 300).min(1, { error: '须一次性列明全部需补齐的材料' }) }),
    )
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'requestMaterials', on: input.on, missing: input.missing }),
    ),
  /** Materials complete: the official acceptance day, the clock restarts. */
  materialsComplete: caseProcedure
    .input(ZCaseStep)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'materialsComplete', on: input.on })),
  /** 退回 with written reasons ("materials incomplete" is refused: that is 补办). */
  return: caseProcedure
    .input(ZCaseStep.extend({ reasons: ZTextList(20, 500).min(1, { error: '退回须书面说明理由' }) }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'return', on: input.on, reasons: input.reasons }),
    ),
  /** 联办: copies the related departments, each with its own limit in working days. */
  copyJoint: caseProcedure
    .input(
      ZCaseStep.extend({
        departments: z
          .array(z.object({ department: ZText(200), limitDays: z.number().int().min(1).max(365) }))
          .min(1)
          .max(30),
      }),
    )
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'copyJoint', on: input.on, departments: input.departments }),
    ),
  /** A related department's opinion on a joint case. */
  jointAnswer: caseProcedure
    .input(ZCaseStep.extend({ department: ZText(200), opinion: z.string().trim().max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, {
        kind: 'jointAnswer',
        on: input.on,
        department: input.department,
        opinion: input.opinion,
      }),
    ),
  /** 上报: forwarded upward. */
  forward: caseProcedure
    .input(ZCaseStep)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'forward', on: input.on })),
  /** The window's explanation to the center when the upper authority has not replied in time. */
  fileExplanation: caseProcedure
    .input(ZCaseStep.extend({ explanation: ZText(2000) }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, { kind: 'fileExplanation', on: input.on, explanation: input.explanation }),
    ),
  /** The upper authority replied: the case is back at the window. */
  upperReply: caseProcedure
    .input(ZCaseStep)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'upperReply', on: input.on })),
  /** 办结: approved, or refused with written reasons; late → the proposals of the case rules. */
  decide: caseProcedure
    .input(ZCaseStep.extend({ decision: ZCaseDecision, reasons: ZTextList(20, 500).optional() }))
    .mutation(({ ctx, input }) =>
      stepOf(ctx, input.id, {
        kind: 'decide',
        on: input.on,
        decision: input.decision,
        ...(input.reasons && { reasons: input.reasons }),
      }),
    ),
  notify: caseProcedure
    .input(ZCaseStep)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'notify', on: input.on })),
  pickUp: caseProcedure
    .input(ZCaseStep)
    .mutation(({ ctx, input }) => stepOf(ctx, input.id, { kind: 'pickUp', on: input.on })),
};
