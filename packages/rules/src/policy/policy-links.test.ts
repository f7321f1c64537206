import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../scenario/scenario.schema.ts';
import { POLICY_A, POLICY_B, POLICY_C } from './index.ts';
import { awardLink, complaintLinks, findingRowItem } from './policy-links.ts';

describe('policy links', () => {
  it('links a valid attitude complaint to A3 and nothing else under policy A', () => {
    expect(complaintLinks(POLICY_A, 'attitude').map((l) => l.item)).toEqual(['A3']);
    expect(complaintLinks(POLICY_A, 'responsibility')).toHaveLength(0);
  });

  it('处罚办法 一、7 出现有效投诉，一次处罚被投诉对象30元: every valid complaint records F7b under policy B', () => {
    for (const cause of ['attitude', 'responsibility', 'procrastination', 'other'] as const) {
      expect(complaintLinks(POLICY_B, cause).map((l) => l.item)).toEqual(['F7b']);
    }
  });

  it('prints a 考核细则 lateness (C4) in the patrol row of 处罚办法 一、1 (无故迟到或早退)', () => {
    expect(findingRowItem(POLICY_B, 'C4')).toBe('F1');
    expect(findingRowItem(POLICY_B, 'C6')).toBeUndefined();
    expect(() => parsePolicy({ ...POLICY_B, links: { findings: [{ item: 'C4', asItem: 'Z9' }] } })).toThrow(
      'unknown item "Z9"',
    );
  });

  it('links red flags to D6 by level and a yellow card to B8', () => {
    expect(awardLink(POLICY_A, 'redFlagMonthly')).toEqual({
      kind: 'redFlagMonthly',
      item: 'D6',
      level: 'monthly',
    });
    expect(awardLink(POLICY_A, 'redFlagAnnual')).toEqual({
      kind: 'redFlagAnnual',
      item: 'D6',
      level: 'annual',
    });
    expect(awardLink(POLICY_A, 'yellowCard')).toEqual({ kind: 'yellowCard', item: 'B8' });
    expect(awardLink(POLICY_B, 'yellowCard')).toBeUndefined();
    expect(awardLink(POLICY_C, 'yellowCard')).toBeUndefined();
  });

  it("gives a version stored without links the seed's links, for the items it has", () => {
    const { links: _, ...stored } = POLICY_A;
    expect(parsePolicy(stored).links).toEqual(POLICY_A.links);
    const withoutA3 = parsePolicy({ ...stored, items: stored.items.filter((i) => i.code !== 'A3') });
    expect(withoutA3.links.complaints).toHaveLength(0);
    expect(withoutA3.links.awards).toHaveLength(3);
  });

  it('keeps links a policy writes, none included', () => {
    const none = parsePolicy({ ...POLICY_A, links: { complaints: [], awards: [] } });
    expect(awardLink(none, 'yellowCard')).toBeUndefined();
    const anyCause = parsePolicy({ ...POLICY_B, links: { complaints: [{ item: 'F7b' }] } });
    expect(complaintLinks(anyCause, 'other').map((l) => l.item)).toEqual(['F7b']);
  });

  it('refuses a link to an item the policy lacks, of the wrong reach, or without its level', () => {
    const bad = (links: unknown) => () => parsePolicy({ ...POLICY_A, links });
    expect(bad({ complaints: [{ item: 'Z9' }] })).toThrow(
      'policy.links.complaints[0].item: unknown item "Z9"',
    );
    expect(bad({ complaints: [{ item: 'B8' }] })).toThrow('item "B8" is a window item');
    expect(bad({ awards: [{ kind: 'yellowCard', item: 'A1' }] })).toThrow('item "A1" is not a window item');
    expect(bad({ awards: [{ kind: 'redFlagAnnual', item: 'D6' }] })).toThrow(
      'policy.links.awards[0].level: item "D6" has no level ""',
    );
  });
});
