import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { insertUser } from '../users/users.repository.ts';
import {
  closeFollowUp,
  findFollowUp,
  insertFollowUp,
  listFollowUps,
} from './service-rating-follow-ups.repository.ts';
import {
  countServiceRatingsByWindowMonth,
  findServiceRating,
  insertServiceRating,
} from './service-ratings.repository.ts';

describe.each(TEST_DIALECTS)('service ratings repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedCaseFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const rate = async (windowId: number, day: string, level: number, comment: string | null = null) => {
    const caseId = await f.addCase(day, { windowId, stage: 'decided', decidedOn: day, handlingDays: 0 });
    return insertServiceRating(t.db, {
      caseId,
      centerId: f.centerId,
      windowId,
      staffId: f.staff[0]!.id,
      level,
      comment,
      day,
    });
  };

  it('stores one rating per case and finds it by the case', async () => {
    const r = await rate(f.windowIds[0], '2026-09-02', 2, '办事快');
    expect(await findServiceRating(t.db, r.caseId)).toEqual(r);
    await expect(insertServiceRating(t.db, { ...r, centerId: f.centerId, level: 1 })).rejects.toThrow();
    await expect(
      insertServiceRating(t.db, {
        ...r,
        caseId: await f.addCase('2026-09-02'),
        centerId: f.centerId,
        level: 6,
      }),
    ).rejects.toThrow();
  });

  it('counts the ratings of each window and month per level', async () => {
    const [w1, w2] = f.windowIds;
    for (const [w, day, level] of [
      [w1, '2026-06-03', 1],
      [w1, '2026-06-04', 1],
      [w1, '2026-06-05', 5],
      [w2, '2026-06-05', 3],
      [w1, '2026-07-01', 2],
      [w1, '2025-12-31', 1],
    ] as const)
      await rate(w, day, level);
    const rows = await countServiceRatingsByWindowMonth(t.db, {
      centerId: f.centerId,
      fromMonth: '2026-06',
      toMonth: '2026-07',
    });
    expect(rows.map((r) => [r.windowName, r.month, r.counts])).toEqual([
      ['不动产登记1号窗口', '2026-06', [2, 0, 0, 0, 1]],
      ['不动产登记2号窗口', '2026-06', [0, 0, 1, 0, 0]],
      ['不动产登记1号窗口', '2026-07', [0, 1, 0, 0, 0]],
    ]);
    const one = await countServiceRatingsByWindowMonth(t.db, {
      centerId: f.centerId,
      fromMonth: '2026-06',
      toMonth: '2026-06',
      windowId: w2,
    });
    expect(one.map((r) => r.counts)).toEqual([[0, 0, 1, 0, 0]]);
  });

  it('follows up a poor rating until it is closed once, with what was done', async () => {
    const poor = await rate(f.windowIds[1], '2026-10-12', 4, '等候时间长');
    const opened = await insertFollowUp(t.db, {
      caseId: poor.caseId,
      serviceRatingId: poor.id,
      centerId: f.centerId,
      openedOn: '2026-10-12',
      dueOn: '2026-11-02',
    });
    expect(opened).toMatchObject({ status: 'open', serviceRatingId: poor.id, closedOn: null });
    const listed = await listFollowUps(t.db, {
      centerId: f.centerId,
      status: 'open',
      windowId: f.windowIds[1],
    });
    expect(listed.map((r) => [r.id, r.level, r.comment, r.windowName, r.matterName])).toEqual([
      [opened.id, 4, '等候时间长', '不动产登记2号窗口', '不动产转移登记'],
    ]);
    const supervisor = await insertUser(t.db, {
      centerId: f.centerId,
      username: `sup_${dialect}`,
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    await closeFollowUp(t.db, opened.id, { closedOn: '2026-10-20', closedBy: supervisor.id, note: '已回访' });
    await closeFollowUp(t.db, opened.id, { closedOn: '2026-10-21', closedBy: supervisor.id, note: '再次' });
    expect(await findFollowUp(t.db, opened.id)).toMatchObject({
      status: 'closed',
      closedOn: '2026-10-20',
      note: '已回访',
    });
    expect(await listFollowUps(t.db, { centerId: f.centerId, status: 'open' })).toEqual([]);
    expect(await listFollowUps(t.db, { centerId: f.otherCenterId })).toEqual([]);
  });
});
