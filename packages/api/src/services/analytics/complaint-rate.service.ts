import { caseStatsOfParts, type Db, validComplaintCountsOfParts } from '@chuangkou/db';
import { periodsOf, round, sumStats, type TAnalyticsInput, windowNames } from './analytics-shared.ts';

/**
 * 投诉率: valid complaints per 1,000 cases, by window, channel and month. Two statements (cases, then
 * complaints, each for the period and its comparisons); a month's "by month" is its own total, so it is
 * not asked twice.
 */
export async function complaintRate(db: Db, centerId: number, input: TAnalyticsInput, today?: string) {
  const { cur, prev, ly } = periodsOf(input, today);
  const scope = { centerId, unitId: input.unitId, windowId: input.windowId };
  const isMonth = input.month !== undefined;
  const [cases, complaints, names] = await Promise.all([
    caseStatsOfParts(
      db,
      scope,
      [
        { ...cur, group: 'window' },
        { ...prev, group: 'none' },
        { ...ly, group: 'none' },
        ...(isMonth ? [] : [{ ...cur, group: 'month' as const }]),
      ],
      'cases',
    ),
    validComplaintCountsOfParts(db, scope, [
      { ...cur, group: 'window' },
      { ...cur, group: 'channel' },
      { ...prev, group: 'none' },
      { ...ly, group: 'none' },
      ...(isMonth ? [] : [{ ...cur, group: 'month' as const }]),
    ]),
    windowNames(db, centerId),
  ]);
  const [casesByWindow = [], casesPrev = [], casesLy = [], monthParts = []] = cases;
  const [complaintsByWindow = [], byChannel = [], complaintsPrev = [], complaintsLy = [], cMonths = []] =
    complaints;
  const count = (groups: { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);
  const current = { cases: sumStats(casesByWindow).cases, complaints: count(complaintsByWindow) };
  const casesByMonth = isMonth
    ? current.cases > 0
      ? [{ key: cur.label, cases: current.cases }]
      : []
    : monthParts;
  const complaintsByMonth = isMonth ? [{ key: cur.label, count: current.complaints }] : cMonths;
  const rateOf = (c: number, n: number) => ({
    complaints: n,
    cases: c,
    per1000: c === 0 ? null : round((n * 1000) / c, 3),
  });
  const cw = new Map(complaintsByWindow.map((c) => [c.key, c.count]));
  const cm = new Map(complaintsByMonth.map((c) => [c.key, c.count]));
  return {
    period: cur.label,
    current: rateOf(current.cases, current.complaints),
    previous: { period: prev.label, value: rateOf(casesPrev[0]?.cases ?? 0, count(complaintsPrev)) },
    lastYear: { period: ly.label, value: rateOf(casesLy[0]?.cases ?? 0, count(complaintsLy)) },
    byWindow: casesByWindow.map((s) => {
      const n = cw.get(s.key) ?? 0;
      return {
        cases: s.cases,
        complaints: n,
        per1000: s.cases ? round((n * 1000) / s.cases, 3) : null,
        ...names.get(s.key)!,
      };
    }),
    byChannel: byChannel.map((c) => ({ channel: c.key, complaints: c.count })),
    // the month still running holds its days so far only: marked, with the day it runs to, so a chart
    // does not read its rate as a whole month's
    byMonth: casesByMonth.map((s) => {
      const n = cm.get(s.key) ?? 0;
      return {
        month: s.key,
        cases: s.cases,
        complaints: n,
        per1000: s.cases ? round((n * 1000) / s.cases, 3) : null,
        ...(today !== undefined && s.key.slice(0, 7) === today.slice(0, 7) && { runningThrough: today }),
      };
    }),
  };
}
