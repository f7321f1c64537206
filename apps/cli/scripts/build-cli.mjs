// `pnpm --filter @chuangkou/cli build` and the root `postinstall`: bundles the command line when its
// bundle is missing or stale. With --if-possible (after an install) a failure only warns: the first
// run builds again and shows the error then.
import { buildCli, isFresh, readManifest } from './cli-bundle.mjs';

const isLenient = process.argv.includes('--if-possible');
try {
  if (!isFresh(readManifest()) || process.argv.includes('--force')) await buildCli();
} catch (error) {
  console.error(`command line bundle: ${error instanceof Error ? error.message : String(error)}`);
  if (!isLenient) process.exitCode = 1;
}
