import { TEST_DIALECTS } from '@chuangkou/db';
import { POLICY_A } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { centerBulletinOf as bulletinOf } from './bulletin.service.ts';

describe.each(TEST_DIALECTS)('bulletins ask the rules on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it("prints a leveled record's level points on the behaviours bulletin, as the engine counts them", async () => {
    // A7 graded by how bad the desk is: the item keeps its −1, each level has its own points
    await s.as('admin').policies.create({
      code: 'A',
      effectiveFrom: '2026-10-01',
      body: {
        ...POLICY_A,
        items: POLICY_A.items.map((i) =>
          i.code === 'A7'
            ? {
                ...i,
                levels: [
                  { key: 'minor', name: '轻微', points: -1 },
                  { key: 'serious', name: '严重', points: -3 },
                ],
              }
            : i,
        ),
      },
    });
    const person = s.f.staff[3]!;
    await s
      .as('supervisor')
      .records.create({ staffId: person.id, item: 'A7', level: 'serious', qty: 2, date: '2026-10-15' });
    const bulletin = await bulletinOf(
      s.t.db,
      s.f.centerId,
      { kind: 'behaviours', year: 2026, month: 10 },
      TODAY,
    );
    if (bulletin.kind !== 'behaviours') throw new Error(bulletin.kind);
    const rows = bulletin.rows.filter((r) => r.item === 'A7');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBe(-6);
    const q4 = await s.as('leader').assessment.draft({ year: 2026, quarter: 4 });
    expect(q4.results.find((r) => r.staffId === person.id)?.categories.civility).toBe(30 - 6);
  });

  it("counts the notice period on the center's calendar, its own days off included", async () => {
    const notice = async () => {
      const bulletin = await bulletinOf(
        s.t.db,
        s.f.centerId,
        { kind: 'results', year: 2026, quarter: 3 },
        TODAY,
      );
      if (bulletin.kind !== 'results') throw new Error(bulletin.kind);
      return bulletin.noticePeriod;
    };
    // a draft is dated today, Thursday 2026-11-26: five working days end on Wednesday
    expect(await notice()).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    await s.as('admin').calendar.set({ date: '2026-11-30', isWorking: false, note: '本中心停电检修' });
    expect(await notice()).toEqual({ from: '2026-11-26', to: '2026-12-03' });
  });
});
