import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import WORKED from '../../../examples/worked-example.json' with { type: 'json' };

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'chuangkou-cli-'));

/** Runs `pnpm --silent assess ARG` at the repository root, as outside checks do. */
async function assess(
  arg: string,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = execFile('pnpm', ['--silent', 'assess', arg], { cwd: ROOT, timeout: 60_000 });
  if (stdin !== undefined) child.stdin!.end(stdin);
  else child.stdin!.end();
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
  return { code, stdout, stderr };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

/** The lines of stderr that are ours (pnpm adds its own [ELIFECYCLE] line). */
const ours = (stderr: string) => stderr.split('\n').filter((l) => l && !l.includes('ELIFECYCLE'));

describe('pnpm --silent assess', () => {
  it('prints the worked example result and exits 0', async () => {
    const r = await assess(file('worked.json', WORKED));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(
      out.results.map((x: { staff: string; total: number; grade: string }) => [x.staff, x.total, x.grade]),
    ).toStrictEqual([
      ['s2', 100, 'excellent'],
      ['s1', 96, 'competent'],
    ]);
  });

  it('reads standard input for -', async () => {
    const r = await assess('-', JSON.stringify(WORKED));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toStrictEqual({ year: 2026, quarter: 3 });
  });

  const bad: [string, unknown, string][] = [
    ['not JSON', '{"period":', 'input: not valid JSON'],
    [
      'an unknown item',
      { ...WORKED, records: [{ staff: 's1', item: 'Z9', date: '2026-07-01' }] },
      'records[0].item: unknown item "Z9"',
    ],
    ['a missing field', { ...WORKED, records: [{ staff: 's1', item: 'A1' }] }, 'records[0].date: required'],
    [
      'a mistyped field',
      { ...WORKED, period: { year: '2026', quarter: 3 } },
      'period.year: expected number, got "2026"',
    ],
    [
      'a date that is not an ISO date',
      { ...WORKED, records: [{ staff: 's1', item: 'A1', date: '03/07/2026' }] },
      'records[0].date: expected an ISO date',
    ],
    [
      'qty that is not a positive integer',
      { ...WORKED, records: [{ staff: 's1', item: 'A1', date: '2026-07-01', qty: 0 }] },
      'records[0].qty: expected a positive integer, got 0',
    ],
    [
      'a level the item does not have',
      { ...WORKED, records: [{ staff: 's1', item: 'D6', date: '2026-07-01', level: 'daily' }] },
      'records[0].level: item "D6" has no level "daily"',
    ],
    [
      'an unknown staff',
      { ...WORKED, records: [{ staff: 'nobody', item: 'A1', date: '2026-07-01' }] },
      'records[0].staff: unknown staff "nobody"',
    ],
    [
      'an unknown window',
      { ...WORKED, records: [{ window: 'w7', item: 'B8', date: '2026-07-01' }] },
      'records[0].window: unknown window "w7"',
    ],
  ];
  for (const [what, doc, message] of bad) {
    it(`exits 1 with one line naming the place for ${what}`, async () => {
      const r = await assess(file(`bad-${what.replace(/\W+/g, '-')}.json`, doc));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = ours(r.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 1 with one line for a file that does not exist', async () => {
    const r = await assess(join(dir, 'missing.json'));
    expect(r.code).toBe(1);
    expect(ours(r.stderr)).toStrictEqual([`${join(dir, 'missing.json')}: cannot read the file (ENOENT)`]);
  });
});

describe('main', () => {
  it('resolves a relative path against the directory the command was run from', async () => {
    file('relative.json', WORKED);
    const { stdout } = await run('pnpm', ['--silent', '-C', ROOT, 'assess', 'relative.json'], { cwd: dir });
    expect(JSON.parse(stdout).results).toHaveLength(2);
  });
});
