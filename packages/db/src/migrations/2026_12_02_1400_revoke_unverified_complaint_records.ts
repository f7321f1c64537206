import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// A complaint counts only once verified as valid (考核细则 二(三): 经查实属有效投诉). A record made from a
// complaint still pending, or found invalid, was applied before its verification: it is revoked with
// the reason (never deleted), and the revocation is written to the audit log.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const REASON = '投诉尚未核实为有效投诉，不应先行记录（系统更正）';

export async function up(db: AnyDb): Promise<void> {
  const rows: { id: number; center_id: number; source_id: number }[] = await db
    .selectFrom('conduct_records as r')
    .innerJoin('complaints as c', 'c.id', 'r.source_id')
    .select(['r.id', 'r.center_id', 'r.source_id'])
    .where('r.source', '=', 'complaint')
    .where('r.status', '=', 'active')
    .where((eb) =>
      eb.or([eb('c.status', '<>', 'verified'), eb('c.is_valid', 'is', null), eb('c.is_valid', '=', 0)]),
    )
    .execute();
  const at = new Date().toISOString();
  for (const row of rows) {
    await db
      .updateTable('conduct_records')
      .set({ status: 'revoked', revoke_reason: REASON, revoked_at: at, revoked_by: null })
      .where('id', '=', row.id)
      .execute();
    await db
      .insertInto('audit_log')
      .values({
        center_id: row.center_id,
        user_id: null,
        at,
        entity: 'record',
        entity_id: String(row.id),
        action: 'revoke',
        before: JSON.stringify({
          id: row.id,
          status: 'active',
          source: 'complaint',
          sourceId: row.source_id,
        }),
        after: JSON.stringify({ id: row.id, status: 'revoked', revokeReason: REASON }),
      })
      .execute();
  }
}

export async function down(): Promise<void> {
  // a revocation is a fact of the record's history: nothing to undo
}
