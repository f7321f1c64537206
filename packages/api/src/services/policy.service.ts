import { type Db, findPolicyVersion, findPolicyVersionInForce, insertPolicyVersion } from '@chuangkou/db';
import { getPolicy, parsePolicy, type TItem, type TPolicy, type TPolicyCode } from '@chuangkou/rules';

export interface TPolicyInForce {
  /** null while the center still runs on the built-in default (not yet stored) */
  id: number | null;
  code: string;
  version: number;
  policy: TPolicy;
}

/**
 * Parsed policy versions by id, per database (a process may hold several: tests, a PostgreSQL and a
 * SQLite side by side). Keyed by the database's Kysely adapter, which its transactions share.
 */
const parsedByDatabase = new WeakMap<object, Map<number, TPolicy>>();

function parsedOf(db: Db): Map<number, TPolicy> {
  const key = db.getExecutor().adapter;
  let parsed = parsedByDatabase.get(key);
  if (!parsed) {
    parsed = new Map();
    parsedByDatabase.set(key, parsed);
  }
  return parsed;
}

/** The center's policy of that code in force on a date; the built-in default when none is stored. */
export async function policyInForce(
  db: Db,
  centerId: number,
  code: TPolicyCode,
  date: string,
): Promise<TPolicyInForce> {
  const stored = await findPolicyVersionInForce(db, centerId, code, date);
  if (stored) {
    // versions are never edited: a version's body is read and validated once
    const parsed = parsedOf(db);
    let policy = parsed.get(stored.id);
    if (!policy) {
      const row = await findPolicyVersion(db, stored.id);
      if (!row) throw new Error(`policy version ${stored.id} vanished`);
      policy = parsePolicy(row.body);
      parsed.set(stored.id, policy);
    }
    return { id: stored.id, code, version: stored.version, policy };
  }
  const policy = getPolicy(code)!;
  return { id: null, code, version: policy.version, policy };
}

/** Stores the built-in default as the center's version 1 when nothing is stored yet (before publishing). */
export async function ensureStoredPolicy(
  db: Db,
  centerId: number,
  p: TPolicyInForce,
  userId: number | null,
): Promise<{ id: number; version: number }> {
  if (p.id !== null) return { id: p.id, version: p.version };
  const stored = await insertPolicyVersion(db, {
    centerId,
    code: p.code,
    effectiveFrom: '2000-01-01',
    body: p.policy,
    createdBy: userId,
  });
  return { id: stored.id, version: stored.version };
}

/** The item of a policy by code. */
export function itemOf(policy: TPolicy, code: string): TItem | undefined {
  return policy.items.find((i) => i.code === code);
}
