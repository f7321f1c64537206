import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { findMatter, insertMatter, listMatters, revokeMatter, updateMatter } from './matters.repository.ts';

describe.each(TEST_DIALECTS)('matters repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps a matter with the eight fields of its guide, and a bare one with empty fields', async () => {
    const guide = await insertMatter(t.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '企业开办联办',
      type: 'joint',
      promisedDays: 5,
      legalBasis: '《市场主体登记管理条例》',
      materials: ['申请书', '章程'],
      procedure: '受理—审查—决定',
      fees: '不收费',
      feeBasis: '',
      inquiryPhone: '0571-1',
      complaintPhone: '12345',
      leadDepartment: '市场监管局',
      relatedDepartments: ['税务局', '公安局'],
    });
    expect(await findMatter(t.db, guide.id)).toEqual(guide);
    expect(guide).toMatchObject({ materials: ['申请书', '章程'], relatedDepartments: ['税务局', '公安局'] });
    const bare = await insertMatter(t.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '商品房预售许可',
      type: 'escalated',
      promisedDays: 20,
    });
    expect(bare).toMatchObject({ type: 'escalated', legalBasis: '', materials: [], isActive: true });
  });

  it('changes a guide, withdraws a matter with a reason, and lists withdrawn ones only on request', async () => {
    const m = await insertMatter(t.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '旧事项',
      type: 'promised',
      promisedDays: 2,
    });
    await updateMatter(t.db, m.id, { promisedDays: 4, materials: ['申请表'] });
    await updateMatter(t.db, m.id, {});
    expect(await findMatter(t.db, m.id)).toMatchObject({ promisedDays: 4, materials: ['申请表'] });
    await revokeMatter(t.db, m.id, '事项已取消');
    expect((await listMatters(t.db, { centerId: f.centerId })).map((x) => x.id)).not.toContain(m.id);
    const all = await listMatters(t.db, { centerId: f.centerId, includeRevoked: true });
    expect(all.find((x) => x.id === m.id)).toMatchObject({ isActive: false, revokeReason: '事项已取消' });
    expect(await listMatters(t.db, { centerId: f.otherCenterId, includeRevoked: true })).toEqual([]);
  });

  it('refuses a type outside the vocabulary', async () => {
    await expect(
      insertMatter(t.db, {
        centerId: f.centerId,
        unitId: f.unitId,
        name: 'x',
        type: 'forwarded' as 'escalated',
        promisedDays: 2,
      }),
    ).rejects.toThrow();
  });
});
