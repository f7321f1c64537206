// pnpm bench: assessQuarter over a generated population of 20,000 staff and 1,000,000 records in one
// quarter. Prints records per second, and the ratio to a bare loop that only sums the same records'
// points per person (the floor any engine must pay), measured in the same run.
import { assessQuarter, POLICY_A, type TScenario, type TScenarioRecord } from '../src/index.ts';

const STAFF = 20_000;
const RECORDS = 1_000_000;
const WINDOWS = 5_000;
const RUNS = 7;

function generate(): TScenario {
  let seed = 20260701;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const items = POLICY_A.items.filter((i) => i.kind !== 'computed');
  const windows = Array.from({ length: WINDOWS }, (_, i) => ({ id: `w${i}` }));
  const staff = Array.from({ length: STAFF }, (_, i) => ({ id: `s${i}`, window: `w${i % WINDOWS}` }));
  const records: TScenarioRecord[] = new Array(RECORDS);
  for (let r = 0; r < RECORDS; r++) {
    const item = items[Math.floor(rand() * items.length)]!;
    const date = `2026-0${7 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const rec: TScenarioRecord = item.isWindowItem
      ? { window: `w${Math.floor(rand() * WINDOWS)}`, item: item.code, date }
      : { staff: `s${Math.floor(rand() * STAFF)}`, item: item.code, date, qty: 1 + Math.floor(rand() * 3) };
    if (item.levels) rec.level = item.levels[Math.floor(rand() * item.levels.length)]!.key;
    if (item.aggravation && rand() < 0.2) rec.aggravated = true;
    records[r] = rec;
  }
  const peerRatings = [];
  for (let i = 0; i < STAFF; i++) {
    for (let k = 1; k <= 3; k++) {
      peerRatings.push({
        rater: `s${i}`,
        ratee: `s${(i + k) % STAFF}`,
        tier: rand() < 0.7 ? ('good' as const) : ('medium' as const),
      });
    }
  }
  const complaints = Array.from({ length: 200 }, (_, i) => ({
    staff: `s${i * 97}`,
    date: '2026-08-01',
    valid: true,
  }));
  return { period: { year: 2026, quarter: 3 }, windows, staff, records, peerRatings, complaints };
}

/** The baseline: one pass that looks each record's person and points up and sums them. */
function bareSum(s: TScenario): number {
  const points = new Map(POLICY_A.items.map((i) => [i.code, i.points ?? i.levels?.[0]?.points ?? 0]));
  const index = new Map(s.staff.map((p, i) => [p.id, i]));
  const sums = new Float64Array(s.staff.length);
  for (const r of s.records ?? []) {
    const i = r.staff === undefined ? 0 : index.get(r.staff)!;
    sums[i]! += (points.get(r.item) ?? 0) * (r.qty ?? 1);
  }
  return sums.reduce((a, b) => a + b, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const t0 = performance.now();
const scenario = generate();
console.log(
  `generated ${STAFF} staff, ${RECORDS} records in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
);

const engine: number[] = [];
const bare: number[] = [];
let check = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const result = assessQuarter(POLICY_A, scenario);
  engine.push(performance.now() - t);
  check += result.results.length;
  t = performance.now();
  check += bareSum(scenario) > 0 ? 1 : 0;
  bare.push(performance.now() - t);
}
if (check === 0) throw new Error('nothing computed');
const ms = median(engine);
const baseMs = median(bare);
console.log(
  `assessQuarter: median ${ms.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...engine).toFixed(0)} ms)`,
);
console.log(`records per second: ${Math.round(RECORDS / (ms / 1000)).toLocaleString('en-US')}`);
console.log(
  `baseline (bare sum of the same records): median ${baseMs.toFixed(0)} ms; engine / baseline = ${(ms / baseMs).toFixed(2)}×`,
);
console.log(`target 1,000,000 records/s: ${RECORDS / (ms / 1000) >= 1_000_000 ? 'met' : 'NOT met'}`);
