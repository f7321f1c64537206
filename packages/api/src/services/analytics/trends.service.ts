import { caseStatsOfParts, type Db, type TCaseStats, validComplaintCountsOfParts } from '@chuangkou/db';
import { efficiencyOf, round, sumStats, type TAnalyticsInput } from './analytics-shared.ts';

/** The same day a year earlier; 29 February becomes the 28th. */
function sameDayAYearEarlier(day: string): string {
  const before = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return before.endsWith('-02-29') && !isLeapYear(Number(before.slice(0, 4)))
    ? `${before.slice(0, 8)}28`
    : before;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Trends by month and by quarter over a year: cases, on-time rate, complaints per 1,000; with the year
 * before. Two statements: the cases of both years by month, the complaints of both years by month.
 *
 * The month still running (today's, in the year asked) holds its days so far only: it is marked with
 * the day it runs to (`runningThrough`), and the same month a year earlier is counted over the same
 * span, its first day to the same day (`through`), so the two are compared on equal days (domain "Time").
 */
export async function trends(db: Db, centerId: number, input: TAnalyticsInput, today?: string) {
  const scope = { centerId, unitId: input.unitId, windowId: input.windowId };
  const yearPart = (year: number) => ({
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    group: 'month' as const,
  });
  const running = today !== undefined && Number(today.slice(0, 4)) === input.year ? today : undefined;
  const spanBefore = running
    ? {
        from: `${input.year - 1}${running.slice(4, 8)}01`,
        to: sameDayAYearEarlier(running),
        group: 'month' as const,
      }
    : undefined;
  const parts = [yearPart(input.year), yearPart(input.year - 1), ...(spanBefore ? [spanBefore] : [])];
  const [
    [months = [], monthsBefore = [], spanCases = []],
    [complaints = [], complaintsBefore = [], spanComplaints = []],
  ] = await Promise.all([caseStatsOfParts(db, scope, parts), validComplaintCountsOfParts(db, scope, parts)]);
  // a year earlier, the running month counted over its days so far only (the quarters stay whole)
  const span = spanBefore && {
    key: spanBefore.from.slice(0, 7),
    through: spanBefore.to,
    stats: spanCases[0],
    complaints: spanComplaints[0]?.count ?? 0,
  };
  const series = (
    year: number,
    months: TCaseStats[],
    complaints: { key: string; count: number }[],
    sameSpan?: typeof span,
  ) => {
    const cm = new Map(complaints.map((c) => [c.key, c.count]));
    const byMonth = months.map((m) => {
      if (sameSpan && m.key === sameSpan.key) {
        const stats = sameSpan.stats ?? sumStats([], m.key);
        return {
          month: m.key,
          complaints: sameSpan.complaints,
          per1000: stats.cases ? round((sameSpan.complaints * 1000) / stats.cases, 3) : null,
          through: sameSpan.through,
          ...efficiencyOf(stats),
        };
      }
      const n = cm.get(m.key) ?? 0;
      return {
        month: m.key,
        complaints: n,
        per1000: m.cases ? round((n * 1000) / m.cases, 3) : null,
        ...(running !== undefined && m.key === running.slice(0, 7) && { runningThrough: running }),
        ...efficiencyOf(m),
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
    lastYear: { year: input.year - 1, ...series(input.year - 1, monthsBefore, complaintsBefore, span) },
  };
}
