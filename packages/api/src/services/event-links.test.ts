import { TEST_DIALECTS } from '@chuangkou/db';
import { POLICY_A } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { centerBulletinOf as bulletinOf } from './bulletin.service.ts';

/**
 * A center whose policy A, from 2026-10-01, links a valid procrastination complaint to B2, a monthly
 * red flag to D6 at a level worth 3, and nothing to a yellow card: the services must follow the data.
 */
const OWN_LINKS = {
  ...POLICY_A,
  items: POLICY_A.items.map((i) =>
    i.code === 'D6'
      ? { ...i, levels: [...(i.levels ?? []), { key: 'quarterly', name: '季度“红旗窗口”', points: 3 }] }
      : i,
  ),
  links: {
    complaints: [{ causes: ['procrastination'], item: 'B2' }],
    awards: [{ kind: 'redFlagMonthly', item: 'D6', level: 'quarterly' }],
  },
};

describe.each(TEST_DIALECTS)('links from events to items on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    await s.as('admin').policies.create({ code: 'A', effectiveFrom: '2026-10-01', body: OWN_LINKS });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const complaint = async (date: string, staffId: number) =>
    s
      .as('supervisor')
      .complaints.create({ channel: 'online', date, staffId, content: '办事拖拉，多次催办无果' });

  it("records the item the policy in force on the complaint's date links to its cause", async () => {
    const sup = s.as('supervisor');
    const person = s.f.staff[2]!.id;
    // September: the seed's links (attitude → A3)
    const september = await complaint('2026-09-10', person);
    const a3 = await sup.complaints.verify({ id: september.id, isValid: true, cause: 'attitude' });
    // October: this center's links (procrastination → B2; attitude → nothing)
    const october = await complaint('2026-10-12', person);
    const b2 = await sup.complaints.verify({ id: october.id, isValid: true, cause: 'procrastination' });
    const rude = await complaint('2026-10-13', person);
    const none = await sup.complaints.verify({ id: rude.id, isValid: true, cause: 'attitude' });
    const records = await s.as('leader').records.list({ staffId: person });
    const fromComplaints = records.filter((r) => r.source === 'complaint');
    // policy A links nothing to the October attitude complaint; policy B's F7b (30 yuan) is recorded for
    // every valid complaint, so that complaint's record is its F7b
    expect(fromComplaints.find((r) => r.id === none.recordId)).toMatchObject({
      item: 'F7b',
      sourceId: rude.id,
    });
    expect(fromComplaints.map((r) => [r.item, r.sourceId])).toEqual(
      expect.arrayContaining([
        ['A3', september.id],
        ['B2', october.id],
        ['F7b', september.id],
        ['F7b', october.id],
        ['F7b', rude.id],
      ]),
    );
    expect(fromComplaints.map((r) => r.id)).toEqual(expect.arrayContaining([a3.recordId, b2.recordId]));
    expect(fromComplaints).toHaveLength(5);
  });

  it('records the linked window item of an award, and none where the policy links none', async () => {
    const sup = s.as('supervisor');
    const windowId = s.f.windowIds[1];
    const flag = await sup.awards.grant({ windowId, kind: 'redFlagMonthly', year: 2026, month: 10 });
    const yellow = await sup.awards.grant({
      windowId,
      kind: 'yellowCard',
      year: 2026,
      month: 11,
      date: TODAY,
    });
    expect(yellow.recordId).toBeNull();
    const records = await s.as('leader').records.list({ windowId });
    expect(records.find((r) => r.id === flag.recordId)).toMatchObject({
      item: 'D6',
      level: 'quarterly',
      points: 3,
    });

    const bulletin = await bulletinOf(s.t.db, s.f.centerId, { kind: 'awards', year: 2026, month: 10 }, TODAY);
    if (bulletin.kind !== 'awards') throw new Error(bulletin.kind);
    expect(bulletin.rows).toHaveLength(1);
    expect(bulletin.rows[0]!.bonusPerPerson).toBe(3);
  });
});
