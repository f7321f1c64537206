import type { TPolicy } from '../policy/policy.schema.ts';
import { RulesError } from '../shared/errors.ts';

export interface TLadderComplaint {
  /** the complaint's id, carried to the step it led to */
  id?: string;
  staff: string;
  date: string;
  valid?: boolean;
  /** e.g. "responsibility" (责任心不强) or "procrastination" (工作拖拉) */
  cause?: string;
}

export interface TLadderStep {
  /** the nth counted complaint */
  count: number;
  date: string;
  /** the id of the complaint that led to this step, when given */
  complaint?: string;
  text: string;
  salaryDeduction: number;
  standDownDays: number;
  forfeitsMonthlyBonus: boolean;
  deductsHalfYearBonus: boolean;
  contractTerminable: boolean;
}

export interface TLadderResult {
  staff: string;
  /** counted complaints in the scope (the year of `asOf`, or the whole contract) */
  count: number;
  steps: TLadderStep[];
  /** the step reached; the last step holds for every complaint past it */
  current: TLadderStep;
}

/**
 * Policy C's complaint ladder (一(一)): valid complaints with a counted cause, per person, per calendar
 * year (or the whole contract). 1st → 100 yuan; 2nd → stand down a week, no bonus that month, half-year
 * bonus deducted; 3rd → the contract may be terminated.
 */
export function complaintLadder(
  policy: TPolicy,
  complaints: ReadonlyArray<TLadderComplaint>,
  asOf: string,
): TLadderResult[] {
  const ladder = policy.complaintLadder;
  if (!ladder) {
    throw new RulesError('UNSUPPORTED_POLICY', 'policy', `policy "${policy.code}" has no complaint ladder`);
  }
  const causes = new Set(ladder.causes);
  const year = asOf.slice(0, 4);
  const steps = [...ladder.steps].sort((a, b) => a.count - b.count);
  const byStaff = new Map<string, TLadderComplaint[]>();
  for (const c of complaints) {
    if (c.valid !== true || !causes.has(c.cause ?? '') || c.date > asOf) continue;
    if (ladder.countScope === 'year' && c.date.slice(0, 4) !== year) continue;
    const list = byStaff.get(c.staff);
    if (list) list.push(c);
    else byStaff.set(c.staff, [c]);
  }
  const out: TLadderResult[] = [];
  for (const [staff, list] of byStaff) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const reached: TLadderStep[] = list.map((c, k) => {
      const n = k + 1;
      const step = [...steps].reverse().find((s) => s.count <= n)!;
      return {
        count: n,
        date: c.date,
        ...(c.id !== undefined && { complaint: c.id }),
        text: step.text,
        salaryDeduction: step.salaryDeduction,
        standDownDays: step.standDownDays,
        forfeitsMonthlyBonus: step.forfeitsMonthlyBonus,
        deductsHalfYearBonus: step.deductsHalfYearBonus,
        contractTerminable: step.contractTerminable,
      };
    });
    out.push({ staff, count: list.length, steps: reached, current: reached[reached.length - 1]! });
  }
  return out.sort((a, b) => b.count - a.count || (a.staff < b.staff ? -1 : 1));
}

export interface TUniformViolation {
  staff: string;
  date: string;
  qty?: number;
  /** the patrol that found it (e.g. "2026-07-01 am"), for a policy that counts consecutive patrols */
  patrol?: string;
}

export interface TUniformResult {
  staff: string;
  count: number;
  /** yuan, deducted from that month's salary */
  fine: number;
  /** 没收工作服 */
  confiscate: boolean;
}

/**
 * Policy C's uniform rule (三(二)1): 10 yuan per time; 3 or more in the calendar month → the uniform is
 * confiscated. With `requiresConsecutive`, the violations must fall on consecutive patrols: pass the
 * month's patrol keys (e.g. "2026-07-01 am") in order, and each violation's `patrol` key.
 */
export function uniformConfiscation(
  policy: TPolicy,
  input: {
    year: number;
    month: number;
    violations: ReadonlyArray<TUniformViolation>;
    patrols?: ReadonlyArray<string>;
  },
): TUniformResult[] {
  const rule = policy.uniform;
  if (!rule)
    throw new RulesError('UNSUPPORTED_POLICY', 'policy', `policy "${policy.code}" has no uniform rule`);
  const prefix = `${input.year}-${String(input.month).padStart(2, '0')}-`;
  const byStaff = new Map<string, { count: number; patrols: Set<string> }>();
  for (const v of input.violations) {
    if (!v.date.startsWith(prefix)) continue;
    const e = byStaff.get(v.staff) ?? { count: 0, patrols: new Set<string>() };
    e.count += v.qty ?? 1;
    e.patrols.add(v.patrol ?? v.date);
    byStaff.set(v.staff, e);
  }
  const out: TUniformResult[] = [];
  for (const [staff, e] of byStaff) {
    let confiscate = e.count >= rule.confiscateAt;
    if (rule.requiresConsecutive) {
      if (!input.patrols) {
        throw new RulesError(
          'INVALID_INPUT',
          'patrols',
          'the policy counts consecutive patrols: the patrols are needed',
        );
      }
      let run = 0;
      let best = 0;
      for (const patrol of input.patrols) {
        run = e.patrols.has(patrol) ? run + 1 : 0;
        best = Math.max(best, run);
      }
      confiscate = best >= rule.confiscateAt;
    }
    out.push({ staff, count: e.count, fine: e.count * rule.finePerTime, confiscate });
  }
  return out.sort((a, b) => (a.staff < b.staff ? -1 : 1));
}

/**
 * The center's reading of the ladder's count (domain.md, policy C), to print apart from the seed's text
 * (本中心细则): only complaints verified as valid count, per calendar year or over the whole contract.
 */
export function ladderReading(countScope: 'year' | 'contract'): { zh: string; en: string } {
  return countScope === 'year'
    ? {
        zh: '投诉次数只计经核实属实的有效投诉，按自然年度累计，每年1月1日重新计算',
        en: 'Only complaints verified as valid count, per calendar year (the count restarts each 1 January)',
      }
    : {
        zh: '投诉次数只计经核实属实的有效投诉，在劳动合同期内累计，不按年度清零',
        en: 'Only complaints verified as valid count, over the whole contract (never restarted)',
      };
}
