import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar } from '../calendar/index.ts';
import { POLICY_D } from '../policy/index.ts';
import { RulesError } from '../shared/errors.ts';
import { proposeOverdueSanctions } from './case-consequences.ts';
import { caseRulesOf } from './case-rules.schema.ts';
import { acceptCase, applyCaseEvent } from './case-workflow.ts';
import { buildImportedCase, type TImportedCaseInput } from './imported-case.ts';

const cal = chinaWorkCalendar();
const rules = caseRulesOf(POLICY_D);
const base: TImportedCaseInput = {
  type: 'promised',
  promisedDays: 3,
  matterId: 7,
  staffId: 11,
  receivedOn: '2026-08-03',
};
const build = (input: Partial<TImportedCaseInput>, today = '2026-11-26') =>
  buildImportedCase({ ...base, ...input }, cal, today, () => rules);

describe('buildImportedCase', () => {
  it('gives a case decided late the state, day counts and proposals of the same steps taken at the window', () => {
    // Monday 3 Aug + 3 working days → Thursday 6 Aug; decided Tuesday 11 Aug: 3 working days late
    const c = build({ decidedOn: '2026-08-11', notifiedOn: '2026-08-12' });
    let s = acceptCase({ type: 'promised', acceptedBy: '11', on: '2026-08-03', promisedDays: 3 }, cal);
    s = applyCaseEvent(s, { kind: 'decide', on: '2026-08-11', decision: 'approved' }, cal);
    s = applyCaseEvent(s, { kind: 'notify', on: '2026-08-12' }, cal);
    expect(c.state).toEqual(s);
    expect(c.state.deadline).toBe('2026-08-06');
    expect(c.decisionDays).toEqual({ decidedOn: '2026-08-11', handlingDays: 6, overdueDays: 3 });
    expect(c.proposals).toEqual(proposeOverdueSanctions(s, cal, rules));
    expect(c.proposals.length).toBeGreaterThan(0);
    expect(c.isDeadlineProvisional).toBe(false);
    expect(c.events).toEqual([
      { kind: 'accept', day: '2026-08-03', payload: { matterId: 7, staffId: 11, imported: true } },
      {
        kind: 'decide',
        day: '2026-08-11',
        payload: { decision: 'approved', reasons: undefined, imported: true },
      },
      { kind: 'notify', day: '2026-08-12', payload: { imported: true } },
    ]);
  });

  it('proposes nothing for a case decided on time, and leaves an undecided case open', () => {
    expect(build({ decidedOn: '2026-08-05' })).toMatchObject({
      decisionDays: { overdueDays: 0 },
      proposals: [],
    });
    expect(build({})).toMatchObject({ state: { stage: 'accepted' }, decisionDays: null, proposals: [] });
  });

  it('marks 暂定 a deadline counted into a year the calendar does not hold', () => {
    const c = build({ receivedOn: '2026-12-28', promisedDays: 5 }, '2026-12-30');
    expect(c.state.deadline! > '2026-12-31').toBe(true);
    expect(c.isDeadlineProvisional).toBe(true);
  });

  it('refuses a date after today, naming the field, and a step the rules do not allow', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof RulesError) return [e.path, e.detailZh];
        throw e;
      }
      return null;
    };
    expect(refusal(() => build({ receivedOn: '2026-11-27' }))).toEqual([
      'receivedOn',
      '日期 2026-11-27 晚于今天 2026-11-26',
    ]);
    expect(refusal(() => build({ decidedOn: '2026-12-01' }))).toEqual([
      'decide',
      '日期 2026-12-01 晚于今天 2026-11-26',
    ]);
    // picked up without having been decided
    expect(refusal(() => build({ pickedUpOn: '2026-08-10' }))?.[0]).toBeDefined();
  });
});
