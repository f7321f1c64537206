import { type TPolicy, type TPolicyInput, ZPolicy } from './policy.schema.ts';

/**
 * Policy D: the case rules (高新区政务服务中心窗口办件工作规程). It has no items of its own: an overdue
 * case feeds items of policies A (B5) and B (F3), proposed for a supervisor to confirm.
 */
export const POLICY_D_INPUT = {
  code: 'D',
  version: 1,
  name: '高新区政务服务中心窗口办件工作规程',
  nameEn: 'Working rules for cases at the windows',
  source: '高新区政务服务中心窗口办件工作规程',
  items: [],
  cases: {
    // 三、4: 超过15天未批复的，要向中心作出解释 (the text's 天: calendar days)
    escalation: { replyDays: 15, dayKind: 'calendar' },
    // decision: yellow on the last working day before the deadline
    warnWorkingDays: 1,
    // 考核细则 一(二)5: 每超一天扣3分 (B5); 处罚办法 一、3: 工作不力导致出现逾期件 (F3)
    overdueSanctions: [
      { item: 'B5', per: 'overdueWorkingDay' },
      { item: 'F3', per: 'case' },
    ],
    // decision: 差评 followed up within 15 working days, as the national 好差评 scheme sets
    serviceRatings: { followUpWorkingDays: 15 },
  },
} satisfies TPolicyInput;

export const POLICY_D: TPolicy = ZPolicy.parse(POLICY_D_INPUT);
