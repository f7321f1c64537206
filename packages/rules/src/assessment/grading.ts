import type { TAssessmentRules, TFlag, TGrade } from '../policy/policy.schema.ts';

/** One person to be ranked and graded; `score` is in integer hundredths of a point. */
export interface TGradingEntry {
  score: number;
  /** 一票否决 */
  isVetoed: boolean;
  /** the quota's group when its scope is the unit */
  group: string;
}

export interface TGradingOutcome {
  /** competition rank (1, 2, 2, 4) over everyone */
  rank: Int32Array;
  grade: TGrade[];
  isTie: Uint8Array;
}

/** Standard competition rank of `scores` (descending), over the indices given. */
function competitionRank(indices: number[], scores: ArrayLike<number>, out: Int32Array): void {
  indices.sort((a, b) => scores[b]! - scores[a]!);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    out[i] = k > 0 && scores[indices[k - 1]!] === scores[i] ? out[indices[k - 1]!]! : k + 1;
  }
}

/**
 * Ranks and grades everyone (考核细则 二(一)): 优秀 needs the excellent band's minimum, a place within the
 * quota (前2名) and no veto. The quota is taken over the center or per unit. When more people than the
 * quota hold a place, those excellent at the lowest total among them are flagged `tie` (并列).
 */
export function rankAndGrade(
  entries: ReadonlyArray<TGradingEntry>,
  rules: TAssessmentRules,
): TGradingOutcome {
  const n = entries.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = entries[i]!.score;

  const rank = new Int32Array(n);
  competitionRank(
    Array.from({ length: n }, (_, i) => i),
    scores,
    rank,
  );

  const bands = [...rules.grades].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  const excellentMin = rules.grades.find((g) => g.grade === 'excellent')?.min ?? null;
  const { quota, scope, passesDown } = rules.excellence;

  const isExcellent = new Uint8Array(n);
  const isTie = new Uint8Array(n);
  if (excellentMin !== null) {
    const minScore = Math.round(excellentMin * 100);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = scope === 'unit' ? entries[i]!.group : '';
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
    const placeRank = new Int32Array(n);
    for (const members of groups.values()) {
      // Places are ranked among the contenders: everyone (literal reading) or, when a vetoed place
      // passes down, only those not vetoed.
      const contenders = passesDown ? members.filter((i) => !entries[i]!.isVetoed) : members;
      competitionRank(contenders, scores, placeRank);
      const placed = contenders.filter((i) => placeRank[i]! <= quota);
      for (const i of placed) {
        if (scores[i]! >= minScore && !entries[i]!.isVetoed) isExcellent[i] = 1;
      }
      if (placed.length > quota) {
        let lowest = Infinity;
        for (const i of placed) lowest = Math.min(lowest, scores[i]!);
        for (const i of placed) if (isExcellent[i] && scores[i] === lowest) isTie[i] = 1;
      }
    }
  }

  const grade: TGrade[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (isExcellent[i]) {
      grade[i] = 'excellent';
      continue;
    }
    const s = scores[i]!;
    const band = bands.find(
      (b) => b.grade !== 'excellent' && (b.min === null || s >= Math.round(b.min * 100)),
    );
    grade[i] = band?.grade ?? 'incompetent';
  }
  return { rank, grade, isTie };
}

/** Orders flags as the output format fixes them. */
export function orderFlags(mask: number, flags: ReadonlyArray<TFlag>): TFlag[] {
  const out: TFlag[] = [];
  for (let b = 0; b < flags.length; b++) if (mask & (1 << b)) out.push(flags[b]!);
  return out;
}
