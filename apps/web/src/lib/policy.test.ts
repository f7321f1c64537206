import { describe, expect, it } from 'vitest';
import { policyItems } from './policy.ts';

const item = (code: string) => ({ code, kind: 'deduction', text: code, clause: 'x' });

describe('policyItems', () => {
  it('takes the newest version in force of each policy and tags items with their policy', () => {
    const versions = [
      { code: 'A', version: 1, effectiveFrom: '2000-01-01', body: { items: [item('A1')] } },
      { code: 'A', version: 2, effectiveFrom: '2026-01-01', body: { items: [item('A1'), item('A9')] } },
      { code: 'A', version: 3, effectiveFrom: '2099-01-01', body: { items: [item('A7')] } },
      { code: 'B', version: 1, effectiveFrom: '2000-01-01', body: { items: [item('F1')] } },
    ];
    expect(policyItems(versions, '2026-11-26').map((i) => `${i.policy}:${i.code}`)).toEqual([
      'A:A1',
      'A:A9',
      'B:F1',
    ]);
  });

  it('skips a body without items', () => {
    expect(
      policyItems([{ code: 'C', version: 1, effectiveFrom: '2000-01-01', body: {} }], '2026-01-01'),
    ).toEqual([]);
  });
});
