import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../../test/fixtures.ts';
import { POLICY_A, ZPolicy } from '../policy/index.ts';
import { RulesError } from '../shared/errors.ts';
import { parseScenarioDocument } from './scenario.schema.ts';

const parse = (patch: (doc: Record<string, unknown> & typeof WORKED_EXAMPLE) => void) => {
  const doc = structuredClone(WORKED_EXAMPLE) as Record<string, unknown> & typeof WORKED_EXAMPLE;
  patch(doc);
  return () => parseScenarioDocument(doc);
};

describe('parseScenarioDocument', () => {
  it('accepts the worked example and defaults qty, records and the policy', () => {
    const { policy, scenario } = parseScenarioDocument({ period: { year: 2026, quarter: 1 }, staff: [] });
    expect(policy.code).toBe('A');
    expect(scenario.records).toStrictEqual([]);
  });
  it('names a date that is not an ISO date', () => {
    expect(
      parse((d) => {
        d.records[1]!.date = '2026/08/11';
      }),
    ).toThrow('records[1].date: expected an ISO date (YYYY-MM-DD), got "2026/08/11"');
  });
  it('names a qty that is not a positive integer', () => {
    expect(
      parse((d) => {
        d.records[0]!.qty = -1;
      }),
    ).toThrow('records[0].qty: expected a positive integer, got -1');
  });
  it('names a missing field', () => {
    expect(parse((d) => void delete (d.records[2] as { item?: string }).item)).toThrow(
      'records[2].item: required',
    );
  });
  it('names a mistyped field', () => {
    expect(
      parse((d) => {
        (d.complaints[0] as { valid: unknown }).valid = 'yes';
      }),
    ).toThrow('complaints[0].valid: expected boolean, got "yes"');
  });
  it('names a record with neither staff nor window', () => {
    expect(parse((d) => void delete (d.records[0] as { staff?: string }).staff)).toThrow(
      'records[0].staff: a record names either "staff" or "window"',
    );
  });
  it('names a bad peer tier', () => {
    expect(
      parse((d) => {
        (d.peerRatings[0] as { tier: string }).tier = 'great';
      }),
    ).toThrow('peerRatings[0].tier');
  });
  it('accepts a whole policy object in the shape the engine exports for "A"', () => {
    const { policy } = parseScenarioDocument({
      ...structuredClone(WORKED_EXAMPLE),
      policy: structuredClone(POLICY_A),
    });
    expect(policy).toStrictEqual(POLICY_A);
  });
  it('names the place of an invalid policy object', () => {
    const bad = structuredClone(POLICY_A) as { items: { category?: string }[] };
    bad.items[0]!.category = 'nowhere';
    expect(() => parseScenarioDocument({ ...structuredClone(WORKED_EXAMPLE), policy: bad })).toThrow(
      'policy.items[0].category: unknown category "nowhere"',
    );
  });
  it('throws RulesError with a Chinese message as well', () => {
    try {
      parseScenarioDocument({ period: { year: 2026, quarter: 1 }, staff: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      expect((e as RulesError).path).toBe('staff');
    }
  });
});

describe('the policies as data', () => {
  it('round-trip through the zod schema unchanged', () => {
    expect(ZPolicy.parse(structuredClone(POLICY_A))).toStrictEqual(POLICY_A);
  });
  it('carry the Chinese text and the clause of every item', () => {
    for (const item of POLICY_A.items) {
      expect(item.text).toMatch(/[\u4e00-\u9fff]/);
      expect(item.clause).toMatch(/^考核细则 一\(/);
    }
    expect(POLICY_A.items.map((i) => i.code)).toHaveLength(29);
  });
});
