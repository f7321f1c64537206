import { z } from 'zod';
import {
  AWARD_KINDS,
  COMPLAINT_CAUSES,
  type TAwardKind,
  type TComplaintCause,
} from '../vocabulary/conduct.vocabulary.ts';
import type { TPolicy } from './policy.schema.ts';

/** A complaint verified as valid (有效投诉) records an item against the person complained about. */
export const ZComplaintLink = z.object({
  /** the causes the link applies to; every cause when absent */
  causes: z.array(z.enum(COMPLAINT_CAUSES)).min(1).optional(),
  item: z.string().min(1),
  level: z.string().min(1).optional(),
  /**
   * Whether a complaint from inside (内部投诉: a colleague, another window or section) records the item
   * too. The seed names no source for A3 (由于服务态度问题而引起投诉的) nor for F7b (出现有效投诉), so this is
   * the center's reading, printed apart as 本中心解释; absent: the built-in reading of the item
   * ({@link SEED_INTERNAL_READINGS}), none for an item the seed links nothing to.
   */
  internal: z.boolean().optional(),
  /** 本中心解释 of `internal`, in the center's words; the built-in reading's words when absent */
  internalReading: z.string().min(1).optional(),
});

/** A window's award (红旗窗口, 黄牌警告) records a window item for every person of the window. */
export const ZAwardLink = z.object({
  kind: z.enum(AWARD_KINDS),
  item: z.string().min(1),
  level: z.string().min(1).optional(),
});

/**
 * A finding recorded under another policy's item (考核细则 C4 迟到) that the patrol form of this policy
 * prints in the row of one of its own items (处罚办法 一、1 无故迟到或早退): the same behaviour, two codes.
 */
export const ZFindingLink = z.object({
  item: z.string().min(1),
  asItem: z.string().min(1),
});

/**
 * Which item an event produces under a policy: the policy's own reading of "a valid complaint about
 * service attitude is A3", "a yellow card is B8 for everyone of the window". Services look the link up
 * here and record the item; none of them names an item.
 */
export const ZLinks = z.object({
  complaints: z.array(ZComplaintLink).default([]),
  awards: z.array(ZAwardLink).default([]),
  findings: z.array(ZFindingLink).default([]),
});

export type TComplaintLink = z.output<typeof ZComplaintLink>;
export type TAwardLink = z.output<typeof ZAwardLink>;
export type TFindingLink = z.output<typeof ZFindingLink>;
export type TLinks = z.output<typeof ZLinks>;

/**
 * The built-in reading of an internal complaint (内部投诉) for the seed's complaint items, each a center
 * setting (a link's `internal`), printed as 本中心解释:
 * - A3: 考核细则 一(一)3 deducts for 投诉 caused by service attitude without naming who complains, so an
 *   internal complaint of that cause deducts too;
 * - F7b: 处罚办法 一、7 speaks of the staff and 群众 (the quarrel with the public before it in the same
 *   clause), so its 30 yuan is read as a complaint of the public only.
 */
export const SEED_INTERNAL_READINGS: Readonly<Record<string, { internal: boolean; reading: string }>> = {
  A3: {
    internal: true,
    reading:
      '考核细则 一(一)3 未限定投诉来源：内部投诉经核实属服务态度问题的，同样每次扣5分（不作一票否决，一票否决限于群众投诉）',
  },
  F7b: {
    internal: false,
    reading: '处罚办法 一、7 所称有效投诉，指群众（服务对象）的投诉：内部投诉不处罚30元',
  },
};

/** The seed's links, by policy code: the default policies A and B write them as their `links`. */
export const SEED_LINKS: { readonly A: TLinks; readonly B: TLinks } = {
  A: {
    // 考核细则 一(一)3: 由于服务态度问题而引起投诉的，每次扣5分
    complaints: [{ causes: ['attitude'], item: 'A3' }],
    awards: [
      // 考核细则 一(四)6: 窗口获月度“红旗窗口”，每人另加2分；获年度“红旗窗口”，每人另加5分
      { kind: 'redFlagMonthly', item: 'D6', level: 'monthly' },
      { kind: 'redFlagAnnual', item: 'D6', level: 'annual' },
      // 考核细则 一(二)8: 窗口受黄牌警告，每人扣2分
      { kind: 'yellowCard', item: 'B8' },
    ],
    findings: [],
  },
  B: {
    // 处罚办法 一、7: 出现有效投诉，一次处罚被投诉对象30元
    complaints: [{ item: 'F7b' }],
    awards: [],
    // the patrol form's row of a 考核细则 finding: the same behaviour named by both documents
    findings: [
      { item: 'C4', asItem: 'F1' }, // 迟到、早退 ↔ 无故迟到或早退
      { item: 'C1', asItem: 'F2' }, // 旷工 ↔ 不履行请假手续无故缺勤缺岗
      { item: 'C2', asItem: 'F2' }, // 擅离工作岗位 ↔ 缺岗
      { item: 'A4', asItem: 'F7' }, // 与服务对象争吵 ↔ 与群众发生争吵
      { item: 'A3', asItem: 'F7b' }, // 服务态度引起投诉 ↔ 出现有效投诉
      { item: 'A7', asItem: 'F6' }, // 卫生不整洁 ↔ 工作台面脏乱
      { item: 'C3', asItem: 'F8' }, // 上班玩电脑游戏 ↔ 玩游戏
    ],
  },
};

/**
 * The links of a policy that does not write its own: the seed's links of its code, for the items it
 * has. A version stored before links were data reads the same links as the seed; a policy that wants
 * none writes `links: { complaints: [], awards: [] }`.
 */
export function seedLinks(code: string, items: ReadonlyArray<{ code: string }>): TLinks {
  const seed = (SEED_LINKS as Readonly<Record<string, TLinks | undefined>>)[code];
  if (!seed) return { complaints: [], awards: [], findings: [] };
  const has = new Set(items.map((i) => i.code));
  return {
    complaints: seed.complaints.filter((l) => has.has(l.item)),
    awards: seed.awards.filter((l) => has.has(l.item)),
    findings: seed.findings.filter((l) => has.has(l.asItem)),
  };
}

/** The items a valid complaint of this cause records under the policy, in the policy's order. */
export function complaintLinks(policy: TPolicy, cause: TComplaintCause): TComplaintLink[] {
  return policy.links.complaints.filter((l) => l.causes === undefined || l.causes.includes(cause));
}

/** The item of this policy whose patrol-form row prints a finding recorded as `item`, if any. */
export function findingRowItem(policy: TPolicy, item: string): string | undefined {
  return policy.links.findings.find((l) => l.item === item)?.asItem;
}

/** The window item an award of this kind records under the policy, or undefined when it records none. */
export function awardLink(policy: TPolicy, kind: TAwardKind): TAwardLink | undefined {
  return policy.links.awards.find((l) => l.kind === kind);
}
