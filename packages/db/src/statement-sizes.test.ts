import { describe, expect, it } from 'vitest';
import { statementParts, statementSizes } from './statement-sizes.ts';

describe('statementSizes', () => {
  it('uses the largest size while it fits, then 100, 10 and 1, covering every row', () => {
    expect(statementSizes(1234, 500)).toEqual([500, 500, 100, 100, 10, 10, 10, 1, 1, 1, 1]);
    expect(statementSizes(0, 500)).toEqual([]);
    expect(statementSizes(57, 50)).toEqual([50, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('gives a handful of distinct sizes whatever the count', () => {
    const sizes = new Set<number>();
    for (let n = 0; n <= 3000; n++) for (const s of statementSizes(n, 400)) sizes.add(s);
    expect([...sizes].sort((a, b) => a - b)).toEqual([1, 10, 100, 400]);
  });
  it('cuts rows into consecutive parts of those sizes', () => {
    const rows = Array.from({ length: 123 }, (_, i) => i);
    const parts = [...statementParts(rows, 100)];
    expect(parts.map((p) => p.length)).toEqual([100, 10, 10, 1, 1, 1]);
    expect(parts.flat()).toEqual(rows);
  });
});
