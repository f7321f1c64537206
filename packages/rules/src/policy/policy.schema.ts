import { z } from 'zod';
import { ZCaseRules } from '../cases/case-rules.schema.ts';
import { FLAGS, GRADES } from '../vocabulary/assessment.vocabulary.ts';
import { STAFF_POSTS } from '../vocabulary/conduct.vocabulary.ts';
import { seedLinks, ZLinks } from './policy-links.ts';

export {
  FLAGS,
  GRADES,
  PEER_TIERS,
  type TFlag,
  type TGrade,
  type TPeerTier,
} from '../vocabulary/assessment.vocabulary.ts';

/** Points are exact to the hundredth: the engine sums them as integer hundredths. */
const ZPoints = z
  .number()
  .finite()
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    message: 'points must be a multiple of 0.01',
  });

const ZMoney = z.number().int().nonnegative();

export const ZCategory = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** 基础分 */
  base: ZPoints,
  /** 扣完为止: a category never goes below its floor (zero in policy A). */
  floor: ZPoints.default(0),
});

export const ZLevel = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  points: ZPoints.optional(),
});

/** A cash fine (policy B) attached to an item. */
export const ZFine = z.object({
  /** yuan per unit of qty; 0 where the sanction is a forfeit */
  amount: ZMoney,
  /** 一月内出现三次以上 (three included) → report to the supervising unit */
  reportAtCount: z.number().int().positive().optional(),
  /** counted together with another clause for the report threshold (F2b with F2) */
  countsWith: z.string().optional(),
  /** always reported (F5) */
  reportAlways: z.boolean().default(false),
  /** 扣除当月绩效奖 */
  forfeitsMonthlyBonus: z.boolean().default(false),
  /** the person's section and window lose that month's excellence awards (F5) */
  barsMonthlyAwards: z.boolean().default(false),
  /** only for staff of this post (F10: the guard on duty) */
  post: z.enum(STAFF_POSTS).optional(),
});

export const ZItem = z.object({
  code: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'item codes are a capital letter and alphanumerics'),
  kind: z.enum(['deduction', 'bonus', 'computed', 'fine']),
  /** category key for deductions and computed items */
  category: z.string().optional(),
  /** the seed's own words */
  text: z.string().min(1),
  /**
   * 本中心细则: the center's own reading of the item (never the seed's words), printed apart from the
   * item's text and marked as the center's
   */
  centerRule: z.string().min(1).optional(),
  textEn: z.string().optional(),
  /** where the rule stands in the source, e.g. 考核细则 一(一)4 */
  clause: z.string().min(1),
  /** signed points per unit of qty: negative for a deduction, positive for a bonus */
  points: ZPoints.optional(),
  /** what qty counts */
  unit: z.enum(['time', 'case', 'day', 'finding', 'article', 'complaint']).default('time'),
  levels: z.array(ZLevel).optional(),
  /** 情节严重: a further signed amount per unit when the record is aggravated */
  aggravation: z.object({ points: ZPoints, text: z.string() }).optional(),
  flags: z.array(z.enum(FLAGS)).default([]),
  /** a record of this item is itself a valid complaint (A3): it vetoes 优秀 */
  isValidComplaint: z.boolean().default(false),
  /** an item applied to every person of a window (B8, D6) */
  isWindowItem: z.boolean().default(false),
  fine: ZFine.optional(),
});

export const ZPeerTier = z.object({
  /** the good share, in percent, at or above which (or strictly above, if exclusive) this tier applies */
  minPercent: z.number().min(0).max(100),
  isMinExclusive: z.boolean().default(false),
  points: ZPoints,
});

export const ZGradeBand = z.object({
  grade: z.enum(GRADES),
  /** lowest total of the band; the last band has none */
  min: ZPoints.nullable(),
});

export const ZAssessment = z.object({
  /**
   * The posts assessed: 窗口工作人员 at the front desk and in the back office (考核细则, title); the
   * guards are fined under 处罚办法 一、10 only.
   */
  posts: z.array(z.enum(STAFF_POSTS)).min(1).default(['front', 'back']),
  categories: z.array(ZCategory).min(1),
  /** C7: the computed peer-evaluation deduction */
  peer: z
    .object({
      item: z.string(),
      category: z.string(),
      /** checked top-down; the first that applies wins */
      tiers: z.array(ZPeerTier).min(1),
    })
    .optional(),
  grades: z.array(ZGradeBand).min(1),
  excellence: z.object({
    /** 前2名 */
    quota: z.number().int().positive(),
    scope: z.enum(['center', 'unit']).default('center'),
    /** a vetoed person's place passes down to the next (false: the literal reading) */
    passesDown: z.boolean().default(false),
  }),
  /** 连续二次考核为不称职 → 退回所在单位 */
  returnToUnitAfter: z.number().int().min(2).default(2),
  yearEnd: z
    .object({
      minQuarters: z.number().int().min(1).max(4).default(2),
      decimals: z.number().int().min(0).max(4).default(2),
    })
    .default({ minQuarters: 2, decimals: 2 }),
  /**
   * 公示期 of the results, in working days of the center's calendar (考核细则 二(二) posts the results
   * on the notice board; the seed gives no length, five working days is the usual public notice).
   */
  notice: z.object({ workingDays: z.number().int().min(1).max(60).default(5) }).default({ workingDays: 5 }),
});

export const ZComplaintLadder = z.object({
  /** where the ladder stands in the source (规范化服务通知 一(一)), for the page and the notice */
  clause: z.string().optional(),
  /** the source's own words, printed as regulation text */
  text: z.string().optional(),
  /** causes counted (责任心不强、工作拖拉) */
  causes: z.array(z.string()).min(1),
  /** 'year': the count restarts each calendar year; 'contract': it never restarts */
  countScope: z.enum(['year', 'contract']).default('year'),
  steps: z
    .array(
      z.object({
        count: z.number().int().positive(),
        text: z.string(),
        salaryDeduction: ZMoney.default(0),
        standDownDays: z.number().int().nonnegative().default(0),
        forfeitsMonthlyBonus: z.boolean().default(false),
        deductsHalfYearBonus: z.boolean().default(false),
        contractTerminable: z.boolean().default(false),
      }),
    )
    .min(1),
});

export const ZUniform = z.object({
  /** the item recorded for each time out of uniform (U1); its text is the regulation text */
  item: z.string(),
  finePerTime: ZMoney,
  confiscateAt: z.number().int().positive(),
  /** require the violations on consecutive patrols, not just within the month */
  requiresConsecutive: z.boolean().default(false),
});

export const ZPolicy = z
  .object({
    code: z.string().min(1),
    version: z.number().int().positive().default(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    source: z.string().min(1),
    items: z.array(ZItem),
    assessment: ZAssessment.optional(),
    complaintLadder: ZComplaintLadder.optional(),
    uniform: ZUniform.optional(),
    /** which item an event records (a valid complaint, an award); the seed's when absent ({@link seedLinks}) */
    links: ZLinks.optional(),
    /** 办件: the case rules (policy D) */
    cases: ZCaseRules.optional(),
  })
  .superRefine((p, ctx) => {
    const codes = new Set<string>();
    const categories = new Set(p.assessment?.categories.map((c) => c.key) ?? []);
    p.items.forEach((item, i) => {
      if (codes.has(item.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'code'],
          message: `duplicate item "${item.code}"`,
        });
      }
      codes.add(item.code);
      if ((item.kind === 'deduction' || item.kind === 'computed') && !categories.has(item.category ?? '')) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'category'],
          message: `unknown category "${item.category ?? ''}"`,
        });
      }
      if ((item.kind === 'deduction' || item.kind === 'bonus') && item.points === undefined) {
        const hasLevelPoints = item.levels?.length && item.levels.every((l) => l.points !== undefined);
        if (!hasLevelPoints) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'points'],
            message: 'a deduction or bonus needs points, or points on every level',
          });
        }
      }
      if (item.kind === 'fine' && !item.fine) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'fine'], message: 'a fine item needs its fine' });
      }
    });
    if (p.assessment?.peer && !categories.has(p.assessment.peer.category)) {
      ctx.addIssue({ code: 'custom', path: ['assessment', 'peer', 'category'], message: 'unknown category' });
    }
    const byCode = new Map(p.items.map((item) => [item.code, item]));
    const checkLink = (
      link: { item: string; level?: string | undefined },
      path: (string | number)[],
      isWindow: boolean,
    ) => {
      const item = byCode.get(link.item);
      if (!item) {
        ctx.addIssue({ code: 'custom', path: [...path, 'item'], message: `unknown item "${link.item}"` });
        return;
      }
      if (item.isWindowItem !== isWindow) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'item'],
          message: isWindow
            ? `item "${item.code}" is not a window item`
            : `item "${item.code}" is a window item`,
        });
      }
      const levels = item.levels ?? [];
      if (link.level === undefined ? levels.length > 0 : !levels.some((l) => l.key === link.level)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'level'],
          message: `item "${item.code}" has no level "${link.level ?? ''}"`,
        });
      }
    };
    for (const [i, link] of (p.links?.complaints ?? []).entries()) {
      checkLink(link, ['links', 'complaints', i], false);
    }
    for (const [i, link] of (p.links?.awards ?? []).entries()) checkLink(link, ['links', 'awards', i], true);
    for (const [i, link] of (p.links?.findings ?? []).entries()) {
      if (!byCode.has(link.asItem)) {
        ctx.addIssue({
          code: 'custom',
          path: ['links', 'findings', i, 'asItem'],
          message: `unknown item "${link.asItem}"`,
        });
      }
    }
  })
  .transform((p) => ({ ...p, links: p.links ?? seedLinks(p.code, p.items) }));

export type TPolicy = z.output<typeof ZPolicy>;
export type TPolicyInput = z.input<typeof ZPolicy>;
export type TItem = z.output<typeof ZItem>;
export type TCategory = z.output<typeof ZCategory>;
export type TAssessmentRules = z.output<typeof ZAssessment>;
