import { TEST_DIALECTS } from '@chuangkou/db';
import { POLICY_A } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';

const TOMORROW = '2026-11-27';

describe.each(TEST_DIALECTS)('policies.inForce on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    // a version of policy A effective tomorrow: A9 is new, A7 is gone
    await s.as('admin').policies.create({
      code: 'A',
      effectiveFrom: TOMORROW,
      body: {
        ...POLICY_A,
        version: 2,
        items: [
          ...POLICY_A.items.filter((i) => i.code !== 'A7'),
          {
            ...POLICY_A.items.find((i) => i.code === 'A1')!,
            code: 'A9',
            text: '新增条款：不按规定使用叫号系统的，每次扣1分',
            points: -1,
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const codes = (answer: { policies: { code: string; items: { code: string }[] }[] }) =>
    answer.policies.find((p) => p.code === 'A')!.items.map((i) => i.code);

  it("answers the versions in force on the server's today, a version effective tomorrow not yet", async () => {
    const today = await s.as('staff').policies.inForce();
    expect(today.date).toBe(TODAY);
    expect(today.policies.map((p) => [p.code, p.version])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 1],
    ]);
    expect(codes(today)).toContain('A7');
    expect(codes(today)).not.toContain('A9');
    const tomorrow = await s.as('staff').policies.inForce({ date: TOMORROW });
    expect(tomorrow.policies[0]).toMatchObject({ code: 'A', version: 2, effectiveFrom: TOMORROW });
    expect(codes(tomorrow)).toContain('A9');
  });

  it('offers exactly the items records.create accepts that day', async () => {
    const sup = s.as('supervisor');
    const offered = codes(await sup.policies.inForce());
    expect(offered).toContain('A7');
    await expect(sup.records.create({ staffId: s.f.staff[0]!.id, item: 'A9', date: TODAY })).rejects.toThrow(
      '未知的考核条款 "A9"',
    );
    await expect(
      sup.records.create({ staffId: s.f.staff[0]!.id, item: 'A7', date: TODAY }),
    ).resolves.toMatchObject({
      item: 'A7',
    });

    // the next day, on the server's clock, both sides move together
    const nextDay = createCaller(
      createContextInner({ db: s.t.db, user: s.users.supervisor, today: () => TOMORROW }),
    );
    const offeredTomorrow = codes(await nextDay.policies.inForce());
    expect(offeredTomorrow).toContain('A9');
    expect(offeredTomorrow).not.toContain('A7');
    await expect(
      nextDay.records.create({ staffId: s.f.staff[0]!.id, item: 'A9', date: TOMORROW }),
    ).resolves.toMatchObject({ item: 'A9' });
    await expect(
      nextDay.records.create({ staffId: s.f.staff[0]!.id, item: 'A7', date: TOMORROW }),
    ).rejects.toThrow('未知的考核条款 "A7"');
  });
});
