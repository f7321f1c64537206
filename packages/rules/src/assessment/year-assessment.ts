import { complaintVetoes } from '../complaints/complaint-consequences.ts';
import { FLAGS, type TFlag, type TGrade, type TPolicy } from '../policy/policy.schema.ts';
import { RulesError } from '../shared/errors.ts';
import { orderFlags, rankAndGrade } from './grading.ts';
import type { TQuarterAssessment } from './quarter-assessment.ts';

export interface TYearInput {
  year: number;
  /** the quarters of the year that were assessed (published or draft) */
  quarters: ReadonlyArray<TQuarterAssessment>;
  /** valid complaints of the year, beyond those already in the quarters (一票否决: 当季、年均不得评为优秀) */
  complaints?: ReadonlyArray<{ staff: string; date: string; valid?: boolean; channel?: string }>;
  /** home units, for an excellence quota scoped per unit */
  units?: Readonly<Record<string, string>>;
}

export interface TYearResult {
  staff: string;
  /** quarter → total, for the quarters the person was assessed in */
  quarterTotals: Partial<Record<1 | 2 | 3 | 4, number>>;
  quarterGrades: Partial<Record<1 | 2 | 3 | 4, TGrade>>;
  /** mean of the quarterly totals, to the policy's decimals; null when not graded */
  mean: number | null;
  rank: number | null;
  /** null: fewer assessed quarters than the policy requires (not graded for the year) */
  grade: TGrade | null;
  vetoed: boolean;
  flags: TFlag[];
}

export interface TYearAssessment {
  year: number;
  results: TYearResult[];
}

/**
 * 年终总评 (a decision where the seed is silent): the mean of the quarterly totals the person was assessed in that year,
 * graded with the quarter's bands and quota; fewer than `minQuarters` assessed quarters: not graded; any
 * valid complaint in the year bars 优秀.
 */
export function assessYear(policy: TPolicy, input: TYearInput): TYearAssessment {
  const rules = policy.assessment;
  if (!rules) {
    throw new RulesError(
      'UNSUPPORTED_POLICY',
      'policy',
      `policy "${policy.code}" has no quarterly assessment`,
    );
  }
  const byStaff = new Map<string, { totals: number[]; result: TYearResult }>();
  for (const [qi, qa] of input.quarters.entries()) {
    if (qa.period.year !== input.year) {
      throw new RulesError('INVALID_INPUT', `quarters[${qi}].period.year`, `expected ${input.year}`);
    }
    for (const r of qa.results) {
      let entry = byStaff.get(r.staff);
      if (!entry) {
        entry = {
          totals: [],
          result: {
            staff: r.staff,
            quarterTotals: {},
            quarterGrades: {},
            mean: null,
            rank: null,
            grade: null,
            vetoed: false,
            flags: [],
          },
        };
        byStaff.set(r.staff, entry);
      }
      if (entry.result.quarterTotals[qa.period.quarter] !== undefined) {
        throw new RulesError('INVALID_INPUT', `quarters[${qi}]`, `quarter ${qa.period.quarter} given twice`);
      }
      entry.totals.push(Math.round(r.total * 100));
      entry.result.quarterTotals[qa.period.quarter] = r.total;
      entry.result.quarterGrades[qa.period.quarter] = r.grade;
      if (r.vetoed) entry.result.vetoed = true;
    }
  }
  const yearPrefix = `${input.year}-`;
  for (const c of input.complaints ?? []) {
    if (c.valid === true && complaintVetoes(c.channel ?? '') && c.date.startsWith(yearPrefix)) {
      const entry = byStaff.get(c.staff);
      if (entry) entry.result.vetoed = true;
    }
  }

  const graded = [...byStaff.values()].filter((e) => e.totals.length >= rules.yearEnd.minQuarters);
  // 考核细则 二(一) 前2名, the quota taken per unit when the center sets it so: the year-end is graded
  // in the same groups as the quarters, so a graded person without a unit is an input error, never a
  // silent center-wide ranking
  if (rules.excellence.scope === 'unit') {
    const missing = graded.find((e) => input.units?.[e.result.staff] === undefined);
    if (missing) {
      throw new RulesError(
        'INVALID_INPUT',
        'units',
        `the excellence quota is per unit, but staff "${missing.result.staff}" has no unit`,
      );
    }
  }
  const scale = 10 ** rules.yearEnd.decimals;
  // mean in integer hundredths, rounded half up to the policy's decimals
  const means = graded.map((e) => {
    const sum = e.totals.reduce((a, b) => a + b, 0);
    const unit = 100 / scale;
    return Math.round(sum / e.totals.length / unit) * unit;
  });
  const outcome = rankAndGrade(
    graded.map((e, i) => ({
      score: means[i]!,
      isVetoed: e.result.vetoed,
      group: input.units?.[e.result.staff] ?? '',
    })),
    rules,
  );
  graded.forEach((e, i) => {
    e.result.mean = Math.round((means[i]! / 100) * scale) / scale;
    e.result.rank = outcome.rank[i]!;
    e.result.grade = outcome.grade[i]!;
    if (outcome.isTie[i]) e.result.flags = orderFlags(1, FLAGS);
  });

  const results = [...byStaff.values()].map((e) => e.result);
  results.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : 0),
  );
  return { year: input.year, results };
}

export interface TCadreCandidate {
  staff: string;
  reasons: ('annualExcellent' | 'excellentQuarters')[];
  excellentQuarters: number[];
  mean: number | null;
}

/**
 * 后备干部 proposals (a decision where the seed is silent): annual 优秀, or 优秀 in at least two quarters of the year,
 * with no valid complaint and no 不称职 quarter that year. Leaders confirm them against the cadre
 * conditions, which lie outside this scheme.
 */
export function cadreCandidates(year: TYearAssessment, minExcellentQuarters = 2): TCadreCandidate[] {
  const out: TCadreCandidate[] = [];
  for (const r of year.results) {
    const grades = Object.entries(r.quarterGrades) as [string, TGrade][];
    if (r.vetoed || grades.some(([, g]) => g === 'incompetent')) continue;
    const excellentQuarters = grades
      .filter(([, g]) => g === 'excellent')
      .map(([q]) => Number(q))
      .sort();
    const reasons: TCadreCandidate['reasons'] = [];
    if (r.grade === 'excellent') reasons.push('annualExcellent');
    if (excellentQuarters.length >= minExcellentQuarters) reasons.push('excellentQuarters');
    if (reasons.length > 0) out.push({ staff: r.staff, reasons, excellentQuarters, mean: r.mean });
  }
  return out.sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0) || (a.staff < b.staff ? -1 : 1));
}
