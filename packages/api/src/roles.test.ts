import { countAudit, insertUser, type TRole } from '@chuangkou/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './root.ts';
import { hashPassword } from './services/password.ts';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

type TCaller = ReturnType<TApiSetup['as']>;
const ROLES: (TRole | null)[] = [null, 'admin', 'leader', 'supervisor', 'head', 'staff'];
const ALL: TRole[] = ['admin', 'leader', 'supervisor', 'head', 'staff'];
const SUP: TRole[] = ['supervisor', 'leader'];
const PERSON: TRole[] = ['head', 'staff'];
const HEAD: TRole[] = ['head', 'supervisor', 'leader'];

/**
 * Who may call each procedure, and an input that is valid for it (n makes repeated calls distinct).
 * `'public'` means anyone, signed in or not. A procedure missing here fails the first test.
 */
function matrix(
  s: TApiSetup,
): Record<string, { allowed: TRole[] | 'public'; input?: (n: number) => unknown }> {
  const [zhang, li, wang] = s.f.staff;
  const w1 = s.f.windowIds[0];
  return {
    'auth.login': { allowed: 'public', input: () => ({ username: 'walker', password: 'walker-secret' }) },
    'auth.logout': { allowed: ALL },
    'auth.me': { allowed: 'public' },
    'org.centers': { allowed: ALL },
    'org.createCenter': {
      allowed: ['admin'],
      input: (n) => ({ code: `C${n}`, name: `中心${n}`, city: '测试市' }),
    },
    'org.units': { allowed: ALL },
    'org.createUnit': { allowed: ['admin'], input: (n) => ({ name: `单位${n}` }) },
    'org.windows': { allowed: ALL },
    'org.createWindow': {
      allowed: ['admin'],
      input: (n) => ({ unitId: s.f.unitId, code: `X${n}`, name: `窗口${n}` }),
    },
    'org.staff': { allowed: ALL },
    'org.colleagues': { allowed: ALL },
    'org.createStaff': {
      allowed: ['admin'],
      input: (n) => ({ name: `新人${n}`, unitId: s.f.unitId, windowId: w1, post: 'back', abRole: null }),
    },
    'org.updateStaff': { allowed: ['admin'], input: () => ({ id: wang!.id, abRole: 'A' }) },
    'org.matters': { allowed: ALL },
    'users.list': { allowed: ['admin'] },
    'users.create': {
      allowed: ['admin'],
      input: (n) => ({
        username: `user${n}`,
        password: 'longenough',
        role: 'supervisor',
        staffId: null,
        displayName: `用户${n}`,
      }),
    },
    'users.setDisabled': {
      allowed: ['admin'],
      input: () => ({ id: s.users.supervisor.id, isDisabled: false }),
    },
    'policies.list': { allowed: ALL },
    'policies.create': {
      allowed: ['admin'],
      input: () => ({ code: 'A', effectiveFrom: '2030-01-01', body: POLICY_BODY }),
    },
    'calendar.list': { allowed: ALL },
    'calendar.set': {
      allowed: ['admin'],
      input: () => ({ date: '2026-10-08', isWorking: false, note: '国庆调休' }),
    },
    'records.list': { allowed: ALL },
    'records.create': { allowed: SUP, input: () => ({ staffId: zhang!.id, item: 'C4', date: '2026-10-12' }) },
    'records.revoke': {
      allowed: SUP,
      input: (n) => ({ id: revocable[n % revocable.length]!, reason: '测试撤销' }),
    },
    'complaints.list': { allowed: ALL },
    'complaints.create': {
      allowed: SUP,
      input: () => ({ channel: 'online', date: '2026-10-13', staffId: li!.id, content: '排队时间长' }),
    },
    'complaints.ladder': { allowed: SUP, input: () => ({ year: 2026 }) },
    'complaints.verify': {
      allowed: SUP,
      input: (n) => ({ id: pendingComplaints[n % pendingComplaints.length]!, isValid: false }),
    },
    'peerRatings.mine': { allowed: PERSON, input: () => ({ year: 2026, quarter: 4 }) },
    'peerRatings.submit': {
      allowed: PERSON,
      input: () => ({ year: 2026, quarter: 4, ratings: [{ rateeId: wang!.id, tier: 'good' }] }),
    },
    'patrols.list': { allowed: SUP, input: () => ({ from: '2026-10-01', to: '2026-10-31' }) },
    'patrols.create': {
      allowed: SUP,
      input: (n) => ({
        date: `2026-10-${String(10 + (n % 15)).padStart(2, '0')}`,
        session: 'afternoon',
        dutyLeader: '周主任',
        inspectors: '吴科长',
        findings: [{ clause: 'C6', finding: '未佩戴工作牌', staffId: li!.id }],
      }),
    },
    'awards.list': { allowed: ALL },
    'awards.grant': {
      allowed: SUP,
      input: (n) => ({
        windowId: w1,
        kind: 'yellowCard',
        year: 2026,
        month: 10,
        date: `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`,
      }),
    },
    'assessment.quarter': { allowed: ALL, input: () => ({ year: 2026, quarter: 3 }) },
    'assessment.draft': { allowed: SUP, input: () => ({ year: 2026, quarter: 3 }) },
    'assessment.publish': { allowed: ['leader'], input: () => ({ year: 2026, quarter: 2 }) },
    'assessment.correct': {
      allowed: ['leader'],
      input: () => ({ year: 2026, quarter: 2, reason: '测试更正' }),
    },
    'assessment.revisions': { allowed: ALL, input: () => ({ year: 2026, quarter: 2 }) },
    'assessment.yearEnd': { allowed: SUP, input: () => ({ year: 2026 }) },
    'assessment.cadreCandidates': { allowed: ['leader'], input: () => ({ year: 2026 }) },
    'fines.monthly': { allowed: SUP, input: () => ({ year: 2026, month: 10 }) },
    // the leader walks before the supervisor: CONFLICT (审管科 has not signed), then the supervisor signs
    'fines.signOff': { allowed: SUP, input: () => ({ year: 2026, month: 10 }) },
    'analytics.windowEfficiency': { allowed: HEAD, input: () => ({ year: 2026, quarter: 3 }) },
    'analytics.staffEfficiency': { allowed: HEAD, input: () => ({ windowId: w1, year: 2026, quarter: 3 }) },
    'analytics.complaintRate': { allowed: HEAD, input: () => ({ year: 2026, month: 10 }) },
    'analytics.peerTiers': { allowed: HEAD, input: () => ({ year: 2026, quarter: 3 }) },
    'analytics.awards': { allowed: HEAD, input: () => ({ year: 2026 }) },
    'analytics.grades': { allowed: HEAD, input: () => ({ year: 2026, quarter: 3 }) },
    'analytics.trends': { allowed: HEAD, input: () => ({ year: 2026 }) },
    'audit.list': { allowed: ['leader'] },
  };
}

let POLICY_BODY: unknown;
const revocable: number[] = [];
const pendingComplaints: number[] = [];

async function call(caller: TCaller, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe('every procedure with every role', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
    POLICY_BODY = (await s.as('admin').policies.list()).find((p) => p.code === 'A')!.body;
    await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'walker',
      passwordHash: await hashPassword('walker-secret'),
      role: 'staff',
      staffId: s.f.staff[3]!.id,
      displayName: '赵六',
    });
    const sup = s.as('supervisor');
    for (let i = 0; i < 4; i++) {
      revocable.push(
        (await sup.records.create({ staffId: s.f.staff[2]!.id, item: 'C4', date: '2026-10-05' })).id,
      );
      pendingComplaints.push(
        (
          await sup.complaints.create({
            channel: 'phone',
            date: '2026-10-06',
            staffId: s.f.staff[2]!.id,
            content: '测试',
          })
        ).id,
      );
    }
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('covers every procedure of the router', () => {
    // cases.* gate by scope as well as role: their own walk is in routers/cases/cases.router.test.ts
    const procedures = Object.keys(appRouter._def.procedures)
      .filter((p) => !p.startsWith('cases.'))
      .sort();
    expect(Object.keys(matrix(s)).sort()).toEqual(procedures);
  });

  it.each(ROLES.map((r) => [r ?? 'anonymous', r] as const))(
    'as %s: allowed calls pass the role check, refused calls write nothing',
    async (_, role) => {
      let n = ROLES.indexOf(role) * 100;
      for (const [path, rule] of Object.entries(matrix(s))) {
        const isAllowed = rule.allowed === 'public' || (role !== null && rule.allowed.includes(role));
        const input = rule.input?.(n++);
        const before = await countAudit(s.t.db);
        const outcome = await call(s.as(role), path, input).then(
          () => 'ok',
          (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected ${String(e)}`),
        );
        if (isAllowed) {
          expect({ path, role, outcome }).toEqual({
            path,
            role,
            outcome: expect.stringMatching(/^(ok|CONFLICT)$/),
          });
        } else {
          expect({ path, role, outcome }).toEqual({
            path,
            role,
            outcome: role === null ? 'UNAUTHORIZED' : 'FORBIDDEN',
          });
          expect(await countAudit(s.t.db)).toBe(before);
        }
      }
    },
  );
});
