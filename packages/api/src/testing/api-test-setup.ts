import {
  createTestDatabase,
  insertCases,
  insertMatter,
  insertPolicyVersion,
  insertUser,
  seedFixture,
  type TDialectName,
  type TFixture,
  type TNewCase,
  type TRole,
  type TTestDatabase,
  type TUser,
} from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';

export const TODAY = '2026-11-26';

export interface TApiSetup {
  t: TTestDatabase;
  f: TFixture;
  users: Record<TRole, TUser>;
  /** a leader of the other center */
  otherLeader: TUser;
  as(role: TRole | null): ReturnType<typeof createCaller>;
  asUser(user: TUser): ReturnType<typeof createCaller>;
}

/**
 * A migrated database with the fixture center, its stored policies and one user per role:
 * head is 张三 (head of window 1), staff is 李四 (window 1), supervisor and leader have no window; the
 * leader is the center's 主要领导.
 */
export async function setupApi(dialect: TDialectName): Promise<TApiSetup> {
  const t = await createTestDatabase(dialect);
  const f = await seedFixture(t.db);
  for (const centerId of [f.centerId, f.otherCenterId]) {
    for (const p of Object.values(DEFAULT_POLICIES)) {
      await insertPolicyVersion(t.db, {
        centerId,
        code: p.code,
        effectiveFrom: '2000-01-01',
        body: p,
        createdBy: null,
      });
    }
  }
  const mk = (role: TRole, staffId: number | null, centerId = f.centerId) =>
    insertUser(t.db, {
      centerId,
      username: `${role}_${centerId}`,
      passwordHash: 'x',
      role,
      staffId,
      displayName: role,
      // the leader of each center is its 主要领导 (the fines summary's principal line)
      signoffPosition: role === 'leader' ? 'principal' : null,
    });
  const users = {
    admin: await mk('admin', null),
    leader: await mk('leader', null),
    supervisor: await mk('supervisor', null),
    head: await mk('head', f.staff[0]!.id),
    staff: await mk('staff', f.staff[1]!.id),
  };
  const otherLeader = await mk('leader', null, f.otherCenterId);
  const asUser = (user: TUser | null) =>
    createCaller(createContextInner({ db: t.db, user, today: () => TODAY }));
  return { t, f, users, otherLeader, as: (role) => asUser(role ? users[role] : null), asUser };
}

/**
 * A case decided on the day it was received (in 2 working days, as the rollup counts it), in a window of
 * the fixture, `overdueDays` late: the analytics read such cases from the daily rollup.
 */
export function decidedCase(
  s: TApiSetup,
  matterId: number,
  c: { windowId: number; receivedOn: string; overdueDays?: number },
): TNewCase {
  return {
    centerId: s.f.centerId,
    unitId: s.f.unitId,
    windowId: c.windowId,
    staffId: null,
    matterId,
    type: 'promised',
    stage: 'decided',
    acceptanceCode: null,
    receivedOn: c.receivedOn,
    acceptedOn: c.receivedOn,
    promisedDays: 3,
    deadline: c.receivedOn,
    decision: 'approved',
    decidedOn: c.receivedOn,
    handlingDays: 2,
    overdueDays: c.overdueDays ?? 0,
    acceptedByUser: null,
  };
}

/** The fixture's 抵押权登记 (承诺件, 3 working days), the matter of `decidedCase`. */
export function insertMortgageMatter(s: TApiSetup) {
  return insertMatter(s.t.db, {
    centerId: s.f.centerId,
    unitId: s.f.unitId,
    name: '抵押权登记',
    type: 'promised',
    promisedDays: 3,
  });
}

/** Cases decided on time in the fixture's first window: `counts` maps a day to how many. */
export async function insertDecidedCases(s: TApiSetup, counts: Record<string, number>): Promise<void> {
  const matter = await insertMortgageMatter(s);
  const cases: TNewCase[] = [];
  for (const [receivedOn, n] of Object.entries(counts))
    for (let i = 0; i < n; i++)
      cases.push(decidedCase(s, matter.id, { windowId: s.f.windowIds[0], receivedOn }));
  await insertCases(s.t.db, cases);
}
