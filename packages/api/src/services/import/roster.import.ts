import type { Db, TUser } from '@chuangkou/db';
import { insertStaff, insertUnit, insertWindow, listStaff, listUnits, listWindows } from '@chuangkou/db';
import { STAFF_POST_LABELS, STAFF_POSTS, type TStaffPost } from '@chuangkou/rules';
import type { RowErrorList, TColumn, TRow } from './import-columns.ts';

export const ROSTER_COLUMNS: TColumn[] = [
  { key: 'unit', header: '单位', isRequired: true, example: '不动产登记中心' },
  { key: 'windowCode', header: '窗口编号', isRequired: true, example: 'W01' },
  { key: 'windowName', header: '窗口名称', isRequired: true, example: '不动产登记1号窗口' },
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

type TRosterRow = {
  unit: string;
  windowCode: string;
  windowName: string;
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
  unchanged: number;
}

/**
 * A roster: units by name, windows by code, people by name within their window. What is already there
 * is left as it is (importing the same roster again changes nothing); a window code that names another
 * unit's window is refused. A new person's assignment holds from the day of the import.
 */
export async function importRosterRows(
  db: Db,
  user: TUser,
  today: string,
  rows: AsyncIterable<TRow>,
  errors: RowErrorList,
): Promise<TRosterCounts> {
  const units = new Map((await listUnits(db, user.centerId)).map((u) => [u.name, u.id]));
  const windows = new Map((await listWindows(db, user.centerId)).map((w) => [w.code, w]));
  const records: TRosterRow[] = [];
  const counts: TRosterCounts = { rows: 0, units: 0, windows: 0, staff: 0, unchanged: 0 };
  for await (const row of rows) {
    counts.rows++;
    const { get, fail } = row;
    const post = POSTS.get(get('post'));
    if (get('post') !== '' && !post)
      fail(
        'post',
        `岗位须为 ${STAFF_POSTS.map((p) => STAFF_POST_LABELS[p].zh).join('、')}，收到「${get('post')}」`,
      );
    const ab = get('ab');
    if (ab !== '' && ab !== 'A' && ab !== 'B') fail('ab', `AB角须为 A 或 B，收到「${ab}」`);
    if (get('windowCode') !== '' && !/^[A-Za-z0-9_-]{1,20}$/.test(get('windowCode')))
      fail('windowCode', `窗口编号无效：${get('windowCode')}`);
    const w = windows.get(get('windowCode'));
    if (w && units.get(get('unit')) !== w.unitId) fail('windowCode', `窗口 ${w.code} 属于另一个单位`);
    if (!post || row.isBad()) continue;
    records.push({
      unit: get('unit'),
      windowCode: get('windowCode'),
      windowName: get('windowName'),
      name: get('name'),
      post,
      ab: ab === 'A' || ab === 'B' ? ab : null,
      head: YES.has(get('head')),
    });
  }
  if (errors.count > 0) return counts;
  const present = new Set(
    (await listStaff(db, { centerId: user.centerId, includeInactive: true })).map(
      (s) => `${s.windowId}|${s.name}`,
    ),
  );
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
    const key = `${w.id}|${r.name}`;
    if (present.has(key)) {
      counts.unchanged++;
      continue;
    }
    await insertStaff(db, {
      centerId: user.centerId,
      unitId,
      windowId: w.id,
      name: r.name,
      post: r.post,
      abRole: r.ab,
      isWindowHead: r.head,
      from: today,
    });
    present.add(key);
    counts.staff++;
  }
  return counts;
}
