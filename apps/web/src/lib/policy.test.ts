import { describe, expect, it } from 'vitest';
import { policyItems } from './policy.ts';

const item = (code: string) => ({ code, kind: 'deduction' as const, text: code, clause: 'x' });

describe('policyItems', () => {
  it("lists the items of the server's policies in force, tagged with their policy", () => {
    const answer = {
      date: '2026-11-26',
      policies: [
        { code: 'A', version: 2, items: [item('A1'), item('A9')] },
        { code: 'B', version: 1, items: [item('F1')] },
        { code: 'C', version: 1, items: [] },
      ],
    };
    expect(policyItems(answer).map((i) => `${i.policy}:${i.code}`)).toEqual(['A:A1', 'A:A9', 'B:F1']);
  });
});
