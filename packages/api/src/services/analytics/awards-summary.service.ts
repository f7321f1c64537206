import { type Db, listAwards } from '@chuangkou/db';
import { lastYearOf, previousOf, type TPeriod, type TRange } from '../periods.ts';
import { periodsOf, type TAnalyticsInput, windowNames } from './analytics-shared.ts';

/**
 * 红旗窗口 and 黄牌警告 over time, by window. A running period (given `today`) counts the awards dated
 * up to today and is compared with the awards dated within the same elapsed span of the period before
 * and of the same period a year earlier (Q4 to 12-02 against Q3 to 09-02 and Q4 of last year to 12-02).
 */
export async function awardsSummary(db: Db, centerId: number, input: TAnalyticsInput, today?: string) {
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
  const load = async (p: TPeriod, r: TRange) =>
    (await both).filter(
      (a) => a.year === p.year && inScope(a.windowId) && a.date >= r.from && a.date <= r.to,
    );
  const count = async (p: TPeriod, r: TRange) => {
    const a = await load(p, r);
    return {
      redFlagMonthly: a.filter((x) => x.kind === 'redFlagMonthly').length,
      redFlagAnnual: a.filter((x) => x.kind === 'redFlagAnnual').length,
      yellowCard: a.filter((x) => x.kind === 'yellowCard').length,
    };
  };
  const { cur, prev, ly } = periodsOf(input, today);
  const [current, previous, lastYear] = await Promise.all([
    count(input, cur),
    count(previousOf(input), prev),
    count(lastYearOf(input), ly),
  ]);
  const totals = {
    period: cur.label,
    current,
    previous: { period: prev.label, value: previous },
    lastYear: { period: ly.label, value: lastYear },
  };
  const awards = await load(input, cur);
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
