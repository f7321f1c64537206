/**
 * Turns bulletins into PDF (LibreOffice headless) and PNG pages (pdftoppm, 60 dpi; the first and the
 * last page of each) in docs/bulletins/ at the repository root. The .xlsx and PDF stay in a temp folder.
 *
 *   pnpm --filter @chuangkou/bulletin render [--keep]
 *       the sample bulletins (engine-computed, demo-catalog names), written here first;
 *   pnpm --filter @chuangkou/bulletin render --xlsx FILE.xlsx…
 *       bulletins already written, e.g. by `pnpm --silent bulletin <kind> --out FILE` from the
 *       database demo (how the committed pictures were made; see README.md).
 *
 * A bulletin's old pictures (same file stem) are replaced; others are left alone.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBulletinFile } from '../src/index.ts';
import { sampleBulletins } from '../src/testing/sample-bulletins.ts';

const here = dirname(fileURLToPath(import.meta.url));
const docs = resolve(here, '../../../docs/bulletins');
const work = mkdtempSync(join(tmpdir(), 'bulletins-'));
// Windows font names (宋体, 仿宋, 黑体) → the Noto CJK faces of this machine.
const env = { ...process.env, FONTCONFIG_FILE: join(here, 'fonts.conf') };

/** Converts `work/<stem>.xlsx` and moves its kept pages into docs/bulletins. */
function toPictures(stem: string): number {
  const xlsx = join(work, `${stem}.xlsx`);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
    env,
    stdio: 'ignore',
    timeout: 120_000,
  });
  execFileSync('pdftoppm', ['-r', '60', '-png', join(work, `${stem}.pdf`), join(work, stem)], { env });
  const isPage = (file: string) => new RegExp(`^${stem}-\\d+\\.png$`).test(file);
  for (const old of readdirSync(docs).filter(isPage)) rmSync(join(docs, old));
  const pages = readdirSync(work).filter(isPage).sort();
  // The first page (title, notice) and the last (repeated header, signatures, the second sheet).
  const kept = pages.length <= 2 ? pages : [pages[0]!, pages[pages.length - 1]!];
  for (const page of kept) renameSync(join(work, page), join(docs, page));
  return pages.length;
}

mkdirSync(docs, { recursive: true });
const at = process.argv.indexOf('--xlsx');
if (at >= 0) {
  for (const file of process.argv.slice(at + 1).filter((arg) => arg.endsWith('.xlsx'))) {
    const source = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    const stem = basename(source, '.xlsx');
    copyFileSync(source, join(work, `${stem}.xlsx`));
    console.log(`${stem}: ${statSync(source).size} bytes, ${toPictures(stem)} page(s)`);
  }
} else {
  for (const { stem, bulletin } of sampleBulletins()) {
    const written = await writeBulletinFile(bulletin, join(work, `${stem}.xlsx`));
    console.log(`${stem}: ${written.bytes} bytes, ${toPictures(stem)} page(s)`);
  }
}
console.log(`PNG → ${docs}`);
if (process.argv.includes('--keep')) console.log(`xlsx and PDF kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
