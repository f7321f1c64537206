import { appendAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';

describe.each(TEST_DIALECTS)('auth.demo on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('names no demo account where the demo center was never loaded, and the accounts once it is', async () => {
    expect(await s.as(null).auth.demo()).toBeNull();
    await appendAudit(s.t.db, {
      centerId: s.f.centerId,
      userId: null,
      entity: 'demo',
      entityId: 1,
      action: 'load',
      before: null,
      after: {},
    });
    expect(await s.as(null).auth.demo()).toEqual({
      usernames: ['admin', 'leader', 'deputy', 'supervisor', 'head', 'staff'],
      password: 'demo1234',
    });
  });
});
