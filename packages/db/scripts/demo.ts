/**
 * Builds a demo database: `pnpm --filter @chuangkou/db demo --data-dir DIR [--scale N] [--seed N] [--today YYYY-MM-DD]`.
 * `--scale` multiplies the case volume (about 0.74 million cases at scale 1) for province-sized benchmark sets.
 * No accounts are created here; `pnpm start` creates the demo logins.
 */
import { parseArgs } from 'node:util';
import { enrichCaseWorkflowDemo, generateDemo, migrateToLatest, openDatabase } from '../src/index.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: 'data' },
    file: { type: 'string', default: 'chuangkou.sqlite' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string' },
    today: { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`--scale: expected a positive number, got ${values.scale}`);
  process.exit(1);
}
const handle = openDatabase({ dataDir: values['data-dir'], file: values.file });
await migrateToLatest(handle.db);
const started = Date.now();
const summary = await generateDemo(handle.db, {
  scale,
  ...(values.seed && { seed: Number(values.seed) }),
  ...(values.today && { today: values.today }),
  log: (line) => console.log(line),
});
const workflow = await enrichCaseWorkflowDemo(handle.db, {
  today: values.today ?? new Date().toISOString().slice(0, 10),
});
console.log(JSON.stringify({ ...summary, workflow }), `${((Date.now() - started) / 1000).toFixed(1)} s`);
await handle.close();
