import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../cases/cases.repository.ts';
import { listMatters } from '../cases/matters.repository.ts';
import { listSanctionProposals } from '../cases/sanction-proposals.repository.ts';
import { listFollowUps } from '../cases/service-rating-follow-ups.repository.ts';
import { countServiceRatingsByWindowMonth } from '../cases/service-ratings.repository.ts';
import { createTestDatabase, type TTestDatabase } from '../testing/test-database.ts';
import { enrichCaseWorkflowDemo } from './demo-case-workflow.ts';
import { generateDemo } from './demo-generator.ts';

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
    const guides = await listMatters(t.db, { centerId });
    expect(guides.length).toBe(result.matters);
    expect(guides.length).toBeGreaterThan(20);
    expect(
      guides.filter((g) => g.legalBasis === '' || g.materials.length === 0 || g.complaintPhone !== '12345'),
    ).toEqual([]);
  });

  it('puts open cases at every stage the dashboard shows', async () => {
    const open = await listCases(t.db, {
      centerId,
      stages: ['accepted', 'awaitingMaterials', 'forwarded'],
      limit: 100_000,
    });
    expect(open.length).toBe(result.workflowCases);
    expect(new Set(open.map((c) => c.stage))).toEqual(
      new Set(['accepted', 'awaitingMaterials', 'forwarded']),
    );
    expect(open.filter((c) => c.acceptanceCode === null)).toEqual([]);
    const escalated = open.filter((c) => c.type === 'escalated');
    expect(escalated.length).toBeGreaterThan(0);
    expect(open.filter((c) => c.stage === 'awaitingMaterials' && c.deadline !== null)).toEqual([]);
  });

  it('gives every case its acceptance code (规程 二、2 ⑦), so no proposal shows a bare number', async () => {
    const uncoded = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('acceptance_code', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(uncoded.n)).toBe(0);
    const proposals = await listSanctionProposals(t.db, { centerId, status: 'proposed' });
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.filter((p) => p.acceptanceCode === null || !/^\d{16}$/.test(p.acceptanceCode))).toEqual(
      [],
    );
  });

  it('rates recent decided cases mostly 非常满意, and follows up every poor rating', async () => {
    expect(result.serviceRatings).toBeGreaterThan(100);
    const rows = await countServiceRatingsByWindowMonth(t.db, {
      centerId,
      fromMonth: '2026-01',
      toMonth: '2026-12',
    });
    const counts = rows.reduce((sum, r) => sum.map((n, i) => n + r.counts[i]!), [0, 0, 0, 0, 0]);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(result.serviceRatings);
    expect(counts[0]! / total).toBeGreaterThan(0.7);
    expect((await listFollowUps(t.db, { centerId })).length).toBe(counts[3]! + counts[4]!);
  });

  it('proposes what policy D names for the last weeks’ late cases, per overdue day and per case', async () => {
    const proposals = await listSanctionProposals(t.db, { centerId, status: 'proposed' });
    expect(proposals.length).toBe(result.proposals);
    expect(proposals.length).toBeGreaterThan(0);
    expect(new Set(proposals.map((p) => p.item))).toEqual(new Set(['B5', 'F3']));
    expect(proposals.filter((p) => p.item === 'F3' && p.qty !== 1)).toEqual([]);
  });
});
