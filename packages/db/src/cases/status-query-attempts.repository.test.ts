import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { countFailedQueryAttempts, recordQueryAttempt } from './status-query-attempts.repository.ts';

describe.each(TEST_DIALECTS)('status query attempts repository on %s', (dialect) => {
  let t: TTestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('counts the failed attempts since an instant, per code and per address', async () => {
    const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`;
    await recordQueryAttempt(t.db, { code: 'C1', address: 'a', isOk: false, at: at(1) });
    await recordQueryAttempt(t.db, { code: 'C1', address: 'b', isOk: false, at: at(5) });
    await recordQueryAttempt(t.db, { code: 'C1', address: 'a', isOk: true, at: at(6) });
    await recordQueryAttempt(t.db, { code: 'C2', address: 'a', isOk: false, at: at(7) });
    expect(await countFailedQueryAttempts(t.db, { code: 'C1', address: 'a', since: at(0) })).toEqual({
      byCode: 2,
      byAddress: 2,
    });
    expect(await countFailedQueryAttempts(t.db, { code: 'C1', address: 'a', since: at(2) })).toEqual({
      byCode: 1,
      byAddress: 1,
    });
    expect(await countFailedQueryAttempts(t.db, { code: 'C3', address: 'c', since: at(0) })).toEqual({
      byCode: 0,
      byAddress: 0,
    });
  });
});
