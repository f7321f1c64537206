import type { TIsoDate } from '../shared/dates.ts';

/** A stored version of a policy: enough to tell which one is in force. */
export interface TPolicyVersionHead {
  version: number;
  /** the first day the version applies */
  effectiveFrom: TIsoDate;
}

/**
 * The version in force on a date: the latest effective on or before it; of two effective the same day,
 * the later version. Undefined when none is yet in force (the built-in default applies). A fact is judged
 * under the version in force on its own date; the entry forms offer the items of the version in force
 * today (the server's today).
 *
 * @example policyVersionInForce([{ version: 1, effectiveFrom: '2000-01-01' }, { version: 2, effectiveFrom: '2027-01-01' }], '2026-12-31') // version 1
 */
export function policyVersionInForce<T extends TPolicyVersionHead>(
  versions: ReadonlyArray<T>,
  date: TIsoDate,
): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (
      best === undefined ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    ) {
      best = v;
    }
  }
  return best;
}
