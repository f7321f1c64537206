import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFollowUps } from '../cases/service-rating-follow-ups.repository.ts';
import {
  countServiceRatingsByWindowMonth,
  findServiceRating,
  insertServiceRating,
  insertServiceRatings,
  listCaseServiceRatings,
  ratedStagesOfCases,
} from '../cases/service-ratings.repository.ts';
import { migrateToLatest } from '../client.ts';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_03_1820_service_rating_stages on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;
  let oldCaseId: number;
  let oldRatingId: number;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_03_1820_service_rating_stages'));
    f = await seedCaseFixture(t.db);
    oldCaseId = await f.addCase('2026-11-02', { stage: 'decided', decidedOn: '2026-11-04', handlingDays: 2 });
    // biome-ignore lint/suspicious/noExplicitAny: the schema before this migration has no stage column
    const db = t.db as any;
    oldRatingId = (
      await db
        .insertInto('service_ratings')
        .values({
          case_id: oldCaseId,
          center_id: f.centerId,
          window_id: f.windowIds[0],
          staff_id: f.staff[0]!.id,
          level: 5,
          comment: '等了很久',
          day: '2026-11-04',
          month: '2026-11',
          at: '2026-11-04T08:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('service_rating_follow_ups')
      .values({
        case_id: oldCaseId,
        service_rating_id: oldRatingId,
        center_id: f.centerId,
        opened_on: '2026-11-04',
        due_on: '2026-11-25',
        status: 'open',
      })
      .execute();
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps a rating stored before as the case’s 办结 rating, with its follow-up', async () => {
    expect(await findServiceRating(t.db, oldCaseId)).toEqual({
      id: oldRatingId,
      caseId: oldCaseId,
      stage: 'decided',
      windowId: f.windowIds[0],
      staffId: f.staff[0]!.id,
      level: 5,
      comment: '等了很久',
      day: '2026-11-04',
      isAfterReset: false,
      resetCheckedAt: null,
      channel: null,
      ratedAt: null,
    });
    expect(await findServiceRating(t.db, oldCaseId, 'accepted')).toBeUndefined();
    const followUps = await listFollowUps(t.db, { centerId: f.centerId });
    expect(followUps.map((x) => [x.caseId, x.serviceRatingId, x.level])).toEqual([
      [oldCaseId, oldRatingId, 5],
    ]);
    if (t.sqlite) {
      expect(t.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(t.sqlite.pragma('foreign_key_check')).toEqual([]);
    }
  });

  it('takes one rating per case and stage: 受理 beside 办结, never a second of a stage', async () => {
    const accepted = await insertServiceRating(t.db, {
      caseId: oldCaseId,
      centerId: f.centerId,
      windowId: f.windowIds[0],
      staffId: f.staff[0]!.id,
      level: 1,
      comment: null,
      day: '2026-11-02',
      stage: 'accepted',
      channel: '窗口评价器',
      ratedAt: '2026-11-02 09:30:00',
    });
    expect(accepted).toMatchObject({
      stage: 'accepted',
      channel: '窗口评价器',
      ratedAt: '2026-11-02 09:30:00',
    });
    expect((await listCaseServiceRatings(t.db, oldCaseId)).map((r) => [r.stage, r.level])).toEqual([
      ['accepted', 1],
      ['decided', 5],
    ]);
    for (const stage of ['accepted', 'decided'] as const) {
      await expect(
        insertServiceRating(t.db, {
          caseId: oldCaseId,
          centerId: f.centerId,
          windowId: f.windowIds[0],
          staffId: null,
          level: 2,
          comment: null,
          day: '2026-11-05',
          stage,
        }),
      ).rejects.toThrow();
    }
    await expect(
      insertServiceRatings(t.db, [
        {
          caseId: oldCaseId,
          centerId: f.centerId,
          windowId: f.windowIds[0],
          staffId: null,
          level: 2,
          comment: null,
          day: '2026-11-05',
          stage: 'accepted',
        },
      ]),
    ).rejects.toThrow();
    expect(await ratedStagesOfCases(t.db, [oldCaseId, oldCaseId + 1000])).toEqual(
      new Map([
        [
          oldCaseId,
          new Map([
            ['decided', 5],
            ['accepted', 1],
          ]),
        ],
      ]),
    );
  });

  it('counts the ratings of one stage, or of both', async () => {
    const counts = async (stage?: 'accepted' | 'decided') =>
      (
        await countServiceRatingsByWindowMonth(t.db, {
          centerId: f.centerId,
          fromMonth: '2026-11',
          toMonth: '2026-11',
          stage,
        })
      ).map((r) => r.counts);
    expect(await counts()).toEqual([[1, 0, 0, 0, 1]]);
    expect(await counts('accepted')).toEqual([[1, 0, 0, 0, 0]]);
    expect(await counts('decided')).toEqual([[0, 0, 0, 0, 1]]);
  });
});
