import { insertPolicyVersion, insertStaff, insertUnit, insertWindow, TEST_DIALECTS } from '@chuangkou/db';
import { POLICY_A } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * 考核细则 二(一) 前2名 with the quota set per unit: the 年终总评 ranks each unit apart, as the quarters
 * do. Before, the year-end calculation was never given the units and ranked the whole center.
 */
describe.each(TEST_DIALECTS)('年终总评 excellence quota by unit on %s', (dialect) => {
  let s: TApiSetup;
  let sunId: number;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const { db } = s.t;
    await insertPolicyVersion(db, {
      centerId: s.f.centerId,
      code: 'A',
      effectiveFrom: '2025-01-01',
      body: {
        ...POLICY_A,
        assessment: {
          ...POLICY_A.assessment!,
          excellence: { ...POLICY_A.assessment!.excellence, quota: 1, scope: 'unit' },
        },
      },
      createdBy: null,
    });
    const unit = await insertUnit(db, { centerId: s.f.centerId, name: '市场监督管理局' });
    const window = await insertWindow(db, {
      centerId: s.f.centerId,
      unitId: unit.id,
      code: 'W03',
      name: '市场监管1号窗口',
    });
    const sun = await insertStaff(db, {
      centerId: s.f.centerId,
      unitId: unit.id,
      windowId: window.id,
      name: '孙八',
      post: 'front',
      abRole: 'A',
      isWindowHead: false,
      from: '2020-01-01',
    });
    sunId = sun.id;
    // 张三 leads 不动产登记中心 in every ended quarter; 孙八 is alone in his unit at 100
    for (const date of ['2026-02-10', '2026-05-12', '2026-08-11'])
      await s.as('supervisor').records.create({ staffId: s.f.staff[0]!.id, item: 'D1', date });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('grades the first of each unit 优秀 for the year (考核细则 二(一) 前2名, per unit)', async () => {
    const year = await s.as('leader').assessment.yearEnd({ year: 2026 });
    const grade = (id: number) => year.results.find((r) => r.staffId === id)?.grade;
    // each quarter grades both 优秀, one per unit
    expect(year.results.find((r) => r.staffId === sunId)?.quarterGrades).toEqual({
      1: 'excellent',
      2: 'excellent',
      3: 'excellent',
    });
    expect(grade(s.f.staff[0]!.id)).toBe('excellent');
    expect(grade(sunId)).toBe('excellent');
    expect(grade(s.f.staff[1]!.id)).toBe('competent');
  });
});
