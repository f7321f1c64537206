import { insertPeerRating, insertStaff, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';

describe.each(TEST_DIALECTS)('peer tiers on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('puts a person in the tier the engine deducts (3 good of 10: 30 % or less, −4)', async () => {
    const ratee = s.f.staff[3]!;
    const raters = [];
    for (let i = 0; i < 10; i++) {
      raters.push(
        await insertStaff(s.t.db, {
          centerId: s.f.centerId,
          unitId: s.f.unitId,
          windowId: s.f.windowIds[1],
          name: `评价人${i}`,
          post: 'back',
          abRole: null,
          isWindowHead: false,
          from: '2020-01-01',
        }),
      );
    }
    for (const [i, rater] of raters.entries()) {
      await insertPeerRating(s.t.db, {
        centerId: s.f.centerId,
        year: 2026,
        quarter: 3,
        raterId: rater.id,
        rateeId: ratee.id,
        tier: i < 3 ? 'good' : 'medium',
      });
    }
    const leader = s.as('leader');
    const engine = (await leader.assessment.draft({ year: 2026, quarter: 3 })).results.find(
      (r) => r.staffId === ratee.id,
    );
    expect(engine?.categories.discipline).toBe(26);
    const analytics = await leader.analytics.peerTiers({ year: 2026, quarter: 3 });
    const person = analytics.deducted.filter((p) => p.staffId === ratee.id);
    expect(person).toHaveLength(1);
    expect(person[0]!.tierPoints).toBe(-4);
  });
});
