/**
 * `pnpm lint` runs this: prints every refused import (`import-guard.ts`) and every assertion that
 * passes on an empty list (`assertion-guard.ts`) in the repository, and exits 1 when there is one.
 */
import path from 'node:path';
import { checkAssertions } from './assertion-guard.ts';
import { checkImports, formatViolations } from './import-guard.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const imports = checkImports(root);
const assertions = checkAssertions(root);
const lines = [
  ...formatViolations(imports.violations).split('\n').filter(Boolean),
  ...assertions.findings.map((f) => `${f.file}:${f.line}  vacuous-assertion  ${f.message}`),
];
if (lines.length > 0) {
  process.stderr.write(`${lines.join('\n')}\n${lines.length} problem(s)\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `guards: imports of ${imports.files} files and assertions of ${assertions.files} test files, no problem\n`,
  );
}
