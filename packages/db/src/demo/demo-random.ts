/** mulberry32: small, fast, deterministic; the same seed gives the same demo. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T extends { weight: number }>(xs: readonly T[]): T => {
    const total = xs.reduce((s, x) => s + x.weight, 0);
    let r = next() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r <= 0) return x;
    }
    return xs[xs.length - 1]!;
  };
  /** Poisson-distributed count (Knuth; fine for small means) */
  const poisson = (mean: number) => {
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= next();
    } while (p > l);
    return k - 1;
  };
  return { next, int, pick, weighted, poisson, chance: (p: number) => next() < p };
}
export type TRandom = ReturnType<typeof createRandom>;

const DAY = 86_400_000;

/** An ISO day `n` calendar days later (earlier when negative). */
export const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The same day `months` months later (earlier when negative). */
export const addMonths = (d: string, months: number): string => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** The last day of a month. */
export const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
