import { insertUser, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../testing/case-test-setup.ts';
import { HASH_QUEUE_FULL, HASH_QUEUE_LIMITS, hashQueueLoad, inHashQueue } from './hash-queue.ts';
import { LOGIN_LIMITS, QUERY_LIMITS } from './login-limit.ts';
import { hashPassword } from './password.ts';

/** Settles every call and counts the answers by code ('ok' for a success). */
async function answers(calls: Promise<unknown>[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await Promise.allSettled(calls)) {
    const code = r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code;
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
}

describe.each(TEST_DIALECTS)('the attempt limits under parallel attempts on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  let applicantAt: TCaseSetup['applicantAt'];
  const from = (clientAddress: string) => createCaller(createContextInner({ db: s.t.db, clientAddress }));
  const checkedOf = async (table: 'login_attempts' | 'status_query_attempts') =>
    Number(
      (
        await s.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('is_checked', '=', 1)
          .executeTakeFirstOrThrow()
      ).n,
    );
  beforeAll(async () => {
    ({ s, matters, acceptAs, applicantAt } = await setupCases(dialect));
    for (const username of ['victim', 'bystander'])
      await insertUser(s.t.db, {
        centerId: s.f.centerId,
        username,
        passwordHash: await hashPassword('right-password'),
        role: 'staff',
        staffId: null,
        displayName: username,
      });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('checks no more than the limit of 100 parallel wrong passwords and refuses the right one after them', async () => {
    const wrong = Array.from({ length: 100 }, (_, i) =>
      from('203.0.113.7').auth.login({ username: 'victim', password: `wrong-${i}` }),
    );
    const counted = await answers([
      ...wrong,
      from('203.0.113.7').auth.login({ username: 'victim', password: 'right-password' }),
    ]);
    // the right password is one of the calls past the limit: never checked, never a session
    expect(counted).toEqual({
      UNAUTHORIZED: LOGIN_LIMITS.pair.limit,
      TOO_MANY_REQUESTS: 101 - LOGIN_LIMITS.pair.limit,
    });
    expect(await checkedOf('login_attempts')).toBe(LOGIN_LIMITS.pair.limit);
    const sessions = await s.t.db.selectFrom('sessions').select('id').execute();
    expect(sessions).toHaveLength(0);
  });

  it('counts every call of a batch: 19 wrong passwords and the right one last answer no session', async () => {
    const calls = Array.from({ length: 20 }, (_, i) =>
      from('203.0.113.8').auth.login({
        username: 'bystander',
        password: i === 19 ? 'right-password' : `w${i}`,
      }),
    );
    const counted = await answers(calls);
    expect(counted.ok).toBeUndefined();
    expect(counted.UNAUTHORIZED).toBe(LOGIN_LIMITS.pair.limit);
    // the user from their own address still signs in: a stranger locked out only their own pair
    expect(
      (await from('198.51.100.20').auth.login({ username: 'bystander', password: 'right-password' })).user
        .username,
    ).toBe('bystander');
  });

  it('holds the public status query the same way: parallel guesses at one code check no more than the limit', async () => {
    const { receipt } = await acceptAs('staff', matters.promised, TODAY);
    const a = applicantAt('203.0.113.9');
    const before = await checkedOf('status_query_attempts');
    const guesses = Array.from({ length: 40 }, (_, i) =>
      a.cases.publicStatus({ code: receipt.acceptanceCode, password: `WRONG${i}` }),
    );
    const counted = await answers([
      ...guesses,
      a.cases.publicStatus({ code: receipt.acceptanceCode, password: receipt.queryPassword! }),
    ]);
    expect(counted).toEqual({
      UNAUTHORIZED: QUERY_LIMITS.pair.limit,
      TOO_MANY_REQUESTS: 41 - QUERY_LIMITS.pair.limit,
    });
    expect((await checkedOf('status_query_attempts')) - before).toBe(QUERY_LIMITS.pair.limit);
    // the applicant at the window's address is not locked out
    expect(
      (
        await applicantAt('198.51.100.21').cases.publicStatus({
          code: receipt.acceptanceCode,
          password: receipt.queryPassword!,
        })
      ).stage,
    ).toBe('accepted');
    expect((await refusal(a.cases.publicStatus({ code: receipt.acceptanceCode, password: 'X' }))).code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });
});

describe('inHashQueue', () => {
  it('runs at most the concurrency at once, queues a bounded number and refuses the rest at once', async () => {
    const { concurrency, queue } = HASH_QUEUE_LIMITS;
    let running = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const work = () =>
      new Promise<number>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        release.push(() => {
          running--;
          resolve(1);
        });
      });
    const accepted = Array.from({ length: concurrency + queue }, () => inHashQueue(work));
    expect(hashQueueLoad()).toEqual({ running: concurrency, waiting: queue });
    await expect(inHashQueue(work)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: HASH_QUEUE_FULL });
    // release one at a time: each frees exactly one slot for the next waiter
    while (release.length > 0) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(accepted)).toHaveLength(concurrency + queue);
    expect(peak).toBe(concurrency);
    expect(hashQueueLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
