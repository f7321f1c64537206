import { complaintVetoes } from '../complaints/complaint-consequences.ts';
import { FLAGS, type TFlag, type TGrade, type TItem, type TPolicy } from '../policy/policy.schema.ts';
import { aggravationHundredths, checkRecordItem, unitPointsHundredths } from '../records/conduct-record.ts';
import type { TScenario } from '../scenario/scenario.schema.ts';
import { previousQuarter, quarterRange } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import { orderFlags, rankAndGrade } from './grading.ts';
import { peerTier } from './peer-tier.ts';

/** One person's quarter: the engine's output format (examples/worked-example.json shows it). */
export interface TQuarterResult {
  staff: string;
  /** category key → score after its deductions, floored (扣完为止) */
  categories: Record<string, number>;
  bonus: number;
  total: number;
  /** share of 好 among the peer ratings received; null without any */
  peerGoodShare: number | null;
  rank: number;
  grade: TGrade;
  /** 一票否决: a valid complaint in the quarter */
  vetoed: boolean;
  flags: TFlag[];
}

export interface TQuarterAssessment {
  period: { year: number; quarter: 1 | 2 | 3 | 4 };
  results: TQuarterResult[];
}

/** A person of a window from a date to a date (inclusive; '' and null: on every date). */
interface TMember {
  i: number;
  from: string;
  to: string | null;
}

const FLAG_BIT = Object.fromEntries(FLAGS.map((f, i) => [f, 1 << i])) as Record<TFlag, number>;

interface TCompiledItem {
  source: TItem;
  /** category index, or -1 for a bonus; -2 for items the quarter does not score (fines) */
  cat: number;
  /** hundredths per unit, as `recordPoints` counts them */
  points: number;
  /** hundredths per unit by level (the level's points first, `unitPointsHundredths`) */
  levels: Map<string, number> | null;
  aggravation: number;
  flagMask: number;
  isValidComplaint: boolean;
}

interface TCompiledPolicy {
  categories: { key: string; base: number; floor: number }[];
  items: Map<string, TCompiledItem>;
  peerCat: number;
  peerTiers: { minPercent: number; isMinExclusive: boolean; points: number }[];
}

const compiled = new WeakMap<TPolicy, TCompiledPolicy>();
const hundredths = (points: number) => Math.round(points * 100);

function compile(policy: TPolicy): TCompiledPolicy {
  const cached = compiled.get(policy);
  if (cached) return cached;
  const rules = policy.assessment;
  if (!rules) {
    throw new RulesError(
      'UNSUPPORTED_POLICY',
      'policy',
      `policy "${policy.code}" has no quarterly assessment`,
      `考核办法 "${policy.code}" 不含季度考核`,
    );
  }
  const catIndex = new Map(rules.categories.map((c, i) => [c.key, i]));
  const items = new Map<string, TCompiledItem>();
  for (const item of policy.items) {
    const cat =
      item.kind === 'bonus'
        ? -1
        : item.kind === 'deduction' || item.kind === 'computed'
          ? catIndex.get(item.category!)!
          : -2;
    items.set(item.code, {
      source: item,
      cat,
      points: unitPointsHundredths(item),
      levels: item.levels?.length
        ? new Map(item.levels.map((l) => [l.key, unitPointsHundredths(item, l.key)]))
        : null,
      aggravation: aggravationHundredths(item),
      flagMask: item.flags.reduce((m, f) => m | FLAG_BIT[f], 0),
      isValidComplaint: item.isValidComplaint,
    });
  }
  const result: TCompiledPolicy = {
    categories: rules.categories.map((c) => ({
      key: c.key,
      base: hundredths(c.base),
      floor: hundredths(c.floor),
    })),
    items,
    peerCat: rules.peer ? catIndex.get(rules.peer.category)! : -1,
    peerTiers: rules.peer?.tiers.map((t) => ({ ...t, points: hundredths(t.points) })) ?? [],
  };
  compiled.set(policy, result);
  return result;
}

const fail = (path: string, detail: string, detailZh: string): never => {
  throw new RulesError('INVALID_SCENARIO', path, detail, detailZh);
};

/**
 * Assesses one quarter under a points policy (考核细则): every category from its base minus its
 * deductions, floored; bonuses on top without a cap; the peer tier (C7); competition rank; grades with
 * the excellence quota and the one-vote veto; flags. Pure and order-independent: the same people and
 * records in any order give the same result.
 *
 * Throws a {@link RulesError} naming the place for a reference the policy or the scenario does not know
 * (an unknown item, staff or window, a level the item does not have). The shape of the input is the
 * edge's job ({@link parseScenarioDocument}); this function trusts field types.
 *
 * @example
 * assessQuarter(POLICY_A, { period: { year: 2026, quarter: 3 }, staff: [{ id: 's1' }], records: [] })
 */
export function assessQuarter(policy: TPolicy, scenario: TScenario): TQuarterAssessment {
  const p = compile(policy);
  const rules = policy.assessment!;
  const { year, quarter } = scenario.period;
  const { start, end } = quarterRange(year, quarter);
  const catCount = p.categories.length;

  const windowIds = new Set<string>();
  const windowUnit = new Map<string, string>();
  for (const [i, w] of (scenario.windows ?? []).entries()) {
    if (windowIds.has(w.id)) fail(`windows[${i}].id`, `duplicate window "${w.id}"`, `窗口重复 "${w.id}"`);
    windowIds.add(w.id);
    if (w.unit !== undefined) windowUnit.set(w.id, w.unit);
  }

  const staff = scenario.staff;
  const n = staff.length;
  const index = new Map<string, number>();
  // a window's people with the days they belonged to it (from, to inclusive; '' and null: always)
  const members = new Map<string, TMember[]>();
  const join = (window: string, m: TMember) => {
    const list = members.get(window);
    if (list) list.push(m);
    else members.set(window, [m]);
  };
  for (let i = 0; i < n; i++) {
    const s = staff[i]!;
    if (index.has(s.id)) fail(`staff[${i}].id`, `duplicate staff "${s.id}"`, `人员重复 "${s.id}"`);
    index.set(s.id, i);
    if (s.window !== undefined && !windowIds.has(s.window))
      fail(`staff[${i}].window`, `unknown window "${s.window}"`, `未知窗口 "${s.window}"`);
    if (s.assignments !== undefined) {
      for (const [k, a] of s.assignments.entries()) {
        if (a.window === undefined) continue;
        if (!windowIds.has(a.window))
          fail(
            `staff[${i}].assignments[${k}].window`,
            `unknown window "${a.window}"`,
            `未知窗口 "${a.window}"`,
          );
        join(a.window, { i, from: a.from, to: a.to ?? null });
      }
    } else if (s.window !== undefined) join(s.window, { i, from: '', to: null });
  }

  const deductions = new Float64Array(n * catCount);
  const bonus = new Float64Array(n);
  const flagMask = new Int32Array(n);
  const vetoed = new Uint8Array(n);

  const records = scenario.records ?? [];
  let r = 0;
  try {
    for (; r < records.length; r++) {
      const rec = records[r]!;
      const compiledItem = p.items.get(rec.item);
      // the same check as records.create: one rule, one message
      checkRecordItem(compiledItem?.source, rec);
      const it = compiledItem!;
      const points = it.levels === null ? it.points : it.levels.get(rec.level!)!;
      const qty = rec.qty ?? 1;
      let target = -1;
      let group: TMember[] | undefined;
      if (rec.staff !== undefined) {
        const t = index.get(rec.staff);
        if (t === undefined)
          fail(`records[${r}].staff`, `unknown staff "${rec.staff}"`, `未知人员 "${rec.staff}"`);
        target = t!;
      } else {
        if (!windowIds.has(rec.window!)) {
          fail(`records[${r}].window`, `unknown window "${rec.window}"`, `未知窗口 "${rec.window}"`);
        }
        group = members.get(rec.window!) ?? [];
      }
      const date = rec.date;
      if (date < start || date > end || it.cat === -2) continue;

      const amount = points * qty + (rec.aggravated === true ? it.aggravation * qty : 0);
      const cat = it.cat;
      // 考核细则 二(三): 群众投诉一票否决; a complaint from inside deducts without the veto
      const isVeto = it.isValidComplaint && rec.complaintOrigin !== 'internal';
      if (group === undefined) {
        if (cat === -1) bonus[target]! += amount;
        else deductions[target * catCount + cat]! += amount;
        flagMask[target]! |= it.flagMask;
        if (isVeto) vetoed[target] = 1;
      } else {
        for (let g = 0; g < group.length; g++) {
          const m = group[g]!;
          if (m.from > date || (m.to !== null && date > m.to)) continue;
          const t = m.i;
          if (cat === -1) bonus[t]! += amount;
          else deductions[t * catCount + cat]! += amount;
          flagMask[t]! |= it.flagMask;
          if (isVeto) vetoed[t] = 1;
        }
      }
    }
  } catch (e) {
    // a record's own refusal (checkRecordItem), placed in the scenario
    throw e instanceof RulesError && e.code === 'INVALID_RECORD'
      ? e.within(`records[${r}]`, 'INVALID_SCENARIO')
      : e;
  }

  const complaints = scenario.complaints ?? [];
  for (let c = 0; c < complaints.length; c++) {
    const cp = complaints[c]!;
    const t = index.get(cp.staff);
    if (t === undefined)
      fail(`complaints[${c}].staff`, `unknown staff "${cp.staff}"`, `未知人员 "${cp.staff}"`);
    if (cp.valid === true && complaintVetoes(cp.channel ?? '') && cp.date >= start && cp.date <= end) {
      vetoed[t!] = 1;
    }
  }

  // 互评: the share of 好 among the ratings each person received this quarter.
  const good = new Int32Array(n);
  const rated = new Int32Array(n);
  const ratings = scenario.peerRatings ?? [];
  const seen = new Set<string>();
  for (let k = 0; k < ratings.length; k++) {
    const pr = ratings[k]!;
    const rater = index.get(pr.rater);
    if (rater === undefined)
      fail(`peerRatings[${k}].rater`, `unknown staff "${pr.rater}"`, `未知人员 "${pr.rater}"`);
    const ratee = index.get(pr.ratee);
    if (ratee === undefined)
      fail(`peerRatings[${k}].ratee`, `unknown staff "${pr.ratee}"`, `未知人员 "${pr.ratee}"`);
    if (rater === ratee) fail(`peerRatings[${k}].ratee`, 'a person cannot rate themselves', '不能给自己评价');
    const key = `${rater}\u0000${ratee}`;
    if (seen.has(key)) {
      fail(
        `peerRatings[${k}]`,
        `"${pr.rater}" already rated "${pr.ratee}"`,
        `"${pr.rater}" 已评价过 "${pr.ratee}"`,
      );
    }
    seen.add(key);
    rated[ratee!]! += 1;
    if (pr.tier === 'good') good[ratee!]! += 1;
  }

  const history = new Map<string, string>();
  for (const h of scenario.history ?? []) history.set(`${h.staff}\u0000${h.year}\u0000${h.quarter}`, h.grade);
  const prev = previousQuarter({ year, quarter });

  const totals = new Float64Array(n);
  const categoryScores = new Float64Array(n * catCount);
  const bonuses = new Float64Array(n);
  const peerShare: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (rated[i] === 0) {
      peerShare[i] = null;
      if (p.peerCat >= 0) flagMask[i]! |= FLAG_BIT.noPeerData;
    } else {
      peerShare[i] = good[i]! / rated[i]!;
      if (p.peerCat >= 0) {
        const tier = peerTier(p.peerTiers, good[i]!, rated[i]!);
        if (tier) deductions[i * catCount + p.peerCat]! += tier.points;
      }
    }
    let total = 0;
    for (let c = 0; c < catCount; c++) {
      const cat = p.categories[c]!;
      const score = Math.max(cat.floor, cat.base + deductions[i * catCount + c]!);
      categoryScores[i * catCount + c] = score;
      total += score;
    }
    bonuses[i] = bonus[i]!;
    totals[i] = total + bonus[i]!;
  }

  const outcome = rankAndGrade(
    Array.from({ length: n }, (_, i) => ({
      score: totals[i]!,
      isVetoed: vetoed[i] === 1,
      group: staff[i]!.unit ?? windowUnit.get(staff[i]!.window ?? '') ?? '',
    })),
    rules,
  );

  const results: TQuarterResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = staff[i]!;
    const grade = outcome.grade[i]!;
    let mask = flagMask[i]!;
    if (outcome.isTie[i]) mask |= FLAG_BIT.tie;
    if (grade === 'incompetent') {
      mask |= FLAG_BIT.criticism;
      if (
        countIncompetentRun(history, s.id, prev, rules.returnToUnitAfter - 1) >=
        rules.returnToUnitAfter - 1
      ) {
        mask |= FLAG_BIT.returnToUnit;
      }
    }
    const categories: Record<string, number> = {};
    for (let c = 0; c < catCount; c++)
      categories[p.categories[c]!.key] = categoryScores[i * catCount + c]! / 100;
    results[i] = {
      staff: s.id,
      categories,
      bonus: bonuses[i]! / 100,
      total: totals[i]! / 100,
      peerGoodShare: peerShare[i]!,
      rank: outcome.rank[i]!,
      grade,
      vetoed: vetoed[i] === 1,
      flags: orderFlags(mask, FLAGS),
    };
  }
  results.sort((a, b) => a.rank - b.rank || (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : 0));
  return { period: { year, quarter }, results };
}

/** How many quarters in a row, going back from `from`, the history shows as 不称职 (up to `limit`). */
function countIncompetentRun(
  history: Map<string, string>,
  staff: string,
  from: { year: number; quarter: 1 | 2 | 3 | 4 },
  limit: number,
): number {
  let run = 0;
  let q = from;
  while (run < limit && history.get(`${staff}\u0000${q.year}\u0000${q.quarter}`) === 'incompetent') {
    run++;
    q = previousQuarter(q);
  }
  return run;
}
