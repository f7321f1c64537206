import { policyVersionInForce } from '@chuangkou/rules';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';

export interface TPolicyVersion {
  id: number;
  centerId: number;
  code: string;
  version: number;
  effectiveFrom: string;
  body: unknown;
}

interface TPolicyRow {
  id: number;
  center_id: number;
  code: string;
  version: number;
  effective_from: string;
  body: string;
}

export function policyRowToPolicy(r: TPolicyRow): TPolicyVersion {
  return {
    id: r.id,
    centerId: r.center_id,
    code: r.code,
    version: r.version,
    effectiveFrom: r.effective_from,
    body: JSON.parse(r.body),
  };
}

/** Adds a new version of a center's policy (versions are never edited). */
export async function insertPolicyVersion(
  db: Db,
  p: { centerId: number; code: string; effectiveFrom: string; body: unknown; createdBy: number | null },
): Promise<TPolicyVersion> {
  const last = await db
    .selectFrom('policies')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('center_id', '=', p.centerId)
    .where('code', '=', p.code)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await db
    .insertInto('policies')
    .values({
      center_id: p.centerId,
      code: p.code,
      version,
      effective_from: p.effectiveFrom,
      body: JSON.stringify(p.body),
      created_by: p.createdBy,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    centerId: p.centerId,
    code: p.code,
    version,
    effectiveFrom: p.effectiveFrom,
    body: p.body,
  };
}

/** A stored version without its body: which version, of which code, from when. */
export interface TPolicyVersionHead {
  id: number;
  code: string;
  version: number;
  effectiveFrom: string;
}

/** The versions a center has stored (of one code, or of all), without their bodies, oldest first. */
export async function listPolicyVersionHeads(
  db: Db,
  centerId: number,
  code?: string,
): Promise<TPolicyVersionHead[]> {
  let query = db
    .selectFrom('policies')
    .select(['id', 'code', 'version', 'effective_from'])
    .where('center_id', '=', centerId);
  if (code !== undefined) query = query.where('code', '=', code);
  const rows = await query.orderBy('code').orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, version: r.version, effectiveFrom: r.effective_from }));
}

/**
 * Which version of a policy is in force on a date (its id and version, without the body), by the rule
 * of @chuangkou/rules (`policyVersionInForce`): versions are never edited, so a caller that has parsed
 * that id's body before need not read it again.
 */
export async function findPolicyVersionInForce(
  db: Db,
  centerId: number,
  code: string,
  date: string,
): Promise<{ id: number; version: number } | undefined> {
  const head = policyVersionInForce(await listPolicyVersionHeads(db, centerId, code), date);
  return head && { id: head.id, version: head.version };
}

/** One stored policy version, with its body. */
export async function findPolicyVersion(db: Db, id: number): Promise<TPolicyVersion | undefined> {
  const row = await db
    .selectFrom('policies')
    .select(['id', 'center_id', 'code', 'version', 'effective_from', 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && policyRowToPolicy(row);
}

/** The version of a policy in force on a date, with its body. */
export async function findPolicyInForce(
  db: Db,
  centerId: number,
  code: string,
  date: string,
): Promise<TPolicyVersion | undefined> {
  const head = await findPolicyVersionInForce(db, centerId, code, date);
  return head && findPolicyVersion(db, head.id);
}

export async function listPolicies(db: Db, centerId: number): Promise<TPolicyVersion[]> {
  const rows = await db
    .selectFrom('policies')
    .select(['id', 'center_id', 'code', 'version', 'effective_from', 'body'])
    .where('center_id', '=', centerId)
    .orderBy('code')
    .orderBy('version')
    .execute();
  return rows.map(policyRowToPolicy);
}
