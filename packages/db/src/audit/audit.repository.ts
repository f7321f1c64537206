import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';

export interface TAuditEntry {
  centerId: number | null;
  userId: number | null;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function appendAudit(db: Db, entry: TAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      center_id: entry.centerId,
      user_id: entry.userId,
      at: nowIso(),
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface TAuditRecord {
  id: number;
  centerId: number | null;
  userId: number | null;
  at: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Lists a center's audit entries, newest first. */
export async function listAudit(
  db: Db,
  filter: {
    centerId: number;
    entity?: string | undefined;
    entityId?: string | undefined;
    limit?: number | undefined;
    /** keyset: entries below this id (newest first) */
    beforeId?: number | undefined;
  },
): Promise<TAuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll().where('center_id', '=', filter.centerId);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    userId: r.user_id,
    at: r.at,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** Counts rows of the audit log (tests: proof that a refused request wrote nothing). */
export async function countAudit(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the demo center was loaded into this database (the demo loader's own audit entry). */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'demo')
    .where('action', '=', 'load')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
