import type { Db } from '@chuangkou/db';
import { GRADES } from '@chuangkou/rules';
import { draftReads, quarterView } from '../assessment.service.ts';
import { rangeOf, type TPeriod } from '../periods.ts';
import { comparedWholeQuarter, round, type TAnalyticsInput } from './analytics-shared.ts';

const SCORE_BANDS = [
  { label: '<60', min: -Infinity, max: 60 },
  { label: '60–69', min: 60, max: 70 },
  { label: '70–79', min: 70, max: 80 },
  { label: '80–89', min: 80, max: 90 },
  { label: '90–99', min: 90, max: 100 },
  { label: '≥100', min: 100, max: Infinity },
];

/** Score and grade distribution of a quarter (published snapshot, else draft); a running one is not compared. */
export async function gradeDistribution(
  db: Db,
  centerId: number,
  today: string,
  input: TAnalyticsInput & { quarter: number },
) {
  // the quarters compared share one pass of reads each: the quarter before is also this one's history
  const reads = draftReads(db, centerId);
  const dist = async (p: TPeriod) => {
    if (rangeOf(p).from > today) return null;
    const view = await quarterView(db, centerId, p.year, p.quarter as 1 | 2 | 3 | 4, reads);
    const rows = view.results.filter(
      (r) =>
        (input.unitId === undefined || r.unitId === input.unitId) &&
        (input.windowId === undefined || r.windowId === input.windowId),
    );
    const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<(typeof GRADES)[number], number>;
    for (const r of rows) grades[r.grade]++;
    return {
      status: view.status,
      assessed: rows.length,
      meanTotal: rows.length ? round(rows.reduce((s, r) => s + r.total, 0) / rows.length, 2) : null,
      grades,
      scores: SCORE_BANDS.map((b) => ({
        band: b.label,
        staff: rows.filter((r) => r.total >= b.min && r.total < b.max).length,
      })),
    };
  };
  // grades are given for a whole quarter: a running quarter's draft is shown, compared with nothing
  return comparedWholeQuarter(input, today, '等级按整季度评定，进行中的草稿不与其他季度比较', dist);
}
