import {
  type Db,
  insertMatter,
  listMatters,
  listUnits,
  type TMatter,
  type TUser,
  updateMatter,
} from '@chuangkou/db';
import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  checkPromisedDays,
  RulesError,
  type TCaseType,
} from '@chuangkou/rules';
import { audit } from '../audit.ts';
import type { RowErrorList, TColumn, TRowBatches } from './import-columns.ts';

export const MATTER_COLUMNS: TColumn[] = [
  { key: 'code', header: '事项编码', isRequired: true, example: '11330100MB0000000X4000111001000' },
  { key: 'name', header: '事项名称', isRequired: true, example: '公共场所卫生许可（新办）' },
  { key: 'type', header: '办件类型', isRequired: true, example: '承诺件' },
  { key: 'promisedDays', header: '承诺时限（工作日）', isRequired: true, example: '5' },
  { key: 'unit', header: '受理单位', isRequired: true, example: '' },
  { key: 'leadDepartment', header: '牵头部门', isRequired: false, example: '' },
  { key: 'relatedDepartments', header: '联办部门', isRequired: false, example: '' },
  { key: 'inquiryPhone', header: '咨询电话', isRequired: false, example: '' },
];

const TYPES = new Map<string, TCaseType>(CASE_TYPES.map((t) => [CASE_TYPE_LABELS[t].zh, t]));
/** 联办部门 listed in one cell, separated as spreadsheets usually are */
const LIST_SEPARATOR = /[、,，;；\s]+/;

type TMatterRecord = {
  code: string;
  name: string;
  unitId: number;
  type: TCaseType;
  promisedDays: number;
  leadDepartment: string;
  relatedDepartments: string[];
  inquiryPhone: string;
};

export interface TMatterCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

const FIELDS = [
  'name',
  'unitId',
  'type',
  'promisedDays',
  'leadDepartment',
  'relatedDepartments',
  'inquiryPhone',
] as const;
const isSame = (m: TMatter, r: TMatterRecord) =>
  m.code === r.code && FIELDS.every((f) => JSON.stringify(m[f]) === JSON.stringify(r[f]));

/**
 * 事项目录: matters by their 事项编码 (the natural key). A code already in the catalog with the same
 * fields changes nothing; with other fields the matter is edited (cases already accepted keep their
 * limit); a matter entered by hand without a code and of the same name gets the code. Each change is
 * audited one by one, as the catalog page audits it.
 */
export async function importMatterRows(
  db: Db,
  user: TUser,
  rows: TRowBatches,
  errors: RowErrorList,
): Promise<TMatterCounts> {
  const units = new Map((await listUnits(db, user.centerId)).map((u) => [u.name, u.id]));
  const matters = await listMatters(db, { centerId: user.centerId, includeRevoked: true });
  const byCode = new Map(matters.filter((m) => m.code !== null).map((m) => [m.code!, m]));
  const byName = new Map(matters.filter((m) => m.code === null).map((m) => [m.name, m]));
  const seen = new Map<string, number>();
  const records: TMatterRecord[] = [];
  const counts: TMatterCounts = { rows: 0, created: 0, updated: 0, unchanged: 0 };
  for await (const read of rows)
    for (const row of read) {
      counts.rows++;
      const code = row.get('code');
      if (code !== '' && !/^[0-9A-Za-z_-]{1,64}$/.test(code))
        row.fail('code', `事项编码只能含字母、数字、- 和 _：${code}`);
      if (seen.has(code)) row.fail('code', `事项编码 ${code} 在文件中重复（第${seen.get(code)}行）`);
      seen.set(code, row.line);
      const typeText = row.get('type');
      const type = TYPES.get(typeText);
      if (typeText !== '' && !type)
        row.fail('type', `办件类型须为 ${[...TYPES.keys()].join('、')}，收到「${typeText}」`);
      const daysText = row.get('promisedDays');
      const promisedDays = Number(daysText);
      if (daysText !== '' && !/^\d{1,3}$/.test(daysText))
        row.fail('promisedDays', `承诺时限须为整数（工作日），收到「${daysText}」`);
      else if (type && daysText !== '') {
        try {
          checkPromisedDays(type, promisedDays);
        } catch (e) {
          if (!(e instanceof RulesError)) throw e;
          row.fail('promisedDays', e.detailZh);
        }
      }
      const unitId = units.get(row.get('unit'));
      if (row.get('unit') !== '' && unitId === undefined)
        row.fail('unit', `没有名为「${row.get('unit')}」的单位（请先导入名册）`);
      const relatedDepartments = row
        .get('relatedDepartments')
        .split(LIST_SEPARATOR)
        .filter((d) => d !== '');
      if (type === 'joint' && relatedDepartments.length === 0)
        row.fail('relatedDepartments', '联办件须列明联办部门');
      if (row.isBad() || !type || unitId === undefined) continue;
      records.push({
        code,
        name: row.get('name'),
        unitId,
        type,
        promisedDays,
        leadDepartment: row.get('leadDepartment'),
        relatedDepartments,
        inquiryPhone: row.get('inquiryPhone'),
      });
    }
  if (errors.count > 0) return counts;
  for (const r of records) {
    const before = byCode.get(r.code) ?? byName.get(r.name);
    if (before && isSame(before, r)) {
      counts.unchanged++;
      continue;
    }
    if (before) {
      const { code, ...patch } = r;
      await updateMatter(db, before.id, { ...patch, code });
      await audit(db, user, 'matter', before.id, 'update', before, { ...before, ...r });
      byName.delete(r.name);
      counts.updated++;
    } else {
      const m = await insertMatter(db, { ...r, centerId: user.centerId });
      await audit(db, user, 'matter', m.id, 'create', null, m);
      counts.created++;
    }
  }
  return counts;
}

/** An example matter row that imports cleanly into the center: a new code, under its first unit. */
export async function matterExample(db: Db, centerId: number): Promise<Record<string, string>> {
  const unit = (await listUnits(db, centerId))[0];
  return unit ? { unit: unit.name } : {};
}
