import { caseStatsOfParts, type Db, type TCaseStats, validComplaintCountsOfParts } from '@chuangkou/db';
import { efficiencyOf, round, sumStats, type TAnalyticsInput } from './analytics-shared.ts';

/**
 * Trends by month and by quarter over a year: cases, on-time rate, complaints per 1,000; with the year
 * before. Two statements: the cases of both years by month, the complaints of both years by month.
 */
export async function trends(db: Db, centerId: number, input: TAnalyticsInput) {
  const scope = { centerId, unitId: input.unitId, windowId: input.windowId };
  const yearPart = (year: number) => ({
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    group: 'month' as const,
  });
  const [[months = [], monthsBefore = []], [complaints = [], complaintsBefore = []]] = await Promise.all([
    caseStatsOfParts(db, scope, [yearPart(input.year), yearPart(input.year - 1)]),
    validComplaintCountsOfParts(db, scope, [yearPart(input.year), yearPart(input.year - 1)]),
  ]);
  const series = (year: number, months: TCaseStats[], complaints: { key: string; count: number }[]) => {
    const cm = new Map(complaints.map((c) => [c.key, c.count]));
    const byMonth = months.map((m) => {
      const n = cm.get(m.key) ?? 0;
      return {
        month: m.key,
        ...efficiencyOf(m),
        complaints: n,
        per1000: m.cases ? round((n * 1000) / m.cases, 3) : null,
      };
    });
    const byQuarter = [1, 2, 3, 4].map((q) => {
      const ms = months.filter((m) => Math.ceil(Number(m.key.slice(5, 7)) / 3) === q);
      const sum = sumStats(ms, `${year}Q${q}`);
      const n = ms.reduce((a, m) => a + (cm.get(m.key) ?? 0), 0);
      return {
        quarter: `${year}Q${q}`,
        ...efficiencyOf(sum),
        complaints: n,
        per1000: sum.cases ? round((n * 1000) / sum.cases, 3) : null,
      };
    });
    return { byMonth, byQuarter };
  };
  return {
    year: input.year,
    current: series(input.year, months, complaints),
    lastYear: { year: input.year - 1, ...series(input.year - 1, monthsBefore, complaintsBefore) },
  };
}
