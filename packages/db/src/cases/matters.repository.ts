import type { TCaseType } from '@chuangkou/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { bool, num } from '../client.ts';
import type { MattersTable } from './case.tables.ts';
import { readJson } from './json-column.ts';

/** 事项: a matter of the catalog with the eight fields of its service guide, its type and departments. */
export interface TMatter {
  id: number;
  centerId: number;
  /** the window department that accepts it */
  unitId: number;
  /** 事项编码 in the province's catalog, null when never given */
  code: string | null;
  name: string;
  type: TCaseType;
  promisedDays: number;
  legalBasis: string;
  materials: string[];
  procedure: string;
  fees: string;
  feeBasis: string;
  inquiryPhone: string;
  complaintPhone: string;
  /** 牵头部门 (联办) */
  leadDepartment: string;
  /** 相关部门 (联办) */
  relatedDepartments: string[];
  isActive: boolean;
  revokeReason: string | null;
}

/** A new matter: the name, type and limit, and whatever of its guide is known. */
export type TNewMatter = Pick<TMatter, 'centerId' | 'unitId' | 'name' | 'type' | 'promisedDays'> &
  Partial<Omit<TMatter, 'id' | 'centerId' | 'isActive' | 'revokeReason'>>;

export type TMatterPatch = Partial<Omit<TNewMatter, 'centerId'>>;

function matterRowToMatter(r: Selectable<MattersTable>): TMatter {
  return {
    id: r.id,
    centerId: r.center_id,
    unitId: r.unit_id,
    code: r.code ?? null,
    name: r.name,
    type: r.type,
    promisedDays: num(r.promised_days),
    legalBasis: r.legal_basis ?? '',
    materials: readJson(r.materials, []),
    procedure: r.procedure ?? '',
    fees: r.fees ?? '',
    feeBasis: r.fee_basis ?? '',
    inquiryPhone: r.inquiry_phone ?? '',
    complaintPhone: r.complaint_phone ?? '',
    leadDepartment: r.lead_department ?? '',
    relatedDepartments: readJson(r.related_departments, []),
    isActive: bool(r.is_active),
    revokeReason: r.revoke_reason,
  };
}

const matterColumns = (m: TMatterPatch) => ({
  ...(m.unitId !== undefined && { unit_id: m.unitId }),
  ...(m.code !== undefined && { code: m.code }),
  ...(m.name !== undefined && { name: m.name }),
  ...(m.type !== undefined && { type: m.type }),
  ...(m.promisedDays !== undefined && { promised_days: m.promisedDays }),
  ...(m.legalBasis !== undefined && { legal_basis: m.legalBasis }),
  ...(m.materials !== undefined && { materials: JSON.stringify(m.materials) }),
  ...(m.procedure !== undefined && { procedure: m.procedure }),
  ...(m.fees !== undefined && { fees: m.fees }),
  ...(m.feeBasis !== undefined && { fee_basis: m.feeBasis }),
  ...(m.inquiryPhone !== undefined && { inquiry_phone: m.inquiryPhone }),
  ...(m.complaintPhone !== undefined && { complaint_phone: m.complaintPhone }),
  ...(m.leadDepartment !== undefined && { lead_department: m.leadDepartment }),
  ...(m.relatedDepartments !== undefined && { related_departments: JSON.stringify(m.relatedDepartments) }),
});

export async function insertMatter(db: Db, m: TNewMatter): Promise<TMatter> {
  const row = await db
    .insertInto('matters')
    .values({
      center_id: m.centerId,
      unit_id: m.unitId,
      name: m.name,
      type: m.type,
      promised_days: m.promisedDays,
      ...matterColumns(m),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return matterRowToMatter(row);
}

export async function updateMatter(db: Db, id: number, patch: TMatterPatch): Promise<void> {
  const set = matterColumns(patch);
  if (Object.keys(set).length > 0) await db.updateTable('matters').set(set).where('id', '=', id).execute();
}

/** A matter is never deleted: it is withdrawn from the catalog with a reason. */
export async function revokeMatter(db: Db, id: number, reason: string): Promise<void> {
  await db.updateTable('matters').set({ is_active: 0, revoke_reason: reason }).where('id', '=', id).execute();
}

/** Takes a withdrawn matter back into the catalog. */
export async function reinstateMatter(db: Db, id: number): Promise<void> {
  await db.updateTable('matters').set({ is_active: 1, revoke_reason: null }).where('id', '=', id).execute();
}

export async function findMatter(db: Db, id: number): Promise<TMatter | undefined> {
  const r = await db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
  return r && matterRowToMatter(r);
}

/** The catalog of a center, in the order the matters were added; withdrawn ones only on request. */
export async function listMatters(
  db: Db,
  filter: { centerId: number; includeRevoked?: boolean | undefined },
): Promise<TMatter[]> {
  let q = db.selectFrom('matters').selectAll().where('center_id', '=', filter.centerId);
  if (!filter.includeRevoked) q = q.where('is_active', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map(matterRowToMatter);
}
