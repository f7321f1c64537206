import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { appendCaseEvents, listCaseEvents } from './case-events.repository.ts';

describe.each(TEST_DIALECTS)('case events repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedCaseFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('appends the steps of a case and lists them in order, payloads included', async () => {
    const id = await f.addCase('2026-08-03');
    const other = await f.addCase('2026-08-03');
    const line = { caseId: id, centerId: f.centerId, userId: null };
    await appendCaseEvents(t.db, [
      { ...line, kind: 'accept', day: '2026-08-03', payload: { matterId: f.matter.id } },
      { ...line, kind: 'requestMaterials', day: '2026-08-03', payload: { missing: ['委托书'] } },
      { ...line, caseId: other, kind: 'accept', day: '2026-08-03', payload: {} },
    ]);
    await appendCaseEvents(t.db, [{ ...line, kind: 'materialsComplete', day: '2026-08-05', payload: {} }]);
    const events = await listCaseEvents(t.db, id);
    expect(events.map((e) => [e.kind, e.day, e.payload])).toEqual([
      ['accept', '2026-08-03', { matterId: f.matter.id }],
      ['requestMaterials', '2026-08-03', { missing: ['委托书'] }],
      ['materialsComplete', '2026-08-05', {}],
    ]);
    expect(events.map((e) => e.caseId)).toEqual([id, id, id]);
    expect(await appendCaseEvents(t.db, [])).toBeUndefined();
  });

  it('refuses to change or delete a line of the log', async () => {
    const id = await f.addCase('2026-08-04');
    await appendCaseEvents(t.db, [
      { caseId: id, centerId: f.centerId, userId: null, kind: 'accept', day: '2026-08-04', payload: {} },
    ]);
    await expect(
      t.db.updateTable('case_events').set({ kind: 'x' }).where('case_id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('case_events').where('case_id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await listCaseEvents(t.db, id)).toHaveLength(1);
  });
});
