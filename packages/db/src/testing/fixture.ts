import type { Db } from '../client.ts';
import { insertCenter, insertStaff, insertUnit, insertWindow, type TStaff } from '../org/org.repository.ts';

export interface TFixture {
  centerId: number;
  otherCenterId: number;
  unitId: number;
  windowIds: [number, number];
  staff: TStaff[];
  otherStaff: TStaff;
  otherWindowId: number;
}

/**
 * A small center for tests: one unit, two windows, four staff (a head on window 1), and a second
 * center with one person, to prove isolation.
 */
export async function seedFixture(
  db: Db,
  options: { assignedFrom: string | null } = { assignedFrom: '2020-01-01' },
): Promise<TFixture> {
  const from = options.assignedFrom;
  const center = await insertCenter(db, { code: 'T1', name: '测试市政务服务中心', city: '测试市' });
  const other = await insertCenter(db, { code: 'T2', name: '另一个政务服务中心', city: '测试市' });
  const unit = await insertUnit(db, { centerId: center.id, name: '不动产登记中心' });
  const w1 = await insertWindow(db, {
    centerId: center.id,
    unitId: unit.id,
    code: 'W01',
    name: '不动产登记1号窗口',
  });
  const w2 = await insertWindow(db, {
    centerId: center.id,
    unitId: unit.id,
    code: 'W02',
    name: '不动产登记2号窗口',
  });
  const staff: TStaff[] = [];
  const people: [string, number, boolean, 'A' | 'B'][] = [
    ['张三', w1.id, true, 'A'],
    ['李四', w1.id, false, 'B'],
    ['王五', w2.id, false, 'A'],
    ['赵六', w2.id, false, 'B'],
  ];
  for (const [name, windowId, isWindowHead, abRole] of people) {
    staff.push(
      await insertStaff(db, {
        centerId: center.id,
        unitId: unit.id,
        windowId,
        name,
        post: 'front',
        abRole,
        isWindowHead,
        from,
      }),
    );
  }
  const otherUnit = await insertUnit(db, { centerId: other.id, name: '税务局' });
  const ow = await insertWindow(db, {
    centerId: other.id,
    unitId: otherUnit.id,
    code: 'W01',
    name: '税务1号窗口',
  });
  const otherStaff = await insertStaff(db, {
    centerId: other.id,
    unitId: otherUnit.id,
    windowId: ow.id,
    name: '钱七',
    post: 'front',
    abRole: 'A',
    isWindowHead: false,
    from,
  });
  return {
    centerId: center.id,
    otherCenterId: other.id,
    unitId: unit.id,
    windowIds: [w1.id, w2.id],
    staff,
    otherStaff,
    otherWindowId: ow.id,
  };
}
