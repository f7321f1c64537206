import type { TCaseType } from '@chuangkou/rules';
import type { TComplaintCause } from '../database.ts';

/** Units, windows and matters of the demo center. */
export interface TDemoUnit {
  name: string;
  short: string;
  windows: number;
  matters: { name: string; type: TCaseType; days: number; weight: number }[];
}

export const DEMO_UNITS: TDemoUnit[] = [
  {
    name: '不动产登记中心',
    short: '不动产',
    windows: 6,
    matters: [
      { name: '不动产转移登记', type: 'promised', days: 5, weight: 4 },
      { name: '抵押权登记', type: 'promised', days: 3, weight: 3 },
      { name: '不动产登记资料查询', type: 'immediate', days: 0, weight: 2 },
      { name: '预告登记', type: 'promised', days: 3, weight: 1 },
      { name: '二手房交易联办', type: 'joint', days: 5, weight: 0.3 },
    ],
  },
  {
    name: '住房公积金管理中心',
    short: '公积金',
    windows: 4,
    matters: [
      { name: '公积金提取', type: 'immediate', days: 0, weight: 6 },
      { name: '公积金贷款受理', type: 'promised', days: 10, weight: 1.5 },
      { name: '缴存基数调整', type: 'immediate', days: 0, weight: 2 },
    ],
  },
  {
    name: '市场监督管理局',
    short: '市场监管',
    windows: 6,
    matters: [
      { name: '企业设立登记', type: 'promised', days: 1, weight: 4 },
      { name: '变更登记', type: 'promised', days: 1, weight: 3 },
      { name: '食品经营许可', type: 'promised', days: 7, weight: 1.5 },
      { name: '企业注销', type: 'promised', days: 3, weight: 1 },
    ],
  },
  {
    name: '税务局',
    short: '税务',
    windows: 5,
    matters: [
      { name: '发票领用', type: 'immediate', days: 0, weight: 5 },
      { name: '税务登记信息变更', type: 'immediate', days: 0, weight: 3 },
      { name: '二手房交易税费', type: 'immediate', days: 0, weight: 2 },
      { name: '二手房交易税费（联办）', type: 'joint', days: 3, weight: 0.3 },
    ],
  },
  {
    name: '人力资源和社会保障局',
    short: '人社',
    windows: 5,
    matters: [
      { name: '社保卡补换', type: 'promised', days: 5, weight: 3 },
      { name: '退休待遇核定', type: 'promised', days: 10, weight: 1 },
      { name: '失业登记', type: 'immediate', days: 0, weight: 2 },
    ],
  },
  {
    name: '公安局出入境与户政',
    short: '公安',
    windows: 4,
    matters: [
      { name: '户口迁移', type: 'promised', days: 5, weight: 2 },
      { name: '出入境证件', type: 'promised', days: 7, weight: 3 },
      { name: '居住证', type: 'promised', days: 10, weight: 1.5 },
    ],
  },
  {
    name: '住房和城乡建设局',
    short: '住建',
    windows: 3,
    matters: [
      { name: '建筑工程施工许可', type: 'joint', days: 7, weight: 1 },
      { name: '商品房预售许可', type: 'escalated', days: 20, weight: 0.3 },
      { name: '建设工程竣工验收备案', type: 'promised', days: 5, weight: 1.5 },
    ],
  },
  {
    name: '交通运输局',
    short: '交通',
    windows: 3,
    matters: [
      { name: '道路运输经营许可', type: 'promised', days: 10, weight: 1 },
      { name: '从业资格证', type: 'promised', days: 5, weight: 2 },
    ],
  },
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲红丹萍鹏飞宇婷雪琳晨浩然欣怡涵萱思远嘉俊志鑫佳颖雨亮波宁倩瑶晓燕春梅兰海峰斌';

export const PATROL_FINDINGS: { clause: string; text: string; weight: number }[] = [
  { clause: 'C4', text: '上班迟到', weight: 5 },
  { clause: 'C6', text: '未佩戴工作牌', weight: 3 },
  { clause: 'A7', text: '桌面文件摆放杂乱', weight: 3 },
  { clause: 'F8', text: '工作时间玩手机', weight: 3 },
  { clause: 'F6', text: '窗口摆放与办公无关物品', weight: 1 },
  { clause: 'C2', text: '未请假离岗', weight: 0.6 },
  { clause: 'F1', text: '早退', weight: 1 },
  { clause: 'F9', text: '前台人员未着工装', weight: 1 },
];

export const COMPLAINT_TEXTS: Record<TComplaintCause, string[]> = {
  attitude: ['工作人员态度生硬，说“不知道”', '窗口人员不耐烦，语气冷淡', '对群众咨询敷衍了事'],
  responsibility: ['材料一次性告知不全，来回跑了两趟', '电话多次无人接听', '答复前后不一致'],
  procrastination: ['办件拖拉，超过承诺时限未回复', '材料交齐后一周无进展'],
  other: ['排队时间过长', '叫号系统故障', '停车不便'],
};
