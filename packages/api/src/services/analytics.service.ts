import {
  caseStatsOfParts,
  type Db,
  listAwards,
  listStaff,
  listUnits,
  listWindows,
  peerTierCounts,
  staffCaseStats,
  type TCaseStats,
  validComplaintCountsOfParts,
} from '@chuangkou/db';
import { GRADES, peerTierPoints } from '@chuangkou/rules';
import { quarterView } from './assessment.service.ts';
import { lastYearOf, previousOf, rangeOf, type TPeriod } from './periods.ts';
import { policyInForce } from './policy.service.ts';

export interface TAnalyticsInput extends TPeriod {
  unitId?: number | undefined;
  windowId?: number | undefined;
}

/** A value for the period, the period before and the same period a year earlier. */
export interface TCompared<T> {
  period: string;
  current: T;
  previous: { period: string; value: T };
  lastYear: { period: string; value: T };
}

const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;
const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b));

async function compared<T>(input: TAnalyticsInput, f: (p: TPeriod) => Promise<T>): Promise<TCompared<T>> {
  const prev = previousOf(input);
  const ly = lastYearOf(input);
  const [current, previous, lastYear] = await Promise.all([f(input), f(prev), f(ly)]);
  return {
    period: rangeOf(input).label,
    current,
    previous: { period: rangeOf(prev).label, value: previous },
    lastYear: { period: rangeOf(ly).label, value: lastYear },
  };
}

/** Efficiency figures of a set of cases. */
export function efficiencyOf(s: TCaseStats | undefined) {
  const x = s ?? {
    cases: 0,
    completed: 0,
    onTime: 0,
    overdue: 0,
    overdueDays: 0,
    handlingDays: 0,
    promisedDays: 0,
    immediate: 0,
    immediateSameDay: 0,
  };
  return {
    cases: x.cases,
    completed: x.completed,
    onTimeRate: ratio(x.onTime, x.completed),
    overdue: x.overdue,
    overdueDays: x.overdueDays,
    avgHandlingDays: ratio(x.handlingDays, x.completed),
    avgPromisedDays: ratio(x.promisedDays, x.completed),
    immediate: x.immediate,
    immediateSameDayRate: ratio(x.immediateSameDay, x.immediate),
  };
}

async function windowNames(db: Db, centerId: number) {
  const [windows, units] = await Promise.all([listWindows(db, centerId), listUnits(db, centerId)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return new Map(
    windows.map((w) => [
      String(w.id),
      { windowId: w.id, windowName: w.name, unitId: w.unitId, unitName: unitName.get(w.unitId) ?? '' },
    ]),
  );
}

/** Sums case stats (a part's groups) into one. */
function sumStats(groups: TCaseStats[], key = 'all'): TCaseStats {
  const t: TCaseStats = {
    key,
    cases: 0,
    completed: 0,
    onTime: 0,
    overdue: 0,
    overdueDays: 0,
    handlingDays: 0,
    promisedDays: 0,
    immediate: 0,
    immediateSameDay: 0,
  };
  for (const g of groups) {
    t.cases += g.cases;
    t.completed += g.completed;
    t.onTime += g.onTime;
    t.overdue += g.overdue;
    t.overdueDays += g.overdueDays;
    t.handlingDays += g.handlingDays;
    t.promisedDays += g.promisedDays;
    t.immediate += g.immediate;
    t.immediateSameDay += g.immediateSameDay;
  }
  return t;
}

/** The period, the period before and the same period a year earlier, with their labels. */
function periodsOf(input: TPeriod) {
  const cur = rangeOf(input);
  const prev = rangeOf(previousOf(input));
  const ly = rangeOf(lastYearOf(input));
  return { cur, prev, ly };
}

/**
 * 窗口效能: cases, on-time rate, overdue, handling days against promised, same-day rate; best and worst
 * windows. One statement: the period by window (its total is their sum), the period before and a year
 * earlier as totals.
 */
export async function windowEfficiency(db: Db, centerId: number, input: TAnalyticsInput) {
  const { cur, prev, ly } = periodsOf(input);
  const scope = { centerId, unitId: input.unitId, windowId: input.windowId };
  const [[byWindowStats = [], prevStats = [], lyStats = []], names] = await Promise.all([
    caseStatsOfParts(db, scope, [
      { ...cur, group: 'window' },
      { ...prev, group: 'none' },
      { ...ly, group: 'none' },
    ]),
    windowNames(db, centerId),
  ]);
  // named fields first, the spread last (README, Development: object literals on hot paths)
  const byWindow = byWindowStats.map((s) => {
    const n = names.get(s.key)!;
    return {
      windowId: n.windowId,
      windowName: n.windowName,
      unitId: n.unitId,
      unitName: n.unitName,
      ...efficiencyOf(s),
    };
  });
  const ranked = byWindow
    .filter((w) => w.completed > 0)
    .sort(
      (a, b) =>
        (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || (a.avgHandlingDays ?? 0) - (b.avgHandlingDays ?? 0),
    );
  return {
    period: cur.label,
    current: efficiencyOf(byWindowStats.length ? sumStats(byWindowStats) : undefined),
    previous: { period: prev.label, value: efficiencyOf(prevStats[0]) },
    lastYear: { period: ly.label, value: efficiencyOf(lyStats[0]) },
    byWindow,
    best: ranked.slice(0, 3),
    worst: ranked.slice(-3).reverse(),
  };
}

/**
 * 窗口效能 per person of one window: the people of the window and anyone else who handled its cases in
 * the period, with the same figures as `windowEfficiency`; `staffId` null gathers cases without a handler.
 */
export async function staffEfficiency(db: Db, centerId: number, input: TPeriod & { windowId: number }) {
  const r = rangeOf(input);
  const [stats, staff] = await Promise.all([
    staffCaseStats(db, { centerId, windowId: input.windowId, from: r.from, to: r.to }),
    listStaff(db, { centerId, includeInactive: true }),
  ]);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const statsOf = new Map(stats.map((s) => [s.staffId, s]));
  const ids = new Set<number | null>(
    staff.filter((s) => s.windowId === input.windowId && s.isActive).map((s) => s.id),
  );
  for (const s of stats) ids.add(s.staffId);
  const rows = [...ids].map((id) => {
    const person = id === null ? undefined : byId.get(id);
    return {
      staffId: id,
      staffName: id === null ? '未登记经办人' : (person?.name ?? String(id)),
      isOfWindow: person?.windowId === input.windowId,
      ...efficiencyOf(statsOf.has(id) ? { key: String(id), ...statsOf.get(id)! } : undefined),
    };
  });
  rows.sort((a, b) => b.cases - a.cases || (a.staffId ?? Infinity) - (b.staffId ?? Infinity));
  return { period: r.label, windowId: input.windowId, staff: rows };
}

/**
 * 投诉率: valid complaints per 1,000 cases, by window, channel and month. Two statements (cases, then
 * complaints, each for the period and its comparisons); a month's "by month" is its own total, so it is
 * not asked twice.
 */
export async function complaintRate(db: Db, centerId: number, input: TAnalyticsInput) {
  const { cur, prev, ly } = periodsOf(input);
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
    byMonth: casesByMonth.map((s) => {
      const n = cm.get(s.key) ?? 0;
      return {
        month: s.key,
        cases: s.cases,
        complaints: n,
        per1000: s.cases ? round((n * 1000) / s.cases, 3) : null,
      };
    }),
  };
}

/** 互评: distribution of the good share and the staff in each tier of the policy, by unit. */
export async function peerTiers(db: Db, centerId: number, input: TAnalyticsInput & { quarter: number }) {
  const { to } = rangeOf(input);
  const policy = await policyInForce(db, centerId, 'A', to);
  const tiers = policy.policy.assessment?.peer?.tiers ?? [];
  // the tier table is policy data (C7), read by the engine's own rule
  const tierOf = (good: number, rated: number) => peerTierPoints(tiers, good, rated);
  const rowsOf = (p: TPeriod) =>
    peerTierCounts(db, {
      centerId,
      year: p.year,
      quarter: p.quarter ?? 1,
      unitId: input.unitId,
      windowId: input.windowId,
    });
  // the quarter itself is read once, for its totals and its people
  const current = rowsOf(input);
  const counts = async (p: TPeriod) => {
    const rows = await (p.year === input.year && p.quarter === input.quarter ? current : rowsOf(p));
    const byTier = Object.fromEntries(tiers.map((t) => [String(t.points), 0])) as Record<string, number>;
    for (const r of rows) {
      const k = String(tierOf(r.good, r.total));
      byTier[k] = (byTier[k] ?? 0) + 1;
    }
    return { rated: rows.length, byTier };
  };
  const totals = await compared({ ...input, month: undefined }, counts);
  const rows = await current;
  const [staff, units] = await Promise.all([
    listStaff(db, { centerId, includeInactive: true }),
    listUnits(db, centerId),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, staff: 0 }));
  for (const r of rows) buckets[Math.min(9, Math.floor((r.good / r.total) * 10))]!.staff++;
  const byUnit = new Map<
    number | null,
    { unitId: number | null; unitName: string; byTier: Record<string, number> }
  >();
  const people = rows.map((r) => ({
    staffId: r.staffId,
    staffName: staffName.get(r.staffId) ?? String(r.staffId),
    unitId: r.unitId,
    unitName: r.unitId === null ? '' : (unitName.get(r.unitId) ?? ''),
    goodShare: round(r.good / r.total),
    ratings: r.total,
    tierPoints: tierOf(r.good, r.total),
  }));
  for (const p of people) {
    let u = byUnit.get(p.unitId);
    if (!u) {
      u = {
        unitId: p.unitId,
        unitName: p.unitName,
        byTier: Object.fromEntries(tiers.map((t) => [String(t.points), 0])),
      };
      byUnit.set(p.unitId, u);
    }
    u.byTier[String(p.tierPoints)] = (u.byTier[String(p.tierPoints)] ?? 0) + 1;
  }
  return {
    ...totals,
    goodShareDistribution: buckets,
    byUnit: [...byUnit.values()],
    deducted: people.filter((p) => p.tierPoints < 0).sort((a, b) => a.goodShare - b.goodShare),
  };
}

/** 红旗窗口 and 黄牌警告 over time, by window. */
export async function awardsSummary(db: Db, centerId: number, input: TAnalyticsInput) {
  const names = await windowNames(db, centerId);
  const inScope = (windowId: number) => {
    const n = names.get(String(windowId));
    return (
      (input.windowId === undefined || input.windowId === windowId) &&
      (input.unitId === undefined || n?.unitId === input.unitId)
    );
  };
  // the period, the one before and a year earlier all fall in this year or the one before: one read
  const both = listAwards(db, { centerId, fromYear: input.year - 1, toYear: input.year });
  const load = async (p: TPeriod) => {
    const r = rangeOf(p);
    return (await both).filter(
      (a) => a.year === p.year && inScope(a.windowId) && a.date >= r.from && a.date <= r.to,
    );
  };
  const count = async (p: TPeriod) => {
    const a = await load(p);
    return {
      redFlagMonthly: a.filter((x) => x.kind === 'redFlagMonthly').length,
      redFlagAnnual: a.filter((x) => x.kind === 'redFlagAnnual').length,
      yellowCard: a.filter((x) => x.kind === 'yellowCard').length,
    };
  };
  const totals = await compared(input, count);
  const awards = await load(input);
  const byWindow = new Map<
    number,
    {
      windowId: number;
      windowName: string;
      unitName: string;
      redFlagMonthly: number;
      redFlagAnnual: number;
      yellowCard: number;
    }
  >();
  for (const a of awards) {
    const n = names.get(String(a.windowId));
    let w = byWindow.get(a.windowId);
    if (!w) {
      w = {
        windowId: a.windowId,
        windowName: n?.windowName ?? '',
        unitName: n?.unitName ?? '',
        redFlagMonthly: 0,
        redFlagAnnual: 0,
        yellowCard: 0,
      };
      byWindow.set(a.windowId, w);
    }
    w[a.kind]++;
  }
  const byMonth = new Map<string, { month: string; redFlag: string[]; yellowCard: string[] }>();
  for (const a of awards) {
    if (a.month === null) continue;
    const key = `${a.year}-${String(a.month).padStart(2, '0')}`;
    let m = byMonth.get(key);
    if (!m) {
      m = { month: key, redFlag: [], yellowCard: [] };
      byMonth.set(key, m);
    }
    const name = names.get(String(a.windowId))?.windowName ?? String(a.windowId);
    (a.kind === 'yellowCard' ? m.yellowCard : m.redFlag).push(name);
  }
  return {
    ...totals,
    byWindow: [...byWindow.values()].sort(
      (a, b) => b.redFlagMonthly - a.redFlagMonthly || a.yellowCard - b.yellowCard,
    ),
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    annual: awards
      .filter((a) => a.kind === 'redFlagAnnual')
      .map((a) => ({ year: a.year, ...names.get(String(a.windowId)) })),
  };
}

const SCORE_BANDS = [
  { label: '<60', min: -Infinity, max: 60 },
  { label: '60–69', min: 60, max: 70 },
  { label: '70–79', min: 70, max: 80 },
  { label: '80–89', min: 80, max: 90 },
  { label: '90–99', min: 90, max: 100 },
  { label: '≥100', min: 100, max: Infinity },
];

/** Score and grade distribution of a quarter (published snapshot, else draft). */
export async function gradeDistribution(
  db: Db,
  centerId: number,
  today: string,
  input: TAnalyticsInput & { quarter: number },
) {
  const dist = async (p: TPeriod) => {
    if (rangeOf(p).from > today) return null;
    const view = await quarterView(db, centerId, p.year, p.quarter as 1 | 2 | 3 | 4);
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
  return compared({ ...input, month: undefined }, dist);
}

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
