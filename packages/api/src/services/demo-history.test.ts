import { createTestDatabase, generateDemo, listRevisions, type TTestDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDemoHistory } from './demo-history.service.ts';

describe('publishDemoHistory', () => {
  let t: TTestDatabase;
  let centerId: number;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const summary = await generateDemo(t.db, {
      today: '2026-11-26',
      from: '2025-10-01',
      caseFraction: 0.01,
      hashPassword: async (p) => `plain:${p}`,
    });
    centerId = summary.centerId;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('publishes every ended quarter but the latest, with a correction as the last one’s second revision', async () => {
    expect(await publishDemoHistory(t.db, '2026-11-26')).toBe(3);
    expect(await listRevisions(t.db, centerId, 2025, 4)).toHaveLength(1);
    expect(await listRevisions(t.db, centerId, 2026, 1)).toHaveLength(1);
    const q2 = await listRevisions(t.db, centerId, 2026, 2);
    expect(q2.map((r) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, '公示期内补录表扬信加分'],
    ]);
    expect(await listRevisions(t.db, centerId, 2026, 3)).toEqual([]);
  });
});
