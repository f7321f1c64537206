import { type TPolicy, type TPolicyInput, ZPolicy } from './policy.schema.ts';

const SRC = '规范化服务通知';

/**
 * Policy C: the complaint ladder and the uniform rule (房屋置业担保公司加强窗口规范化服务的通知).
 */
export const POLICY_C_INPUT = {
  code: 'C',
  version: 1,
  name: '房屋置业担保公司加强窗口规范化服务的通知',
  nameEn: 'Complaint ladder and uniform rule',
  source: '房屋置业担保公司加强窗口规范化服务的通知',
  items: [
    {
      code: 'U1',
      kind: 'fine',
      clause: `${SRC} 三(二)1`,
      fine: { amount: 10 },
      text: '上班时间一律着工作制服，配戴工作挂牌。凡工作时间不着工作服者，一次罚款10元，罚款直接从当月工资中扣除。一个月连续违反3次及以上者，没收工作服',
      textEn:
        'Out of uniform (and badge) during working hours: 10 yuan each; 3 or more in a month → uniform confiscated',
    },
  ],
  // 一(一): 因责任心不强、工作拖拉，内、外部投诉一次扣除工资100元；两次待岗一周，不享受当月奖金，扣除半年奖金；三次公司有权解除合同
  complaintLadder: {
    clause: `${SRC} 一(一)`,
    text: '如有工作人员因责任心不强、工作拖拉，内、外部投诉一次，扣除工资100元；内、外部投诉两次，待岗一周，不享受当月奖金，扣除半年奖金；内、外部投诉达三次，公司有权解除合同',
    causes: ['responsibility', 'procrastination'],
    countScope: 'year',
    steps: [
      { count: 1, text: '扣除工资100元', salaryDeduction: 100 },
      {
        count: 2,
        text: '待岗一周，不享受当月奖金，扣除半年奖金',
        standDownDays: 7,
        forfeitsMonthlyBonus: true,
        deductsHalfYearBonus: true,
      },
      { count: 3, text: '公司有权解除合同', contractTerminable: true },
    ],
  },
  uniform: { item: 'U1', finePerTime: 10, confiscateAt: 3, requiresConsecutive: false },
} satisfies TPolicyInput;

export const POLICY_C: TPolicy = ZPolicy.parse(POLICY_C_INPUT);
