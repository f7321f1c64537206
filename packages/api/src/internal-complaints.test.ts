import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * A valid complaint's consequences by who complains: 群众 (the public) or 内部 (inside). The veto is the
 * public's (考核细则 二(三) 群众投诉一票否决); A3 and F7b name no source, so the center's reading decides
 * (built in: A3 yes, F7b no, printed as 本中心解释); the ladder counts 内、外部投诉 (规范化服务通知 一(一)).
 */
describe.each(TEST_DIALECTS)('internal complaints on %s', (dialect) => {
  let s: TApiSetup;
  let zhang: number;
  let li: number;
  beforeAll(async () => {
    s = await setupApi(dialect);
    zhang = s.f.staff[0]!.id;
    li = s.f.staff[1]!.id;
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const complain = (channel: 'internal' | 'hotline12345', staffId: number, date: string) =>
    s.as('supervisor').complaints.create({ channel, date, staffId, content: '接待同事时态度生硬' });

  it('考核细则 二(三) 群众投诉一票否决: the verify preview of an internal complaint lists no veto, A3 by the center’s reading, no F7b', async () => {
    const c = await complain('internal', zhang, '2026-08-05');
    const preview = await s.as('supervisor').complaints.consequences({ id: c.id, cause: 'attitude' });
    expect(preview.channel).toBe('internal');
    const byKey = Object.fromEntries(preview.consequences.map((x) => [x.item ?? x.kind, x]));
    expect(byKey.veto).toMatchObject({ applies: false, clause: '考核细则 二(三)' });
    expect(byKey.A3).toMatchObject({ applies: true, clause: '考核细则 一(一)3' });
    expect(byKey.A3!.centerReading).toContain('内部投诉');
    expect(byKey.F7b).toMatchObject({ applies: false, clause: '处罚办法 一、7' });
    expect(byKey.F7b!.centerReading).toContain('内部投诉不处罚30元');
    expect(byKey.ladder).toMatchObject({ applies: false });
  });

  it('考核细则 一(一)3 and 处罚办法 一、7: verifying it records A3 only, and the quarter deducts 5 without the veto', async () => {
    const sup = s.as('supervisor');
    const [c] = await sup.complaints.list({ staffId: zhang });
    await sup.complaints.verify({ id: c!.id, isValid: true, cause: 'attitude' });
    const records = await s.as('leader').records.list({ staffId: zhang });
    expect(records.filter((r) => r.source === 'complaint').map((r) => r.item)).toEqual(['A3']);
    const q3 = await s.as('leader').assessment.quarter({ year: 2026, quarter: 3 });
    const row = q3.results.find((r) => r.staffId === zhang)!;
    expect(row.categories.civility).toBe(25);
    expect(row.vetoed).toBe(false);
    const august = await s.as('supervisor').fines.monthly({ year: 2026, month: 8 });
    expect(august.staff.find((r) => r.staffId === zhang)?.lines ?? []).not.toContainEqual(
      expect.objectContaining({ item: 'F7b' }),
    );
  });

  it('考核细则 二(三): the same complaint from the public vetoes and records A3 and F7b', async () => {
    const sup = s.as('supervisor');
    const c = await complain('hotline12345', li, '2026-08-06');
    const preview = await sup.complaints.consequences({ id: c.id, cause: 'attitude' });
    expect(preview.consequences.filter((x) => x.applies).map((x) => x.item ?? x.kind)).toEqual([
      'veto',
      'A3',
      'F7b',
    ]);
    expect(preview.consequences).toHaveLength(4);
    expect(preview.consequences.filter((x) => x.centerReading !== undefined)).toEqual([]);
    await sup.complaints.verify({ id: c.id, isValid: true, cause: 'attitude' });
    const records = await s.as('leader').records.list({ staffId: li });
    expect(
      records
        .filter((r) => r.source === 'complaint')
        .map((r) => r.item)
        .sort(),
    ).toEqual(['A3', 'F7b']);
    const q3 = await s.as('leader').assessment.quarter({ year: 2026, quarter: 3 });
    expect(q3.results.find((r) => r.staffId === li)?.vetoed).toBe(true);
  });

  it('规范化服务通知 一(一) 内、外部投诉: the preview names the ladder step an internal complaint reaches', async () => {
    const sup = s.as('supervisor');
    const first = await complain('hotline12345', zhang, '2026-09-01');
    await sup.complaints.verify({ id: first.id, isValid: true, cause: 'procrastination' });
    const second = await complain('internal', zhang, '2026-09-10');
    const preview = await sup.complaints.consequences({ id: second.id, cause: 'responsibility' });
    const ladder = preview.consequences.find((x) => x.kind === 'ladder')!;
    expect(ladder).toMatchObject({ applies: true, clause: '规范化服务通知 一(一)' });
    expect(ladder.effect.zh).toBe('第2次投诉：待岗一周，不享受当月奖金，扣除半年奖金');
  });

  it('refuses the preview of another center’s complaint or an unknown cause, naming the field', async () => {
    const c = await complain('internal', zhang, '2026-09-11');
    await expect(
      s.asUser(s.otherLeader).complaints.consequences({ id: c.id, cause: 'attitude' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    await expect(
      s.as('supervisor').complaints.consequences({ id: c.id, cause: 'rudeness' as never }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
