import {
  type Db,
  findPolicyVersion,
  insertPolicyVersion,
  listPolicyVersionHeads,
  type TPolicyVersionHead,
} from '@chuangkou/db';
import {
  getPolicy,
  parsePolicy,
  policyVersionInForce,
  type TItem,
  type TPolicy,
  type TPolicyCode,
} from '@chuangkou/rules';

export type { TPolicyCode };

export interface TPolicyInForce {
  /** null while the center still runs on the built-in default (not yet stored) */
  id: number | null;
  code: TPolicyCode;
  version: number;
  /** the first day of the stored version; null for the built-in default */
  effectiveFrom: string | null;
  policy: TPolicy;
}

/**
 * Parsed policy versions by id, per database (a process may hold several: tests, a PostgreSQL and a
 * SQLite side by side). Keyed by the database's Kysely adapter, which its transactions share. The
 * reading is kept while it runs, so questions asking at once read a version once.
 */
const parsedByDatabase = new WeakMap<object, Map<number, Promise<TPolicy>>>();

function parsedOf(db: Db): Map<number, Promise<TPolicy>> {
  const key = db.getExecutor().adapter;
  let parsed = parsedByDatabase.get(key);
  if (!parsed) {
    parsed = new Map();
    parsedByDatabase.set(key, parsed);
  }
  return parsed;
}

async function readPolicyBody(db: Db, id: number): Promise<TPolicy> {
  const row = await findPolicyVersion(db, id);
  if (!row) throw new Error(`policy version ${id} vanished`);
  return parsePolicy(row.body);
}

/** A stored version (or the built-in default when none is in force) with its parsed body. */
async function resolved(db: Db, code: TPolicyCode, head: TPolicyVersionHead | undefined) {
  if (!head) {
    const policy = getPolicy(code)!;
    return { id: null, code, version: policy.version, effectiveFrom: null, policy } satisfies TPolicyInForce;
  }
  // versions are never edited: a version's body is read and validated once
  const parsed = parsedOf(db);
  let reading = parsed.get(head.id);
  if (!reading) {
    reading = readPolicyBody(db, head.id);
    parsed.set(head.id, reading);
    // a failed reading (a dropped connection) is tried again next time
    reading.catch(() => parsed.delete(head.id));
  }
  const policy = await reading;
  return {
    id: head.id,
    code,
    version: head.version,
    effectiveFrom: head.effectiveFrom,
    policy,
  } satisfies TPolicyInForce;
}

/**
 * The center's policy of that code in force on a date (`policyVersionInForce` of @chuangkou/rules);
 * the built-in default when none is stored.
 */
export async function policyInForce(
  db: Db,
  centerId: number,
  code: TPolicyCode,
  date: string,
): Promise<TPolicyInForce> {
  const heads = await listPolicyVersionHeads(db, centerId, code);
  return resolved(db, code, policyVersionInForce(heads, date));
}

/**
 * The center's policies on many dates at once (a list of records, each judged under the version in
 * force on its own date): the versions are listed once, each body parsed once.
 */
export async function policyBook(db: Db, centerId: number) {
  const heads = await listPolicyVersionHeads(db, centerId);
  const byCode = new Map<string, TPolicyVersionHead[]>();
  for (const head of heads) byCode.set(head.code, [...(byCode.get(head.code) ?? []), head]);
  return {
    at: (code: TPolicyCode, date: string) =>
      resolved(db, code, policyVersionInForce(byCode.get(code) ?? [], date)),
  };
}

/**
 * The policies whose items are recorded (conduct records), in force on a date: the points policy (A)
 * first, then the fines (B). An item code is looked up in that order.
 */
export async function recordPoliciesInForce(
  db: Db,
  centerId: number,
  date: string,
): Promise<[TPolicyInForce, TPolicyInForce]> {
  return Promise.all([policyInForce(db, centerId, 'A', date), policyInForce(db, centerId, 'B', date)]);
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
