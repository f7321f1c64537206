import {
  acceptCase,
  applyCaseEvent,
  caseRulesOf,
  chinaWorkCalendar,
  DEFAULT_POLICIES,
  decisionDayCounts,
  proposeOverdueSanctions,
  type TCaseState,
  windowOverdueDays,
} from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TTestDatabase } from '../testing/test-database.ts';
import { enrichCaseWorkflowDemo } from './demo-case-workflow.ts';
import { generateDemo } from './demo-generator.ts';

// The demo's consequences are the rules' answers: its cases' deadlines, days taken and days late, and
// the overdue proposals waiting for the supervisors, are what @chuangkou/rules (which the API asks)
// gives for the same case. A Saturday as "today": an open case past its deadline is late on the next
// working day, as its 超期 alert counts it.
const TODAY = '2026-11-28';
const cal = chinaWorkCalendar();
const rules = caseRulesOf(DEFAULT_POLICIES.D);

// SQLite only: the demo takes a while to generate, and it writes the same rows on both dialects
describe('the demo generator asks the case rules', () => {
  let t: TTestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await generateDemo(t.db, { today: TODAY, from: '2026-08-01', caseFraction: 0.05 });
    await enrichCaseWorkflowDemo(t.db, { today: TODAY });
  }, 300_000);
  afterAll(async () => {
    await t?.destroy();
  });

  const stateOf = (c: {
    type: TCaseState['type'];
    staff_id: number | null;
    accepted_on: string | null;
    promised_days: number | string;
    decided_on: string | null;
  }): TCaseState => {
    const accepted = acceptCase(
      {
        type: c.type,
        acceptedBy: String(c.staff_id),
        on: c.accepted_on!,
        promisedDays: Number(c.promised_days),
      },
      cal,
    );
    return c.decided_on
      ? applyCaseEvent(accepted, { kind: 'decide', on: c.decided_on, decision: 'approved' }, cal)
      : accepted;
  };
  const rows = () =>
    t.db
      .selectFrom('cases')
      .select([
        'id',
        'type',
        'stage',
        'staff_id',
        'accepted_on',
        'promised_days',
        'deadline',
        'decided_on',
        'handling_days',
        'overdue_days',
      ])
      .where('accepted_on', 'is not', null)
      .orderBy('id')
      .execute();

  it("a decided case's deadline, days taken and days late are the rules' answer (a sample with every late one)", async () => {
    const decided = (await rows()).filter((c) => c.decided_on !== null);
    const sample = decided.filter((c, i) => i % 25 === 0 || Number(c.overdue_days) > 0);
    expect(sample.filter((c) => Number(c.overdue_days) > 0).length).toBeGreaterThan(10);
    const stored = sample.map((c) => [c.id, c.deadline, Number(c.handling_days), Number(c.overdue_days)]);
    const asked = sample.map((c) => {
      const s = stateOf(c);
      const counts = decisionDayCounts(s, cal)!;
      return [c.id, s.deadline, counts.handlingDays, counts.overdueDays];
    });
    expect(stored).toStrictEqual(asked);
  });

  it("an open case past its deadline carries the days its 超期 alert counts on the rules' clock", async () => {
    const open = (await rows()).filter(
      (c) => c.stage === 'accepted' && (c.type === 'promised' || c.type === 'immediate'),
    );
    const late = open.filter((c) => windowOverdueDays(stateOf(c), TODAY, cal) > 0);
    expect(late.length).toBeGreaterThan(0);
    expect(open.map((c) => [c.id, Number(c.overdue_days)])).toStrictEqual(
      open.map((c) => [c.id, windowOverdueDays(stateOf(c), TODAY, cal)]),
    );
  });

  it("the overdue proposals waiting for the supervisors are the rules' proposals, with their reasons", async () => {
    const proposals = await t.db
      .selectFrom('case_sanction_proposals')
      .innerJoin('cases', 'cases.id', 'case_sanction_proposals.case_id')
      .select([
        'cases.id',
        'cases.type',
        'cases.staff_id',
        'cases.accepted_on',
        'cases.promised_days',
        'cases.decided_on',
        'case_sanction_proposals.item',
        'case_sanction_proposals.qty',
        'case_sanction_proposals.day',
        'case_sanction_proposals.reason',
      ])
      .orderBy('case_sanction_proposals.id')
      .execute();
    expect(proposals.length).toBeGreaterThan(0);
    for (const p of proposals) {
      const asked = proposeOverdueSanctions(stateOf(p), cal, rules).find((r) => r.item === p.item);
      expect([p.id, p.item, Number(p.qty), p.day, p.reason]).toStrictEqual([
        p.id,
        asked?.item,
        asked?.qty,
        asked?.date,
        asked?.reason,
      ]);
    }
  });
});
