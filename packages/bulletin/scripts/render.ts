/**
 * Renders every sample bulletin to .xlsx, then to PDF (LibreOffice headless) and PNG pages (pdftoppm,
 * 60 dpi; the first and the last page of each), into docs/bulletins/ at the repository root (PNGs only; the .xlsx and PDF stay in a temp
 * folder, printed at the end). Usage: `pnpm --filter @chuangkou/bulletin render [--keep]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBulletinFile } from '../src/index.ts';
import { sampleBulletins } from '../src/testing/sample-bulletins.ts';

const here = dirname(fileURLToPath(import.meta.url));
const docs = resolve(here, '../../../docs/bulletins');
const work = mkdtempSync(join(tmpdir(), 'bulletins-'));
// Windows font names (宋体, 仿宋, 黑体) → the Noto CJK faces of this machine.
const env = { ...process.env, FONTCONFIG_FILE: join(here, 'fonts.conf') };

mkdirSync(docs, { recursive: true });
for (const file of readdirSync(docs)) if (file.endsWith('.png')) rmSync(join(docs, file));

for (const { stem, bulletin } of sampleBulletins()) {
  const xlsx = join(work, `${stem}.xlsx`);
  const written = await writeBulletinFile(bulletin, xlsx);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
    env,
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = join(work, `${stem}.pdf`);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(work, stem)], { env });
  const pages = readdirSync(work).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'));
  // The first page (title, notice) and the last (repeated header, signatures, the second sheet).
  const sorted = pages.sort();
  const kept = sorted.length <= 2 ? sorted : [sorted[0]!, sorted[sorted.length - 1]!];
  for (const page of kept) renameSync(join(work, page), join(docs, page));
  console.log(`${stem}: ${written.bytes} bytes, ${pages.length} page(s)`);
}
console.log(`PNG → ${docs}`);
if (process.argv.includes('--keep')) console.log(`xlsx and PDF kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
