/**
 * Bench: a 20,000-row results bulletin (季度考核结果公示), styled and streamed by writeBulletinFile,
 * against bare exceljs streaming the same cells without any styling, in the same run.
 *
 * Each measurement runs in its own child process (the input is prepared once, by the engine, and read
 * from a JSON file), so its peak RSS (`process.resourceUsage().maxRSS`) is its own. Three runs each,
 * the median is reported. Targets: ≤ 2 s and ≤ 200 MB peak.
 *
 * Usage: `pnpm --filter @chuangkou/bulletin bench [rows]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRADE_LABELS } from '@chuangkou/rules';
import ExcelJS from 'exceljs';
import type { TResultsBulletin } from '../src/index.ts';
import { writeBulletinFile } from '../src/index.ts';
import { largeResults } from '../src/testing/sample-bulletins.ts';

const TARGET_SECONDS = 2;
const TARGET_MB = 200;
const RUNS = 3;

type TMeasure = { seconds: number; peakMb: number; baseMb: number; bytes: number };

/** The same cells as the bulletin's table, without titles, widths, styles or print settings. */
async function writeBare(bulletin: TResultsBulletin, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('考核结果公示');
  for (const row of bulletin.rows) {
    sheet
      .addRow([
        row.rank,
        row.name,
        row.window,
        row.unit,
        ...bulletin.categories.map((c) => row.categories[c.key] ?? null),
        row.bonus,
        row.total,
        GRADE_LABELS[row.grade].zh,
        row.flags.join(' '),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function child(mode: 'styled' | 'bare', input: string, output: string): Promise<void> {
  const bulletin = JSON.parse(readFileSync(input, 'utf8')) as TResultsBulletin;
  const write = (b: TResultsBulletin, path: string) =>
    mode === 'styled' ? writeBulletinFile(b, path).then(() => undefined) : writeBare(b, path);
  await write({ ...bulletin, rows: bulletin.rows.slice(0, 500) }, `${output}.warm`); // JIT warm-up
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  const started = process.hrtime.bigint();
  await write(bulletin, output);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const measure: TMeasure = { seconds, peakMb, baseMb, bytes: statSync(output).size };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 20_000);
  const work = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
  try {
    const input = join(work, 'input.json');
    writeFileSync(input, JSON.stringify(largeResults(rows)));
    const self = fileURLToPath(import.meta.url);
    const results: Record<'styled' | 'bare', TMeasure[]> = { styled: [], bare: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ['bare', 'styled'] as const) {
        const output = join(work, `${mode}-${run}.xlsx`);
        const done = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, input, output], {
          encoding: 'utf8',
        });
        if (done.status !== 0) throw new Error(`${mode} run failed:\n${done.stderr}`);
        results[mode].push(JSON.parse(done.stdout.trim().split('\n').pop()!) as TMeasure);
      }
    }
    const summary = (mode: 'styled' | 'bare') => ({
      seconds: median(results[mode].map((m) => m.seconds)),
      peakMb: median(results[mode].map((m) => m.peakMb)),
      baseMb: median(results[mode].map((m) => m.baseMb)),
      bytes: results[mode][0]!.bytes,
    });
    const styled = summary('styled');
    const bare = summary('bare');
    const line = (label: string, m: TMeasure) =>
      `${label.padEnd(34)} ${m.seconds.toFixed(3).padStart(7)} s   peak RSS ${m.peakMb.toFixed(0).padStart(4)} MB` +
      `   (before writing ${m.baseMb.toFixed(0)} MB)   ${(m.bytes / 1024).toFixed(0)} KB`;
    console.log(`results bulletin, ${rows} rows, median of ${RUNS} runs, each in a fresh process`);
    console.log(line('bare exceljs stream, no styles', bare));
    console.log(line('writeBulletinFile (styled, print)', styled));
    console.log(`ratio styled / bare: ${(styled.seconds / bare.seconds).toFixed(2)}× time`);
    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    console.log(
      `targets: ≤ ${TARGET_SECONDS} s ${verdict(styled.seconds <= TARGET_SECONDS)}, ` +
        `≤ ${TARGET_MB} MB peak ${verdict(styled.peakMb <= TARGET_MB)}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] as 'styled' | 'bare', process.argv[4]!, process.argv[5]!);
} else {
  await main();
}
