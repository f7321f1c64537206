import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { CadreReserveTable } from '../database.ts';

/** 后备干部人才库: one confirmation of a person into the pool, and its revocation if any. */
export interface TCadreReserveEntry {
  id: number;
  centerId: number;
  staffId: number;
  staffName: string;
  year: number;
  basis: string | null;
  confirmedOn: string;
  confirmedBy: number;
  status: 'active' | 'revoked';
  revokedOn: string | null;
  revokedBy: number | null;
  revokeReason: string | null;
}

function reserveRowToEntry(row: Selectable<CadreReserveTable> & { staff_name: string }): TCadreReserveEntry {
  return {
    id: row.id,
    centerId: row.center_id,
    staffId: row.staff_id,
    staffName: row.staff_name,
    year: Number(row.year),
    basis: row.basis,
    confirmedOn: row.confirmed_on,
    confirmedBy: row.confirmed_by,
    status: row.status === 'revoked' ? 'revoked' : 'active',
    revokedOn: row.revoked_on,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
  };
}

/** The pool of a center, revoked entries included (nothing is ever deleted), oldest first. */
export async function listCadreReserve(
  db: Db,
  filter: { centerId: number; staffId?: number | undefined; id?: number | undefined },
): Promise<TCadreReserveEntry[]> {
  let query = db
    .selectFrom('cadre_reserve')
    .innerJoin('staff', 'staff.id', 'cadre_reserve.staff_id')
    .selectAll('cadre_reserve')
    .select('staff.name as staff_name')
    .where('cadre_reserve.center_id', '=', filter.centerId);
  if (filter.staffId !== undefined) query = query.where('cadre_reserve.staff_id', '=', filter.staffId);
  if (filter.id !== undefined) query = query.where('cadre_reserve.id', '=', filter.id);
  const rows = await query.orderBy('cadre_reserve.id').execute();
  return rows.map(reserveRowToEntry);
}

export async function insertCadreReserve(
  db: Db,
  input: {
    centerId: number;
    staffId: number;
    year: number;
    basis: string | null;
    confirmedOn: string;
    confirmedBy: number;
  },
): Promise<TCadreReserveEntry> {
  const row = await db
    .insertInto('cadre_reserve')
    .values({
      center_id: input.centerId,
      staff_id: input.staffId,
      year: input.year,
      basis: input.basis,
      confirmed_on: input.confirmedOn,
      confirmed_by: input.confirmedBy,
      status: 'active',
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const [entry] = await listCadreReserve(db, { centerId: input.centerId, id: row.id });
  return entry!;
}

/** Revokes an active entry on a date, with its reason; returns false when it was not active. */
export async function revokeCadreReserve(
  db: Db,
  input: { centerId: number; id: number; revokedOn: string; revokedBy: number; reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('cadre_reserve')
    .set({
      status: 'revoked',
      revoked_on: input.revokedOn,
      revoked_by: input.revokedBy,
      revoke_reason: input.reason,
    })
    .where('id', '=', input.id)
    .where('center_id', '=', input.centerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
