import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/demo-generator.ts';
import { createTestDatabase, type TTestDatabase } from '../testing/test-database.ts';
import { enrichCaseWorkflowDemo } from './case-workflow.demo.ts';
import {
  listFollowUps,
  listMatterGuides,
  listWorkflowCases,
  ratingCountsByWindowMonth,
} from './case-workflow.repository.ts';

const TODAY = '2026-11-26';

// SQLite only: the demo takes a while to generate, and the repository suites cover both dialects
describe('enrichCaseWorkflowDemo', () => {
  let t: TTestDatabase;
  let centerId: number;
  let result: Awaited<ReturnType<typeof enrichCaseWorkflowDemo>>;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    centerId = (await generateDemo(t.db, { today: TODAY, caseFraction: 0.05 })).centerId;
    result = await enrichCaseWorkflowDemo(t.db, { today: TODAY });
  }, 120_000);
  afterAll(async () => {
    await t?.destroy();
  });

  it('gives every matter its service guide', async () => {
    const guides = await listMatterGuides(t.db, { centerId });
    expect(guides.length).toBe(result.matters);
    expect(
      guides.every((g) => g.legalBasis !== '' && g.materials.length > 0 && g.complaintPhone === '12345'),
    ).toBe(true);
  });

  it('puts open cases at every stage the dashboard shows', async () => {
    const open = await listWorkflowCases(t.db, {
      centerId,
      stages: ['accepted', 'awaitingMaterials', 'forwarded'],
      limit: 100_000,
    });
    const stages = new Set(open.map((c) => c.stage));
    expect(stages.has('accepted')).toBe(true);
    expect(open.every((c) => c.acceptanceCode !== null)).toBe(true);
  });

  it('rates recent decided cases mostly 非常满意, and follows up every poor rating', async () => {
    expect(result.ratings).toBeGreaterThan(100);
    const rows = await ratingCountsByWindowMonth(t.db, {
      centerId,
      fromMonth: '2026-01',
      toMonth: '2026-12',
    });
    const counts = rows.reduce((sum, r) => sum.map((n, i) => n + r.counts[i]!), [0, 0, 0, 0, 0]);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(result.ratings);
    expect(counts[0]! / total).toBeGreaterThan(0.7);
    expect((await listFollowUps(t.db, { centerId })).length).toBe(counts[3]! + counts[4]!);
  });
});
