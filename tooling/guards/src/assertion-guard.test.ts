import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAssertions, EXEMPT_TEST_FILES, vacuousAssertionsOf } from './assertion-guard.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** The findings of one test body, as line numbers (1 is the `it` line). */
const linesOf = (body: string) =>
  vacuousAssertionsOf('x.test.ts', `it('a', async () => {\n${body}\n});`).map((f) => f.line);

describe('vacuousAssertionsOf', () => {
  it('flags .every expected true and .some expected false without a length assertion', () => {
    expect(linesOf('expect(rows.every((r) => r.ok)).toBe(true);')).toStrictEqual([2]);
    expect(linesOf('expect(rows.every((r) => r.ok)).toBeTruthy();')).toStrictEqual([2]);
    expect(linesOf('expect(rows.some((r) => r.bad)).toBe(false);')).toStrictEqual([2]);
    expect(linesOf('expect(rows.some((r) => r.bad)).not.toBe(true);')).toStrictEqual([2]);
    expect(linesOf('expect(a.b.rows.every((r) => r.ok)).toBe(true);')).toStrictEqual([2]);
  });

  it('flags a list that cannot be asserted on because it has no name', () => {
    expect(linesOf('expect((await list()).every((r) => r.ok)).toBe(true);')).toStrictEqual([2]);
  });

  it('leaves assertions that an empty list would fail', () => {
    expect(linesOf('expect(rows.every((r) => r.ok)).toBe(false);')).toStrictEqual([]);
    expect(linesOf('expect(rows.some((r) => r.ok)).toBe(true);')).toStrictEqual([]);
  });

  const proofs = [
    'expect(rows).toHaveLength(3);',
    'expect(rows).not.toHaveLength(0);',
    'expect(rows.length).toBeGreaterThan(0);',
    'expect(rows.length).toBeGreaterThanOrEqual(1);',
    'expect(rows.length).toBe(2);',
    'expect(rows.length).not.toBe(0);',
    'expect(rows).not.toEqual([]);',
    "expect(rows.map((r) => r.id)).toEqual(['a', 'b']);",
    'expect(rows.filter((r) => r.ok)).toHaveLength(1);',
    'expect(rows.some((r) => r.ok)).toBe(true);',
  ];
  for (const proof of proofs) {
    it(`accepts the list once proven non-empty: ${proof}`, () => {
      expect(linesOf(`${proof}\nexpect(rows.every((r) => r.ok)).toBe(true);`)).toStrictEqual([]);
    });
  }

  const nonProofs = [
    'expect(rows).toHaveLength(0);',
    'expect(rows.length).toBeGreaterThanOrEqual(0);',
    'expect(rows.length).toBe(0);',
    'expect(other).toHaveLength(3);',
  ];
  for (const nonProof of nonProofs) {
    it(`does not take ${nonProof} as a proof`, () => {
      expect(linesOf(`${nonProof}\nexpect(rows.every((r) => r.ok)).toBe(true);`)).toStrictEqual([3]);
    });
  }

  it('wants the proof before the assertion and in the same test', () => {
    expect(
      linesOf('expect(rows.every((r) => r.ok)).toBe(true);\nexpect(rows).toHaveLength(3);'),
    ).toStrictEqual([2]);
    const twoTests = [
      "it('a', () => { expect(rows).toHaveLength(3); });",
      "it('b', () => { expect(rows.every((r) => r.ok)).toBe(true); });",
    ].join('\n');
    expect(vacuousAssertionsOf('x.test.ts', twoTests).map((f) => f.line)).toStrictEqual([2]);
  });
});

describe('checkAssertions on the repository', () => {
  it('finds no vacuous assertion in the test files', () => {
    const { files, findings } = checkAssertions(REPO_ROOT);
    expect(files).toBeGreaterThan(30);
    expect(findings).toStrictEqual([]);
  });

  it('exempts only files that exist and still need it (remove an entry once its file passes)', () => {
    for (const file of EXEMPT_TEST_FILES) {
      const full = path.join(REPO_ROOT, file);
      expect(existsSync(full), `${file} no longer exists`).toBe(true);
      const findings = vacuousAssertionsOf(file, readFileSync(full, 'utf8'));
      expect(
        findings.length,
        `${file} passes the check now: remove it from EXEMPT_TEST_FILES`,
      ).toBeGreaterThan(0);
    }
  });
});
