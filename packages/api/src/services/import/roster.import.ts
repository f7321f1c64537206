import type { Db, TStaff, TUser } from '@chuangkou/db';
import {
  insertStaff,
  insertUnit,
  insertWindow,
  listStaff,
  listUnits,
  listWindows,
  updateStaff,
} from '@chuangkou/db';
import { STAFF_POST_LABELS, STAFF_POSTS, type TStaffPost } from '@chuangkou/rules';
import { assignStaff } from '../assignments.service.ts';
import { audit } from '../audit.ts';
import type { RowErrorList, TColumn, TRowBatches } from './import-columns.ts';

export const ROSTER_COLUMNS: TColumn[] = [
  { key: 'unit', header: '单位', isRequired: true, example: '不动产登记中心' },
  { key: 'windowCode', header: '窗口编号', isRequired: true, example: 'W01' },
  { key: 'windowName', header: '窗口名称', isRequired: true, example: '不动产登记1号窗口' },
  { key: 'staffNo', header: '工号', isRequired: true, example: 'BDC-0001' },
  { key: 'name', header: '姓名', isRequired: true, example: '陈一' },
  { key: 'post', header: '岗位', isRequired: true, example: '前台' },
  { key: 'ab', header: 'AB角', isRequired: false, example: 'A' },
  { key: 'head', header: '窗口负责人', isRequired: false, example: '否' },
];

const POSTS = new Map<string, TStaffPost>([
  ...STAFF_POSTS.map((p) => [STAFF_POST_LABELS[p].zh, p] as const),
  // the post's former name, in rosters written before it took the seed's word (保安)
  ['安保', 'security'],
]);
const YES = new Set(['是', 'Y', 'y', '1']);
/** 工号 as the center's staff page accepts it: letters, digits, `-` and `_`, at most 32 */
const STAFF_NO = /^[A-Za-z0-9_-]{1,32}$/;

type TRosterRow = {
  unit: string;
  windowCode: string;
  windowName: string;
  staffNo: string;
  name: string;
  post: TStaffPost;
  ab: 'A' | 'B' | null;
  head: boolean;
};

export interface TRosterCounts {
  rows: number;
  units: number;
  windows: number;
  staff: number;
  /** people known by their 工号 whose name, window, post, AB角 or headship the roster changed */
  updated: number;
  unchanged: number;
}

/**
 * A roster: units by name, windows by code, people by their 工号 (staff number), never by name: a
 * person whose name changed keeps their record and history, and two people of the same name are two
 * people. A 工号 already in the center with the same name, window, post, AB角 and headship changes
 * nothing (importing the same roster again changes nothing); with another name or AB角 the person is
 * edited, in another window, post or headship they are moved from the day of the import (a dated
 * assignment; the past is not rewritten). A new person's assignment holds from the day of the import.
 * A window code that names another unit's window is refused; so is a new 工号 beside a person of the
 * same name in the same window who has none yet (give them theirs on the 人员 page first, so that
 * nobody is entered twice).
 */
export async function importRosterRows(
  db: Db,
  user: TUser,
  today: string,
  rows: TRowBatches,
  errors: RowErrorList,
): Promise<TRosterCounts> {
  const units = new Map((await listUnits(db, user.centerId)).map((u) => [u.name, u.id]));
  const windows = new Map((await listWindows(db, user.centerId)).map((w) => [w.code, w]));
  const staff = await listStaff(db, { centerId: user.centerId, includeInactive: true });
  const byStaffNo = new Map(staff.filter((s) => s.staffNo !== null).map((s) => [s.staffNo!, s]));
  const unnumbered = new Set(staff.filter((s) => s.staffNo === null).map((s) => `${s.windowId}|${s.name}`));
  const lineOf = new Map<string, number>();
  const records: TRosterRow[] = [];
  const counts: TRosterCounts = { rows: 0, units: 0, windows: 0, staff: 0, updated: 0, unchanged: 0 };
  for await (const read of rows)
    for (const row of read) {
      counts.rows++;
      const staffNo = row.get('staffNo');
      if (staffNo !== '' && !STAFF_NO.test(staffNo))
        row.fail('staffNo', `工号须为字母、数字、-或_（至多32位），收到「${staffNo}」`);
      else if (lineOf.has(staffNo))
        row.fail('staffNo', `工号 ${staffNo} 在文件中重复（第${lineOf.get(staffNo)}行）`);
      else if (staffNo !== '') lineOf.set(staffNo, row.line);
      const known = byStaffNo.get(staffNo);
      const post = POSTS.get(row.get('post'));
      if (row.get('post') !== '' && !post)
        row.fail(
          'post',
          `岗位须为 ${STAFF_POSTS.map((p) => STAFF_POST_LABELS[p].zh).join('、')}，收到「${row.get('post')}」`,
        );
      const ab = row.get('ab');
      if (ab !== '' && ab !== 'A' && ab !== 'B') row.fail('ab', `AB角须为 A 或 B，收到「${ab}」`);
      if (row.get('windowCode') !== '' && !/^[A-Za-z0-9_-]{1,20}$/.test(row.get('windowCode')))
        row.fail('windowCode', `窗口编号无效：${row.get('windowCode')}`);
      const w = windows.get(row.get('windowCode'));
      if (w && units.get(row.get('unit')) !== w.unitId)
        row.fail('windowCode', `窗口 ${w.code} 属于另一个单位`);
      const isMove =
        known !== undefined &&
        (known.windowId !== (w?.id ?? null) ||
          known.post !== post ||
          known.isWindowHead !== YES.has(row.get('head')));
      if (known && !known.isActive && isMove)
        row.fail('staffNo', `工号 ${staffNo} 的 ${known.name} 已停用，不能调配（请先在「人员」页启用）`);
      if (!known && staffNo !== '' && w && unnumbered.has(`${w.id}|${row.get('name')}`))
        row.fail(
          'staffNo',
          `窗口 ${w.code} 已有未登记工号的 ${row.get('name')}：请先在「人员」页为其登记工号，以免重复录入同一人`,
        );
      if (!post || row.isBad()) continue;
      records.push({
        unit: row.get('unit'),
        windowCode: row.get('windowCode'),
        windowName: row.get('windowName'),
        staffNo,
        name: row.get('name'),
        post,
        ab: ab === 'A' || ab === 'B' ? ab : null,
        head: YES.has(row.get('head')),
      });
    }
  if (errors.count > 0) return counts;
  for (const r of records) {
    let unitId = units.get(r.unit);
    if (unitId === undefined) {
      unitId = (await insertUnit(db, { centerId: user.centerId, name: r.unit })).id;
      units.set(r.unit, unitId);
      counts.units++;
    }
    let w = windows.get(r.windowCode);
    if (!w) {
      w = await insertWindow(db, { centerId: user.centerId, unitId, code: r.windowCode, name: r.windowName });
      windows.set(r.windowCode, w);
      counts.windows++;
    }
    const known = byStaffNo.get(r.staffNo);
    if (!known) {
      await insertStaff(db, {
        centerId: user.centerId,
        unitId,
        windowId: w.id,
        staffNo: r.staffNo,
        name: r.name,
        post: r.post,
        abRole: r.ab,
        isWindowHead: r.head,
        from: today,
        createdBy: user.id,
      });
      counts.staff++;
      continue;
    }
    if (await updateKnown(db, user, today, known, { ...r, unitId, windowId: w.id })) counts.updated++;
    else counts.unchanged++;
  }
  return counts;
}

/** Brings a person known by 工号 to the roster's row: true when anything changed. */
async function updateKnown(
  db: Db,
  user: TUser,
  today: string,
  known: TStaff,
  r: TRosterRow & { unitId: number; windowId: number },
): Promise<boolean> {
  const isMoved =
    known.windowId !== r.windowId ||
    known.unitId !== r.unitId ||
    known.post !== r.post ||
    known.isWindowHead !== r.head;
  const isEdited = known.name !== r.name || known.abRole !== r.ab;
  if (isEdited) {
    await updateStaff(db, known.id, { name: r.name, abRole: r.ab });
    await audit(
      db,
      user,
      'staff',
      known.id,
      'update',
      { name: known.name, abRole: known.abRole },
      { name: r.name, abRole: r.ab, staffNo: r.staffNo },
    );
  }
  if (isMoved) {
    await assignStaff(db, user, today, {
      staffId: known.id,
      windowId: r.windowId,
      unitId: r.unitId,
      post: r.post,
      isWindowHead: r.head,
      from: today,
      reason: '名册导入',
    });
  }
  return isEdited || isMoved;
}
