import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { insertMatter, type TMatter } from '../cases/matters.repository.ts';
import type { DbRoot } from '../client.ts';
import type { TCenter } from '../org/org.repository.ts';
import { insertCenter, insertStaff, insertUnit, insertWindow, type TStaff } from '../org/org.repository.ts';
import { insertPolicyVersion } from '../policies/policies.repository.ts';
import { DEMO_UNITS, GIVEN, SURNAMES } from './demo-catalog.ts';
import type { TRandom } from './demo-random.ts';

export interface TDemoStaff extends TStaff {
  /** latent quality: excellent few, incompetent few, most competent */
  quality: 'excellent' | 'normal' | 'weak';
}

export interface TDemoWindow {
  id: number;
  unitId: number;
  name: string;
  front: TDemoStaff[];
  all: TDemoStaff[];
  matters: (TMatter & { weight: number })[];
  /** the share of its promised cases decided late */
  lateRate: number;
  /** complaints per case */
  complaintRate: number;
}

export interface TDemoOrganisation {
  center: TCenter;
  staff: TDemoStaff[];
  windows: TDemoWindow[];
  units: number;
}

function makeNames(rand: TRandom, n: number): string[] {
  const names = new Set<string>();
  while (names.size < n) {
    const given = rand.chance(0.35) ? rand.pick([...GIVEN]) : rand.pick([...GIVEN]) + rand.pick([...GIVEN]);
    names.add(rand.pick([...SURNAMES]) + given);
  }
  return [...names];
}

/**
 * The demo center in one transaction: its default policies (A, B, C, D), 8 units with their matters,
 * 36 windows of 3 or 4 people (A and B roles at the front desk, a head on each unit's first window)
 * and 4 security guards.
 */
export async function createDemoOrganisation(
  db: DbRoot,
  rand: TRandom,
  seed: number,
  from: string,
): Promise<TDemoOrganisation> {
  return db.transaction().execute(async (tx) => {
    const center = await insertCenter(tx, {
      code: seed === 20_261_126 ? 'DEMO' : `DEMO${seed}`,
      name: '演示市政务服务中心',
      city: '演示市',
      objectionOffice: '审管科',
      objectionPhone: '0791-83761234',
    });
    for (const p of Object.values(DEFAULT_POLICIES)) {
      await insertPolicyVersion(tx, {
        centerId: center.id,
        code: p.code,
        effectiveFrom: '2000-01-01',
        body: p,
        createdBy: null,
      });
    }
    const names = makeNames(rand, 130);
    let nameIndex = 0;
    const staff: TDemoStaff[] = [];
    const windows: TDemoWindow[] = [];
    let windowNo = 0;
    for (const u of DEMO_UNITS) {
      const unit = await insertUnit(tx, { centerId: center.id, name: u.name });
      const matters: (TMatter & { weight: number })[] = [];
      for (const m of u.matters) {
        const matter = await insertMatter(tx, {
          centerId: center.id,
          unitId: unit.id,
          name: m.name,
          type: m.type,
          promisedDays: m.days,
        });
        matters.push({ ...matter, weight: m.weight });
      }
      for (let i = 1; i <= u.windows; i++) {
        windowNo++;
        const w = await insertWindow(tx, {
          centerId: center.id,
          unitId: unit.id,
          code: `W${String(windowNo).padStart(2, '0')}`,
          name: `${u.short}${i}号窗口`,
        });
        const size = windowNo % 3 === 0 ? 4 : 3;
        const people: TDemoStaff[] = [];
        for (let k = 0; k < size; k++) {
          const s = await insertStaff(tx, {
            centerId: center.id,
            unitId: unit.id,
            windowId: w.id,
            // 工号: the order the demo's people were entered in
            staffNo: `GX${String(nameIndex + 1).padStart(4, '0')}`,
            name: names[nameIndex++]!,
            post: k < 2 ? 'front' : 'back',
            abRole: k === 0 ? 'A' : k === 1 ? 'B' : null,
            isWindowHead: i === 1 && k === 0,
            from,
          });
          const r = rand.next();
          people.push({ ...s, quality: r < 0.06 ? 'excellent' : r > 0.93 ? 'weak' : 'normal' });
        }
        staff.push(...people);
        windows.push({
          id: w.id,
          unitId: unit.id,
          name: w.name,
          front: people.filter((p) => p.post === 'front'),
          all: people,
          matters,
          lateRate: 0.002 + rand.next() * 0.02,
          complaintRate: 0.0004 + rand.next() * 0.0016,
        });
      }
    }
    for (let g = 0; g < 4; g++) {
      const s = await insertStaff(tx, {
        centerId: center.id,
        unitId: null,
        windowId: null,
        staffNo: `GX${String(nameIndex + 1).padStart(4, '0')}`,
        name: names[nameIndex++]!,
        post: 'security',
        abRole: null,
        isWindowHead: false,
        from,
      });
      staff.push({ ...s, quality: 'normal' });
    }
    return { center, staff, windows, units: DEMO_UNITS.length };
  });
}
