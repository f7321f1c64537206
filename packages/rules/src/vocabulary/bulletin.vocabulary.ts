import type { TLabels } from './label.ts';

/**
 * The printed bulletins: results and every non-standard behaviour are posted and sent to the units
 * (考核细则 二(二)); the fines summary is signed (处罚办法 二、2); the patrol form is the 巡查表.
 */
export const BULLETIN_KINDS = [
  'results',
  'behaviours',
  'fines',
  'patrol',
  'awards',
  'yearend',
  'cadres',
  // policy C (规范化服务通知): the complaint ladder's decision for a person, the uniform confiscation
  'complaintLadder',
  'uniform',
  'yellowcard',
  'unitletters',
  'ballot',
] as const;
export type TBulletinKind = (typeof BULLETIN_KINDS)[number];
/** Each kind's name: the title, the file name and the download button say the same. */
export const BULLETIN_KIND_LABELS: TLabels<TBulletinKind> = {
  results: { zh: '季度考核结果公示', en: 'Results notice' },
  behaviours: { zh: '不规范行为通报', en: 'Behaviour notice' },
  fines: { zh: '月度处罚汇总', en: 'Monthly fines' },
  patrol: { zh: '巡查值班记录表', en: 'Patrol form' },
  awards: { zh: '红旗窗口通报', en: 'Red-flag notice' },
  // the public year-end result and the internal proposal are two documents (two files)
  yearend: { zh: '年终总评', en: 'Year-end evaluation' },
  cadres: { zh: '后备干部推荐名单', en: 'Cadre-reserve proposal' },
  complaintLadder: { zh: '投诉处理决定', en: 'Complaint decision' },
  uniform: { zh: '没收工作服通知', en: 'Uniform confiscation' },
  yellowcard: { zh: '黄牌警告通报', en: 'Yellow-card notice' },
  // 向所在单位领导通报 (考核细则 二(二)), 退回所在单位 (二(一)): one letter per unit
  unitletters: { zh: '通报所在单位函', en: 'Letters to home units' },
  ballot: { zh: '季度互评表', en: 'Peer ballot' },
};
