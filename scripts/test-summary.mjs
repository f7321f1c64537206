// Sums every vitest JSON report in the workspace into the one line CI reads: `N passed, N failed`.
// A package whose test run crashed before writing its report counts as one failure, so a broken
// suite can never look green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['apps', 'packages', 'tooling'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const root of roots) {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const pkgFile = join(dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (!pkg.scripts?.test) continue;
    const report = join(dir, '.vitest-result.json');
    if (!existsSync(report)) {
      console.error(`${pkg.name}: no test report (the run crashed before reporting)`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
    skipped += r.numPendingTests + r.numTodoTests;
    console.error(`${pkg.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
