import { type TPolicy, type TPolicyInput, ZPolicy } from './policy.schema.ts';
import { SEED_LINKS } from './policy-links.ts';

const SRC = '处罚办法';

/**
 * Policy B: monthly cash fines (新建区行政服务中心各科室各窗口绩效考核处罚办法).
 * Counted per person per calendar month; three or more under one clause → report to the supervising unit.
 */
export const POLICY_B_INPUT = {
  code: 'B',
  version: 1,
  name: '新建区行政服务中心各科室各窗口绩效考核处罚办法',
  nameEn: 'Monthly cash fines',
  source: '新建区行政服务中心各科室各窗口绩效考核处罚办法',
  links: SEED_LINKS.B,
  items: [
    {
      code: 'F1',
      kind: 'fine',
      clause: `${SRC} 一、1`,
      fine: { amount: 10 },
      text: '工作人员无故迟到或早退，无故及未获得批准没参加会议或活动（相关仪式、讲座等）的，无故不完成区行管委交待的工作任务的，一次处罚10元',
      textEn:
        'Late or leaves early, misses a meeting or activity, leaves an assigned task undone: 10 yuan each',
    },
    {
      code: 'F2',
      kind: 'fine',
      unit: 'day',
      clause: `${SRC} 一、2`,
      fine: { amount: 30, reportAtCount: 3 },
      // the clause's report sentence stands once, after F2b, as the seed writes it (both count together)
      text: '不履行请假手续无故缺勤缺岗的，每旷工一次处罚30元',
      textEn: 'Absent without leave: 30 yuan each; three or more in a month → reported',
    },
    {
      code: 'F2b',
      kind: 'fine',
      clause: `${SRC} 一、2`,
      fine: { amount: 10, reportAtCount: 3, countsWith: 'F2', post: 'front' },
      text: '窗口前台工作人员未挂胸牌上岗，一次处罚10元，一月内出现三次以上行为，向科室、窗口的主管单位通报',
      textEn: 'Front-desk staff without badge: 10 yuan each; counted with F2 for the report',
    },
    {
      code: 'F3',
      kind: 'fine',
      unit: 'case',
      clause: `${SRC} 一、3`,
      fine: { amount: 10, reportAtCount: 3 },
      text: '工作不力导致出现逾期件的，一次处罚10元，一月内出现三次以上行为，向科室、窗口的主管单位通报',
      textEn: 'Overdue case through poor work: 10 yuan each; three or more in a month → reported',
    },
    {
      code: 'F4',
      kind: 'fine',
      clause: `${SRC} 一、4`,
      fine: { amount: 30 },
      text: '影响区行政服务中心快捷高效形象的其他行为（比如“一次不跑”工作、“一网通办”工作、“减证便民”工作），处罚30元',
      // the center's decision, not the seed's: printed apart as 本中心细则
      centerRule: '违反“八个不准”而其他条款未列明的，按本条处罚，并注明所违反的“不准”',
      textEn:
        'Other harm to the center’s image: 30 yuan (the center: an unnamed breach of the eight prohibitions)',
    },
    {
      code: 'F5',
      kind: 'fine',
      clause: `${SRC} 一、5`,
      fine: { amount: 0, reportAlways: true, forfeitsMonthlyBonus: true, barsMonthlyAwards: true },
      text: '被官方媒体或上级监督部门（包括同级纪委监委会）曝光批评并且属实的，扣除当事人当月绩效奖，工作人员所在科室、窗口取消当月评先评优资格，并及时向科室、窗口的主管单位通报',
      textEn:
        'Exposed by official media or a supervising body, verified: forfeits the month’s bonus; section and window barred from that month’s awards; reported',
    },
    {
      code: 'F6',
      kind: 'fine',
      unit: 'finding',
      clause: `${SRC} 一、6`,
      fine: { amount: 10, reportAtCount: 3 },
      text: '工作台面脏乱、在窗口（包括后台）不按要求摆放办公用品或摆放非办公用品的（如电饭煲等），窗口工作人员在柜台内乱扔垃圾纸屑的，未摆放办事指南的，发现一次处罚10元，一月内出现三次以上行为，向科室、窗口的主管单位通报',
      textEn:
        'Messy desk, non-office items, litter, no service guide: 10 yuan each; three or more → reported',
    },
    {
      code: 'F7',
      kind: 'fine',
      clause: `${SRC} 一、7`,
      fine: { amount: 0, forfeitsMonthlyBonus: true },
      text: '因群众的原因与群众发生争吵，经劝阻后依然与群众发生争吵的，或者因工作人员的原因与群众发生争吵，扣除当月绩效奖',
      textEn: 'Quarrel with the public (after dissuasion, or the staff’s fault): forfeits the month’s bonus',
    },
    {
      code: 'F7b',
      kind: 'fine',
      unit: 'complaint',
      isValidComplaint: true,
      clause: `${SRC} 一、7`,
      fine: { amount: 30 },
      text: '出现有效投诉，一次处罚被投诉对象30元',
      textEn: 'Valid complaint: 30 yuan per complaint',
    },
    {
      code: 'F8',
      kind: 'fine',
      clause: `${SRC} 一、8`,
      fine: { amount: 10, reportAtCount: 3 },
      text: '违反窗口工作人员行为规范，窗口工作人员出现串岗聊天、玩手机、吃东西、打瞌睡（睡觉）、上网聊天、剪指甲、嬉笑打闹、照镜子化妆、吸烟、玩游戏、网上炒股等行为的，发现一次处罚10元，一月内出现三次以上，向科室、窗口的主管单位通报',
      textEn:
        'Chatting, phone, eating, dozing, games, make-up, smoking at the post: 10 yuan each; three or more → reported',
    },
    {
      code: 'F9',
      kind: 'fine',
      clause: `${SRC} 一、9`,
      fine: { amount: 10, reportAtCount: 3, post: 'front' },
      text: '前台人员未按规定着装（制服），将电动车摆放入大厅内的，发现一次处罚10元，一月内出现三次以上行为，向科室、窗口的主管单位通报',
      textEn: 'Front desk out of uniform, e-bike in the hall: 10 yuan each; three or more → reported',
    },
    {
      code: 'F10',
      kind: 'fine',
      clause: `${SRC} 一、10`,
      fine: { amount: 5, post: 'security' },
      text: '保安人员未按规定着工作制服的，在大门口抽烟等有损形象的，对机动车、非机动车管理不力（乱停乱放）的，一次处罚值日保安人员5元',
      textEn:
        'Security guard out of uniform, smoking at the gate, vehicles badly managed: 5 yuan to the guard on duty',
    },
  ],
} satisfies TPolicyInput;

export const POLICY_B: TPolicy = ZPolicy.parse(POLICY_B_INPUT);
