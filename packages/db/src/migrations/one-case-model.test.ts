import { caseRulesOf, parsePolicy } from '@chuangkou/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../client.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';

/** The rollup's sums recomputed from the cases of each window and day (what case_daily must hold). */
const ROLLUP_FROM_CASES = (dayColumn: string, decidedColumn: string) => sql<Record<string, unknown>>`
  select window_id, ${sql.ref(dayColumn)} as day, count(*) as cases,
    sum(case when ${sql.ref(decidedColumn)} is not null then 1 else 0 end) as completed,
    sum(case when ${sql.ref(decidedColumn)} is not null and overdue_days = 0 then 1 else 0 end) as on_time,
    sum(case when overdue_days > 0 then 1 else 0 end) as overdue,
    sum(overdue_days) as overdue_days,
    sum(case when ${sql.ref(decidedColumn)} is not null then coalesce(handling_days, 0) else 0 end) as handling_days,
    sum(case when ${sql.ref(decidedColumn)} is not null then promised_days else 0 end) as promised_days,
    sum(case when type = 'immediate' then 1 else 0 end) as immediate,
    sum(case when type = 'immediate' and ${sql.ref(decidedColumn)} is not null and handling_days = 0 then 1 else 0 end)
      as immediate_same_day
  from cases group by window_id, ${sql.ref(dayColumn)} order by window_id, ${sql.ref(dayColumn)}`;

const numbers = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'day' ? v : Number(v)])));

describe.each(TEST_DIALECTS)('migration 2026_12_02_1000_one_case_model on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;
  let before: { cases: number; ratings: number; rollup: Record<string, unknown>[] };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect, '2026_11_26_1800_login_attempts');
    f = await seedFixture(t.db, { assignedFrom: null });
    // biome-ignore lint/suspicious/noExplicitAny: the schema before this migration has no types
    const db = t.db as any;
    const matter = async (name: string, type: string, days: number) =>
      (
        await db
          .insertInto('matters')
          .values({ center_id: f.centerId, unit_id: f.unitId, name, type, promised_days: days })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id as number;
    const promised = await matter('不动产转移登记', 'promised', 3);
    const escalated = await matter('商品房预售许可', 'forwarded', 20);
    const immediate = await matter('资料查询', 'immediate', 0);
    const base = {
      center_id: f.centerId,
      unit_id: f.unitId,
      window_id: f.windowIds[0],
      staff_id: f.staff[0]!.id,
      promised_days: 3,
      overdue_days: 0,
    };
    const rows: [string, Record<string, unknown>][] = [
      // the analytics shape: no stage
      [
        'legacyDone',
        {
          ...base,
          matter_id: promised,
          type: 'promised',
          accepted_at: '2026-09-01',
          deadline: '2026-09-04',
          completed_at: '2026-09-08',
          status: 'completed',
          handling_days: 5,
          overdue_days: 2,
        },
      ],
      [
        'legacyOpen',
        {
          ...base,
          matter_id: escalated,
          type: 'forwarded',
          accepted_at: '2026-09-01',
          promised_days: 20,
          deadline: '2026-09-29',
          status: 'open',
        },
      ],
      [
        'legacyReturned',
        {
          ...base,
          matter_id: promised,
          type: 'promised',
          accepted_at: '2026-09-02',
          deadline: '2026-09-07',
          status: 'returned',
        },
      ],
      [
        'legacySameDay',
        {
          ...base,
          matter_id: immediate,
          type: 'immediate',
          accepted_at: '2026-09-02',
          promised_days: 0,
          deadline: '2026-09-02',
          completed_at: '2026-09-02',
          status: 'completed',
          handling_days: 0,
        },
      ],
      // the workflow shape
      [
        'awaiting',
        {
          ...base,
          matter_id: promised,
          type: 'promised',
          accepted_at: '2026-10-09',
          received_on: '2026-10-09',
          deadline: '2026-10-14',
          status: 'open',
          stage: 'awaitingMaterials',
          official_accepted_on: null,
          acceptance_code: 'W-1',
          missing_materials: '["委托书"]',
          supplement_count: 1,
          is_one_time_failed: 0,
          is_joint_late: 0,
          updated_at: '2026-10-09T08:00:00.000Z#abc',
        },
      ],
      [
        'forwarded',
        {
          ...base,
          matter_id: escalated,
          type: 'forwarded',
          accepted_at: '2026-10-09',
          received_on: '2026-10-09',
          promised_days: 20,
          deadline: '2026-11-06',
          status: 'open',
          stage: 'forwarded',
          official_accepted_on: '2026-10-09',
          forwarded_on: '2026-10-10',
          acceptance_code: 'W-2',
          is_joint_late: 1,
        },
      ],
      [
        'decided',
        {
          ...base,
          matter_id: promised,
          type: 'promised',
          accepted_at: '2026-10-12',
          received_on: '2026-10-12',
          deadline: '2026-10-19',
          status: 'completed',
          stage: 'decided',
          official_accepted_on: '2026-10-14',
          completed_at: '2026-10-16',
          decision: 'refused',
          return_reasons: '["不符合条件"]',
          handling_days: 2,
          acceptance_code: 'W-3',
          is_one_time_failed: 1,
        },
      ],
      [
        'returned',
        {
          ...base,
          matter_id: promised,
          type: 'promised',
          accepted_at: '2026-10-12',
          received_on: '2026-10-12',
          deadline: '2026-10-15',
          status: 'returned',
          stage: 'returned',
          official_accepted_on: '2026-10-12',
          return_reasons: '["不属于本机关职权"]',
          acceptance_code: 'W-4',
        },
      ],
    ];
    for (const [key, row] of rows)
      ids[key] = (await db.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow()).id;
    // the rollup as the old code kept it: one row per window and day of acceptance
    const rollup = numbers((await ROLLUP_FROM_CASES('accepted_at', 'completed_at').execute(t.db)).rows);
    for (const r of rollup)
      await db
        .insertInto('case_daily')
        .values({ ...r, center_id: f.centerId, unit_id: f.unitId, month: String(r.day).slice(0, 7) })
        .execute();
    const rating = await db
      .insertInto('case_ratings')
      .values({
        case_id: ids.decided,
        center_id: f.centerId,
        window_id: f.windowIds[0],
        staff_id: null,
        level: 5,
        comment: '太慢',
        day: '2026-10-16',
        month: '2026-10',
        at: 'now',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_follow_ups')
      .values({
        case_id: ids.decided,
        rating_id: rating.id,
        center_id: f.centerId,
        opened_on: '2026-10-16',
        due_on: '2026-11-06',
        status: 'open',
      })
      .execute();
    before = { cases: rows.length, ratings: 1, rollup };
    await migrateToLatest(t.db);
  }, 60_000);
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps every case, in one vocabulary: type, stage and the days of each step', async () => {
    const rows = await t.db.selectFrom('cases').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(before.cases);
    const by = (key: string) => rows.find((r) => r.id === ids[key])!;
    const pick = (key: string) => {
      const r = by(key);
      return [r.type, r.stage, r.received_on, r.accepted_on, r.deadline, r.decided_on, r.decision];
    };
    expect(pick('legacyDone')).toEqual([
      'promised',
      'decided',
      '2026-09-01',
      '2026-09-01',
      '2026-09-04',
      '2026-09-08',
      null,
    ]);
    expect(pick('legacyOpen')).toEqual([
      'escalated',
      'accepted',
      '2026-09-01',
      '2026-09-01',
      '2026-09-29',
      null,
      null,
    ]);
    expect(pick('legacyReturned')).toEqual([
      'promised',
      'returned',
      '2026-09-02',
      '2026-09-02',
      null,
      null,
      null,
    ]);
    expect(pick('awaiting')).toEqual(['promised', 'awaitingMaterials', '2026-10-09', null, null, null, null]);
    expect(pick('forwarded')).toEqual([
      'escalated',
      'forwarded',
      '2026-10-09',
      '2026-10-09',
      '2026-11-06',
      null,
      null,
    ]);
    expect(pick('decided')).toEqual([
      'promised',
      'decided',
      '2026-10-12',
      '2026-10-14',
      '2026-10-19',
      '2026-10-16',
      'refused',
    ]);
    expect(pick('returned')).toEqual(['promised', 'returned', '2026-10-12', '2026-10-12', null, null, null]);
    expect(by('awaiting')).toMatchObject({
      missing_materials: '["委托书"]',
      version: '2026-10-09T08:00:00.000Z#abc',
    });
    expect(Number(by('decided').is_one_time_notification_failed)).toBe(1);
    expect(Number(by('forwarded').is_joint_department_late)).toBe(1);
    expect(Number(by('legacyDone').overdue_days)).toBe(2);
    const columns = Object.keys(rows[0]!);
    for (const gone of ['status', 'accepted_at', 'completed_at', 'official_accepted_on', 'updated_at'])
      expect(columns).not.toContain(gone);
  });

  it('leaves the rollup equal to the cases it counts', async () => {
    expect(numbers((await ROLLUP_FROM_CASES('received_on', 'decided_on').execute(t.db)).rows)).toEqual(
      before.rollup,
    );
    const stored = await t.db
      .selectFrom('case_daily')
      .select([
        'window_id',
        'day',
        'cases',
        'completed',
        'on_time',
        'overdue',
        'overdue_days',
        'handling_days',
        'promised_days',
        'immediate',
        'immediate_same_day',
      ])
      .orderBy('window_id')
      .orderBy('day')
      .execute();
    expect(numbers(stored)).toEqual(before.rollup);
  });

  it('says escalated for matters too, and refuses the old word from now on', async () => {
    const types = await t.db.selectFrom('matters').select('type').orderBy('id').execute();
    expect(types.map((m) => m.type)).toEqual(['promised', 'escalated', 'immediate']);
    await expect(
      sql`update matters set type = 'forwarded' where type = 'escalated'`.execute(t.db),
    ).rejects.toThrow();
    await expect(
      sql`update cases set type = 'forwarded' where type = 'escalated'`.execute(t.db),
    ).rejects.toThrow();
    await expect(sql`update cases set stage = 'open'`.execute(t.db)).rejects.toThrow();
  });

  it('renames 好差评 to service ratings, with the follow-up pointing at its rating', async () => {
    const ratings = await t.db.selectFrom('service_ratings').selectAll().execute();
    expect(ratings.map((r) => [r.case_id, Number(r.level), r.comment])).toEqual([[ids.decided, 5, '太慢']]);
    const followUps = await t.db.selectFrom('service_rating_follow_ups').selectAll().execute();
    expect(followUps.map((r) => [r.case_id, r.service_rating_id, r.status])).toEqual([
      [ids.decided, ratings[0]!.id, 'open'],
    ]);
    await expect(
      t.db
        .insertInto('service_rating_follow_ups')
        .values({
          case_id: ids.decided!,
          service_rating_id: 999_999,
          center_id: f.centerId,
          opened_on: 'x',
          due_on: 'x',
          status: 'open',
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('gives every center policy D with the seed’s case rules, once', async () => {
    const policies = await t.db
      .selectFrom('policies')
      .selectAll()
      .where('code', '=', 'D')
      .orderBy('center_id')
      .execute();
    expect(policies.map((p) => [p.center_id, p.version, p.effective_from])).toEqual([
      [f.centerId, 1, '2000-01-01'],
      [f.otherCenterId, 1, '2000-01-01'],
    ]);
    const rules = caseRulesOf(parsePolicy(JSON.parse(policies[0]!.body)));
    expect(rules).toMatchObject({
      escalation: { replyDays: 15 },
      overdueSanctions: [{ item: 'B5' }, { item: 'F3' }],
    });
  });

  it('leaves foreign keys on and whole', async () => {
    if (dialect !== 'sqlite') return;
    expect(t.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.sqlite!.pragma('foreign_key_check')).toEqual([]);
    await expect(
      t.db
        .insertInto('case_events')
        .values({
          case_id: 999_999,
          center_id: f.centerId,
          kind: 'accept',
          day: 'x',
          payload: null,
          user_id: null,
          at: 'x',
        })
        .execute(),
    ).rejects.toThrow();
  });
});
