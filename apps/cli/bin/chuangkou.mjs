#!/usr/bin/env node
// `node apps/cli/bin/chuangkou.mjs <command> …` (what `pnpm assess`, `pnpm cli` and `pnpm bulletin`
// run): the command line from its bundle, rebuilt first when a source changed (scripts/cli-bundle.mjs).
import { runCli } from '../scripts/cli-bundle.mjs';

/** @type {number} */
let code;
try {
  code = await runCli(process.argv.slice(2));
} catch (error) {
  // only the bundle's own failures arrive here (a command turns its errors into one line itself)
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`chuangkou: the command line could not be built or loaded: ${message}\n`);
  code = 1;
}
process.exitCode = code;
