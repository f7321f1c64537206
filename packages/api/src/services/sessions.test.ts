import { insertUser } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';
import { SESSION_COOKIE, sessionIdOf, sessionUser } from './auth.service.ts';
import { hashPassword } from './password.ts';

describe('sessions of a user', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
    await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'traveller',
      passwordHash: await hashPassword('first-password'),
      role: 'supervisor',
      staffId: null,
      displayName: '出差',
    });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  /** Signs in from an address; returns a caller on that session and its id. */
  async function signIn(address: string, password = 'first-password', userAgent: string | null = null) {
    let cookie = '';
    await createCaller(
      createContextInner({
        db: s.t.db,
        clientAddress: address,
        userAgent,
        setHeader: (_k, v) => (cookie = v),
      }),
    ).auth.login({ username: 'traveller', password });
    const token = cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const sessionId = sessionIdOf(token);
    const user = (await sessionUser(s.t.db, sessionId))!;
    return { sessionId, caller: createCaller(createContextInner({ db: s.t.db, user, sessionId })) };
  }

  it('shows the open sessions, ends another device, and a password change ends every other session', async () => {
    const office = await signIn('10.5.0.1');
    const phone = await signIn('10.5.0.2');
    const home = await signIn('10.5.0.3');
    const listed = await office.caller.auth.sessions();
    expect(listed.map((x) => [x.id, x.isCurrent]).sort()).toEqual(
      [
        [office.sessionId, true],
        [phone.sessionId, false],
        [home.sessionId, false],
      ].sort(),
    );
    // ends the phone's session; another user's session id ends nothing
    expect(await office.caller.auth.endSession({ id: phone.sessionId })).toEqual({ ended: 1 });
    expect(await sessionUser(s.t.db, phone.sessionId)).toBeNull();
    const other = await s.as('leader').auth.endSession({ id: home.sessionId });
    expect(other).toEqual({ ended: 0 });
    expect(await sessionUser(s.t.db, home.sessionId)).not.toBeNull();

    await expect(
      office.caller.auth.changePassword({ current: 'wrong', next: 'second-password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('原密码不正确') });
    expect(
      await office.caller.auth.changePassword({ current: 'first-password', next: 'second-password' }),
    ).toMatchObject({ endedSessions: 1 });
    expect(await sessionUser(s.t.db, home.sessionId)).toBeNull();
    expect((await office.caller.auth.sessions()).map((x) => x.id)).toEqual([office.sessionId]);
    await signIn('10.5.0.4', 'second-password');
  });

  it('shows each session with its device, its address, its start and when it was last seen', async () => {
    const agent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36';
    const desk = await signIn('10.6.0.1', 'second-password', agent);
    const tablet = await signIn('10.6.0.2', 'second-password', `${'x'.repeat(400)}`);
    const before = await desk.caller.auth.sessions();
    const mine = before.find((x) => x.id === desk.sessionId)!;
    expect(mine).toMatchObject({ userAgent: agent, clientAddress: '10.6.0.1', isCurrent: true });
    expect(mine.lastSeenAt >= mine.createdAt).toBe(true);
    // a User-Agent is kept to 300 characters
    expect(before.find((x) => x.id === tablet.sessionId)!.userAgent).toHaveLength(300);
    // a request on the tablet's session after the cache's time marks it seen then
    const later = Date.now() + 10 * 60_000;
    await sessionUser(s.t.db, tablet.sessionId, later);
    const seen = (await desk.caller.auth.sessions()).find((x) => x.id === tablet.sessionId)!;
    expect(seen.lastSeenAt).toBe(new Date(later).toISOString());
  });
});
