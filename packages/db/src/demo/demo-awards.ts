import { awardLink, DEFAULT_POLICIES, type TAwardKind } from '@chuangkou/rules';
import { insertAward } from '../awards/awards.repository.ts';
import type { Db } from '../client.ts';
import type { TPeerTier } from '../database.ts';
import { insertRecord } from '../records/records.repository.ts';
import { demoRecord, type TDemoContext } from './demo-day.ts';
import type { TMonthStats } from './demo-history.ts';
import type { TDemoStaff } from './demo-organisation.ts';
import { addDays, monthEnd } from './demo-random.ts';

/**
 * 红旗窗口 each ended month (one to three windows with the best on-time rate, none exposed that month),
 * a yellow card now and then to one of the worst, and the annual red flag to the window with the most
 * monthly ones. Returns the number of awards (each also a record).
 */
export async function generateAwards(
  tx: Db,
  ctx: TDemoContext,
  monthly: TMonthStats,
  exposures: Map<string, Set<number>>,
): Promise<number> {
  const { rand, centerId, today } = ctx;
  let awards = 0;
  const award = async (
    windowId: number,
    kind: TAwardKind,
    when: { year: number; month: number | null; date: string },
    texts: { note: string; reason: string },
  ) => {
    // the window item the award records is the policy's link (考核细则 一(二)8, 一(四)6), as the API records it
    const link = awardLink(DEFAULT_POLICIES.A, kind);
    if (!link) throw new Error(`policy A links no item to the award ${kind}`);
    const r = await insertRecord(
      tx,
      demoRecord(centerId, {
        scheme: 'points',
        staffId: null,
        windowId,
        item: link.item,
        level: link.level ?? null,
        date: when.date,
        source: 'award',
        note: texts.note,
      }),
    );
    await insertAward(tx, {
      centerId,
      windowId,
      kind,
      year: when.year,
      month: when.month,
      date: when.date,
      reason: texts.reason,
      recordId: r.id,
      createdBy: null,
    });
    awards++;
  };
  const yearly = new Map<string, Map<number, number>>();
  for (const [month, byWindow] of [...monthly.entries()].sort()) {
    const [y, mo] = month.split('-').map(Number) as [number, number];
    const end = monthEnd(y, mo);
    if (end >= today) continue;
    const barred = exposures.get(month) ?? new Set<number>();
    const ranked = [...byWindow.entries()]
      .filter(([id, s]) => !barred.has(id) && s.completed > 0)
      .map(([id, s]) => ({ id, rate: s.onTime / s.completed + rand.next() * 0.004 }))
      .sort((a, b) => b.rate - a.rate);
    for (const w of ranked.slice(0, rand.int(1, 3))) {
      await award(
        w.id,
        'redFlagMonthly',
        { year: y, month: mo, date: end },
        { note: '月度红旗窗口', reason: '当月按时办结率领先，无有效投诉' },
      );
      const counts = yearly.get(String(y)) ?? new Map<number, number>();
      counts.set(w.id, (counts.get(w.id) ?? 0) + 1);
      yearly.set(String(y), counts);
    }
    if (rand.chance(0.25)) {
      const worst = ranked.at(-1 - rand.int(0, 2));
      if (worst) {
        const date = addDays(end, -rand.int(0, 20));
        await award(
          worst.id,
          'yellowCard',
          { year: y, month: mo, date },
          { note: '黄牌警告：办件超期较多', reason: '办件超期较多' },
        );
      }
    }
  }
  for (const [y, counts] of yearly) {
    const end = `${y}-12-31`;
    if (end >= today) continue;
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!best) continue;
    await award(
      best[0],
      'redFlagAnnual',
      { year: Number(y), month: null, date: end },
      { note: '年度红旗窗口', reason: `全年获月度红旗窗口${best[1]}次` },
    );
  }
  return awards;
}

/**
 * 互评 at the end of every ended quarter from `from`: each person rates the colleagues of their unit
 * and a few others; a weak person has a bad quarter now and then. Returns the number of ratings.
 */
export async function generatePeerRatings(
  tx: Db,
  ctx: TDemoContext,
  from: string,
  assessed: readonly TDemoStaff[],
): Promise<number> {
  const { rand, centerId, today } = ctx;
  const rows: {
    center_id: number;
    year: number;
    quarter: number;
    rater_id: number;
    ratee_id: number;
    tier: TPeerTier;
    created_at: string;
  }[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
    for (let q = 1; q <= 4; q++) {
      const end = monthEnd(y, q * 3);
      const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      if (end >= today || start < from) continue;
      const createdAt = `${end}T09:00:00.000Z`;
      const goodShare = new Map(
        assessed.map((s) => [
          s.id,
          s.quality === 'excellent' ? 0.93 : s.quality === 'weak' ? (rand.chance(0.5) ? 0.25 : 0.5) : 0.8,
        ]),
      );
      for (const rater of assessed) {
        const others = assessed.filter(
          (s) => s.id !== rater.id && (s.unitId === rater.unitId || rand.chance(0.04)),
        );
        for (const ratee of others) {
          const p = goodShare.get(ratee.id)!;
          const r = rand.next();
          rows.push({
            center_id: centerId,
            year: y,
            quarter: q,
            rater_id: rater.id,
            ratee_id: ratee.id,
            tier: r < p ? 'good' : r < p + (1 - p) * 0.75 ? 'medium' : 'poor',
            created_at: createdAt,
          });
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('peer_ratings')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
