import { renderBulletin, type TBulletin } from '@chuangkou/bulletin';
import { createTestDatabase, generateDemo, type TTestDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerBulletinOf as bulletinOf } from './bulletin.service.ts';

const TODAY = '2026-11-26';

/** The demo center (a small case volume: bulletins do not read cases), on SQLite only: generating the
 * demo on PostgreSQL takes far longer, and the queries are the services' own, tested on both there. */
describe('centerBulletinOf', () => {
  let t: TTestDatabase;
  let centerId: number;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    centerId = (await generateDemo(t.db, { today: TODAY, caseFraction: 0.01 })).centerId;
  }, 120_000);
  afterAll(async () => {
    await t?.destroy();
  });

  const render = async (bulletin: TBulletin) => {
    const xlsx = await renderBulletin(bulletin);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    return xlsx;
  };

  it('gives the quarter results with names, the policy categories and a five-working-day notice', async () => {
    const bulletin = await bulletinOf(t.db, centerId, { kind: 'results', year: 2026, quarter: 3 }, TODAY);
    if (bulletin.kind !== 'results') throw new Error(bulletin.kind);
    expect(bulletin.rows.length).toBeGreaterThan(50);
    expect(bulletin.rows.every((r) => r.name.length >= 2 && !/^\d+$/.test(r.name))).toBe(true);
    expect(bulletin.categories.map((c) => c.key)).toEqual(['civility', 'skills', 'discipline']);
    expect(bulletin.noticePeriod.to > bulletin.noticePeriod.from).toBe(true);
    await render(bulletin);
  });

  it('refuses a quarter that has not begun, as assessment.quarter does', async () => {
    await expect(
      bulletinOf(t.db, centerId, { kind: 'results', year: 2027, quarter: 2 }, TODAY),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: `quarter：2027年第2季度尚未开始（今天是 ${TODAY}）`,
    });
  });

  it('lists the behaviours of a month with the policy texts, points or fines', async () => {
    const bulletin = await bulletinOf(t.db, centerId, { kind: 'behaviours', year: 2026, month: 10 }, TODAY);
    if (bulletin.kind !== 'behaviours') throw new Error(bulletin.kind);
    expect(bulletin.rows.length).toBeGreaterThan(0);
    for (const row of bulletin.rows) {
      expect(row.text.length).toBeGreaterThan(4);
      expect((row.points ?? 0) < 0 || (row.fine ?? 0) >= 0).toBe(true);
    }
    await render(bulletin);
  });

  it('sums the month fines for sign-off', async () => {
    const bulletin = await bulletinOf(t.db, centerId, { kind: 'fines', year: 2026, month: 10 }, TODAY);
    if (bulletin.kind !== 'fines') throw new Error(bulletin.kind);
    const lines = bulletin.staff.flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => bulletin.itemTexts[l.item] !== undefined)).toBe(true);
    await render(bulletin);
  });

  it('fills the patrol form of a day, or gives the blank form', async () => {
    const blank = await bulletinOf(t.db, centerId, { kind: 'patrol' }, TODAY);
    if (blank.kind !== 'patrol') throw new Error(blank.kind);
    expect(blank.clauses).toHaveLength(10);
    expect(blank.patrol).toBeUndefined();
    const patrols = await t.db
      .selectFrom('patrols')
      .select('date')
      .where('center_id', '=', centerId)
      .limit(1)
      .execute();
    const filled = await bulletinOf(t.db, centerId, { kind: 'patrol', date: patrols[0]!.date }, TODAY);
    if (filled.kind !== 'patrol') throw new Error(filled.kind);
    expect(filled.patrol?.dutyLeader).toBeTruthy();
    await render(filled);
    await expect(bulletinOf(t.db, centerId, { kind: 'patrol', date: '1999-01-04' }, TODAY)).rejects.toThrow(
      '1999-01-04没有巡查记录',
    );
  });

  it('announces the red-flag windows of a month and of a year', async () => {
    const award = await t.db
      .selectFrom('window_awards')
      .select(['year', 'month'])
      .where('kind', '=', 'redFlagMonthly')
      .executeTakeFirstOrThrow();
    const monthly = await bulletinOf(
      t.db,
      centerId,
      { kind: 'awards', year: award.year, month: award.month! },
      TODAY,
    );
    if (monthly.kind !== 'awards') throw new Error(monthly.kind);
    expect(monthly.rows.length).toBeGreaterThan(0);
    expect(monthly.rows[0]!.bonusPerPerson).toBe(2);
    expect(monthly.rows[0]!.staff.length).toBeGreaterThan(0);
    await render(monthly);
    const annual = await bulletinOf(t.db, centerId, { kind: 'awards', year: 2025 }, TODAY);
    if (annual.kind !== 'awards') throw new Error(annual.kind);
    expect(annual.rows.length).toBeGreaterThan(0);
    expect(annual.rows.every((r) => r.bonusPerPerson === 5)).toBe(true);
  });

  it('gives the year-end evaluation and the cadre candidates', async () => {
    const bulletin = await bulletinOf(t.db, centerId, { kind: 'yearend', year: 2025 }, TODAY);
    if (bulletin.kind !== 'yearend') throw new Error(bulletin.kind);
    expect(bulletin.rows.length).toBeGreaterThan(50);
    expect(bulletin.rows.some((r) => r.mean !== null)).toBe(true);
    await render(bulletin);
  });
});
