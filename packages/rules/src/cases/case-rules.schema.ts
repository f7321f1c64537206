import { z } from 'zod';
import type { TPolicy } from '../policy/policy.schema.ts';
import { RulesError } from '../shared/errors.ts';

/**
 * The case section of a policy (高新区政务服务中心窗口办件工作规程): the settings another center may write
 * differently. Policy D carries the seed's; every consumer reads them from the version in force.
 */
export const ZCaseRules = z.object({
  /** 规程 三、4: 上报件 超过15天未批复的，要向中心作出解释 */
  escalation: z.object({
    replyDays: z.number().int().positive(),
    /** the text's 天 are calendar days; a center may count working days */
    dayKind: z.enum(['calendar', 'working']),
  }),
  /** a yellow alert when this many working days or fewer are left before the deadline */
  warnWorkingDays: z.number().int().nonnegative(),
  /**
   * What a case decided after its deadline feeds, each as a proposal for a supervisor to confirm:
   * B5 under policy A (考核细则 一(二)5, per overdue working day), F3 under policy B (处罚办法, per case).
   */
  overdueSanctions: z
    .array(
      z.object({
        item: z.string().min(1),
        /** qty: one per overdue working day, or one per case */
        per: z.enum(['overdueWorkingDay', 'case']),
      }),
    )
    .default([]),
  /** 好差评 */
  serviceRatings: z.object({
    /** working days to follow up and rectify a poor rating (国办发〔2019〕51号: 15 working days) */
    followUpWorkingDays: z.number().int().positive(),
  }),
});

export type TCaseRules = z.output<typeof ZCaseRules>;
export type TCaseRulesInput = z.input<typeof ZCaseRules>;

/** The case rules of a policy version (policy D), or a RulesError naming the missing section. */
export function caseRulesOf(policy: TPolicy): TCaseRules {
  if (!policy.cases) {
    throw new RulesError(
      'INVALID_POLICY',
      'cases',
      `policy ${policy.code} has no case rules`,
      `考核办法 ${policy.code} 缺少办件规则`,
    );
  }
  return policy.cases;
}
