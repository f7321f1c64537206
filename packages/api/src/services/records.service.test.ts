import { TEST_DIALECTS } from '@chuangkou/db';
import { assessQuarter, parseScenarioDocument, RulesError } from '@chuangkou/rules';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';

/** The Chinese refusal `pnpm assess` gives a scenario holding this one record, without its place. */
function assessRefusal(record: Record<string, unknown>): { field: string; zh: string } {
  try {
    const { policy, scenario } = parseScenarioDocument({
      policy: 'A',
      period: { year: 2026, quarter: 3 },
      windows: [{ id: 'w1' }],
      staff: [{ id: 's1', window: 'w1' }],
      records: [{ staff: 's1', date: '2026-08-03', ...record }],
    });
    assessQuarter(policy, scenario);
  } catch (e) {
    if (!(e instanceof RulesError)) throw e;
    return { field: e.path.replace('records[0].', ''), zh: e.detailZh };
  }
  throw new Error('the scenario was accepted');
}

/** The refusal of records.create, as field and message. */
async function createRefusal(p: Promise<unknown>): Promise<{ field: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    expect(e.code).toBe('BAD_REQUEST');
    return { field: (e.cause as { field?: string }).field ?? '', message: e.message };
  }
  throw new Error('the record was accepted');
}

describe.each(TEST_DIALECTS)('records on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it.each([
    ['an unknown item', { item: 'Z9' }],
    ['a computed item', { item: 'C7' }],
    ['a missing level', { item: 'D2' }],
    ['an unknown level', { item: 'D4', level: 'county' }],
    ['a level on an item without levels', { item: 'C4', level: 'city' }],
    ['aggravation where the item has none', { item: 'A1', aggravated: true }],
  ])('refuses %s with the message pnpm assess gives', async (_, record) => {
    const expected = assessRefusal(record);
    const refused = await createRefusal(
      s.as('supervisor').records.create({ staffId: s.f.staff[0]!.id, date: '2026-08-03', ...record }),
    );
    expect(refused).toEqual({ field: expected.field, message: `${expected.field}：${expected.zh}` });
  });

  it('refuses a fine meant for another post, naming the person field', async () => {
    // the fixture's people are all front desk; F10 is the guard's
    const refused = await createRefusal(
      s.as('supervisor').records.create({ staffId: s.f.staff[0]!.id, item: 'F10', date: '2026-08-03' }),
    );
    expect(refused).toEqual({ field: 'staffId', message: 'staffId：条款 "F10" 只适用于保安人员' });
  });

  it('refuses a window item on a person and a personal item on a window', async () => {
    const sup = s.as('supervisor');
    expect(
      await createRefusal(sup.records.create({ staffId: s.f.staff[0]!.id, item: 'B8', date: '2026-08-03' })),
    ).toEqual({ field: 'windowId', message: 'windowId：条款 "B8" 针对窗口，请选择窗口' });
    expect(
      await createRefusal(sup.records.create({ windowId: s.f.windowIds[0], item: 'C4', date: '2026-08-03' })),
    ).toEqual({ field: 'staffId', message: 'staffId：条款 "C4" 针对个人，请选择工作人员' });
  });

  it('lists each record with the points or fine the rules give it', async () => {
    const sup = s.as('supervisor');
    const person = s.f.staff[3]!.id;
    const praise = await sup.records.create({
      staffId: person,
      item: 'D4',
      level: 'city',
      qty: 2,
      date: '2026-08-04',
    });
    const quarrel = await sup.records.create({
      staffId: person,
      item: 'A4',
      aggravated: true,
      date: '2026-08-04',
    });
    const fine = await sup.records.create({ staffId: person, item: 'F2', qty: 2, date: '2026-08-04' });
    const listed = await s.as('leader').records.list({ staffId: person });
    const byId = new Map(listed.map((r) => [r.id, r]));
    expect(listed).toHaveLength(3);
    expect(byId.get(praise.id)).toMatchObject({ points: 10, fine: null });
    expect(byId.get(quarrel.id)).toMatchObject({ points: -8, fine: null });
    expect(byId.get(fine.id)).toMatchObject({ points: null, fine: 60 });
  });
});
