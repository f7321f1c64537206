import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStats } from '../analytics/analytics.repository.ts';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import {
  findCase,
  findCaseByCode,
  insertCases,
  isAcceptanceCodeTaken,
  listCases,
  listOpenCases,
  takenAcceptanceCodes,
  updateCase,
} from './cases.repository.ts';

describe.each(TEST_DIALECTS)('cases repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedCaseFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  describe('insertCases and updateCase', () => {
    it('keeps the rollup equal to the cases, through inserts of open and decided cases and a decision', async () => {
      const window = f.windowIds[1];
      const decided = { stage: 'decided' as const, decision: 'approved' as const, windowId: window };
      const ids = await insertCases(t.db, [
        f.newCase('2026-09-01', {
          ...decided,
          decidedOn: '2026-09-03',
          handlingDays: 2,
          deadline: '2026-09-04',
        }),
        f.newCase('2026-09-01', { ...decided, decidedOn: '2026-09-08', handlingDays: 5, overdueDays: 2 }),
        f.newCase('2026-09-01', {
          ...decided,
          type: 'immediate',
          promisedDays: 0,
          decidedOn: '2026-09-01',
          handlingDays: 0,
        }),
        f.newCase('2026-10-09', { windowId: window, deadline: '2026-10-14' }),
      ]);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
      // the open one is decided on time: it moves from open to completed in the rollup
      const open = ids[3]!;
      const before = await findCase(t.db, open);
      expect(
        await updateCase(
          t.db,
          open,
          {
            stage: 'decided',
            decision: 'approved',
            decidedOn: '2026-10-13',
            handlingDays: 2,
            overdueDays: 0,
          },
          before!.version,
        ),
      ).toBe(true);
      const filter = { centerId: f.centerId, windowId: window, from: '2026-09-01', to: '2026-10-31' };
      const [all] = await caseStats(t.db, filter, 'none');
      expect(all).toEqual({
        key: 'all',
        cases: 4,
        completed: 4,
        onTime: 3,
        overdue: 1,
        overdueDays: 2,
        handlingDays: 9,
        promisedDays: 9,
        immediate: 1,
        immediateSameDay: 1,
      });
      const months = await caseStats(t.db, filter, 'month');
      expect(months.map((m) => [m.key, m.cases, m.completed])).toEqual([
        ['2026-09', 3, 3],
        ['2026-10', 1, 1],
      ]);
    });

    it('reads back every field it wrote, lists and JSON included', async () => {
      const id = await f.addCase('2026-08-03', {
        stage: 'awaitingMaterials',
        acceptedOn: null,
        deadline: null,
        acceptanceCode: `R-${dialect}`,
        queryPasswordHash: 'scrypt$x',
        applicantName: '王小明',
        applicantPhone: '13800000000',
        handlerPhone: '0571-1',
        supplementCount: 1,
        missingMaterials: ['身份证明', '委托书'],
        isOneTimeNotificationFailed: true,
      });
      expect(await findCase(t.db, id)).toMatchObject({
        id,
        type: 'promised',
        stage: 'awaitingMaterials',
        receivedOn: '2026-08-03',
        acceptedOn: null,
        deadline: null,
        applicantName: '王小明',
        missingMaterials: ['身份证明', '委托书'],
        returnReasons: [],
        isOneTimeNotificationFailed: true,
        isJointDepartmentLate: false,
        decision: null,
        overdueDays: 0,
        version: null,
      });
      const byCode = await findCaseByCode(t.db, `R-${dialect}`);
      expect(byCode).toMatchObject({ case: { id }, queryPasswordHash: 'scrypt$x' });
      expect(await findCaseByCode(t.db, 'NO-SUCH-CODE')).toBeUndefined();
    });

    it('writes a step only over the version it read (two clerks on one case)', async () => {
      const id = await f.addCase('2026-08-04');
      const read = (await findCase(t.db, id))!;
      expect(
        await updateCase(t.db, id, { stage: 'returned', returnReasons: ['不属于本机关职权'] }, read.version),
      ).toBe(true);
      const now = (await findCase(t.db, id))!;
      expect(now.version).not.toBe(read.version);
      expect(await updateCase(t.db, id, { stage: 'decided' }, read.version)).toBe(false);
      expect(await findCase(t.db, id)).toMatchObject({
        stage: 'returned',
        returnReasons: ['不属于本机关职权'],
      });
    });

    it('refuses a type or stage outside the vocabulary', async () => {
      await expect(
        insertCases(t.db, [f.newCase('2026-08-05', { type: 'forwarded' as 'promised' })]),
      ).rejects.toThrow();
      await expect(
        insertCases(t.db, [f.newCase('2026-08-05', { stage: 'open' as 'accepted' })]),
      ).rejects.toThrow();
    });
  });

  describe('acceptance codes', () => {
    it('tells which codes are taken, in bulk and one by one', async () => {
      await f.addCase('2026-08-06', { acceptanceCode: 'TAKEN-1' });
      expect([...(await takenAcceptanceCodes(t.db, ['TAKEN-1', 'FREE-1']))]).toEqual(['TAKEN-1']);
      expect(await takenAcceptanceCodes(t.db, [])).toEqual(new Set());
      expect(await isAcceptanceCodeTaken(t.db, 'TAKEN-1')).toBe(true);
      expect(await isAcceptanceCodeTaken(t.db, 'FREE-1')).toBe(false);
    });
  });

  describe('listCases', () => {
    it('filters by window, person, type, stage, day and flags, newest first, with the names shown', async () => {
      const staff = f.staff[3]!;
      const mine = { staffId: staff.id, windowId: f.windowIds[1] };
      const a = await f.addCase('2026-07-01', { ...mine, stage: 'forwarded', type: 'escalated' });
      const b = await f.addCase('2026-07-02', { ...mine, overdueDays: 2 });
      const c = await f.addCase('2026-07-03', { ...mine, isJointDepartmentLate: true, type: 'joint' });
      const list = (extra = {}) => listCases(t.db, { centerId: f.centerId, staffId: staff.id, ...extra });
      expect((await list()).map((r) => r.id)).toEqual([c, b, a]);
      expect(await list()).toMatchObject([
        { matterName: '不动产转移登记', windowName: '不动产登记2号窗口', staffName: '赵六' },
        {},
        {},
      ]);
      expect((await list({ type: 'escalated' })).map((r) => r.id)).toEqual([a]);
      expect((await list({ stages: ['forwarded'] })).map((r) => r.id)).toEqual([a]);
      expect((await list({ from: '2026-07-02', to: '2026-07-02' })).map((r) => r.id)).toEqual([b]);
      expect((await list({ isOverdue: true })).map((r) => r.id)).toEqual([b]);
      expect((await list({ isFlagged: true })).map((r) => r.id)).toEqual([c, b]);
      expect((await list({ beforeId: c, limit: 1 })).map((r) => r.id)).toEqual([b]);
      expect(await listCases(t.db, { centerId: f.otherCenterId })).toEqual([]);
    });

    it('lists as open only the cases whose clock runs (to notification) or that wait upstairs', async () => {
      const staff = f.staff[2]!;
      const at = { staffId: staff.id, windowId: f.windowIds[1] };
      const running = await f.addCase('2026-06-01', at);
      const upstairs = await f.addCase('2026-06-01', { ...at, stage: 'forwarded', type: 'escalated' });
      await f.addCase('2026-06-01', { ...at, stage: 'awaitingMaterials', acceptedOn: null, deadline: null });
      const unnotified = await f.addCase('2026-06-01', {
        ...at,
        stage: 'decided',
        decidedOn: '2026-06-02',
        handlingDays: 1,
      });
      await f.addCase('2026-06-01', {
        ...at,
        stage: 'notified',
        decidedOn: '2026-06-02',
        notifiedOn: '2026-06-02',
        handlingDays: 1,
      });
      const open = await listOpenCases(t.db, { centerId: f.centerId, staffId: staff.id });
      expect(open.map((r) => r.id).sort((x, y) => x - y)).toEqual([running, upstairs, unnotified]);
    });
  });
});
