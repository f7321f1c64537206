import { countAudit, insertUser, type TRole, type TUser } from '@chuangkou/db';
import { BULLETIN_KINDS } from '@chuangkou/rules';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, type TProcedurePath } from '../root.ts';
import { hashPassword } from '../services/password.ts';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';
import { accessOf, passesGate } from '../trpc.ts';
import { ACCESS_TABLE, CALLERS, DOWNLOADS, type TAnswer, type TCaller } from './access.table.ts';
import { proceduresOf } from './permissions.ts';

type TApiCaller = ReturnType<TApiSetup['as']>;

const roleOf = (caller: TCaller): TRole | null => (caller === 'anonymous' ? null : caller);
/** In the router's order: a quarter is published before it is corrected. */
const PATHS = Object.keys(proceduresOf(appRouter)) as TProcedurePath[];

/**
 * A valid input for each procedure (n makes repeated calls distinct), or `undefined` for one that takes
 * none. A procedure missing here (the cases procedures: their own suite holds their fixtures) is called
 * with an input that is never valid: past its gate, the input check refuses it (BAD_REQUEST).
 */
/** Moves made so far (every caller's walk shares the database). */
let moves = 0;

function inputs(s: TApiSetup): Partial<Record<TProcedurePath, (n: number) => unknown>> {
  const [zhang, li, wang] = s.f.staff;
  const w1 = s.f.windowIds[0];
  const none = () => undefined;
  return {
    'auth.login': () => ({ username: 'walker', password: 'walker-secret' }),
    'auth.logout': none,
    'auth.sessions': none,
    'auth.endSession': () => ({ id: '0'.repeat(64) }),
    'auth.me': none,
    'auth.demo': none,
    'auth.permissions': none,
    'org.centers': none,
    'org.createCenter': (n) => ({ code: `C${n}`, name: `中心${n}`, city: '测试市' }),
    'org.units': none,
    'org.createUnit': (n) => ({ name: `单位${n}` }),
    'org.windows': none,
    'org.createWindow': (n) => ({ unitId: s.f.unitId, code: `X${n}`, name: `窗口${n}` }),
    'org.staff': none,
    'org.colleagues': none,
    'org.createStaff': (n) => ({
      name: `新人${n}`,
      unitId: s.f.unitId,
      windowId: w1,
      post: 'back',
      abRole: null,
    }),
    'org.updateStaff': () => ({ id: wang!.id, abRole: 'A' }),
    // each move a day later than the one before (a move never rewrites the past)
    'org.assignStaff': () => {
      moves += 1;
      const from = new Date(Date.UTC(2026, 8, 1) + moves * 86_400_000).toISOString().slice(0, 10);
      return { staffId: wang!.id, windowId: w1, from };
    },
    'org.assignments': () => ({ staffId: li!.id }),
    'org.setBeganOn': () => ({ beganOn: null }),
    'org.matters': none,
    'users.list': none,
    'users.create': (n) => ({
      username: `t1.user${n}`,
      role: 'supervisor',
      staffId: null,
      displayName: `用户${n}`,
    }),
    'users.setDisabled': () => ({ id: s.users.supervisor.id, isDisabled: false }),
    'users.usernamePrefix': none,
    'users.resetPassword': () => ({ id: s.users.supervisor.id }),
    'users.update': () => ({ id: s.users.leader.id, signoffPosition: 'principal' }),
    'users.withoutAccount': () => ({ unitId: s.f.unitId }),
    'users.createForUnit': () => ({ unitId: s.f.unitId }),
    'policies.list': none,
    'policies.inForce': none,
    'policies.create': () => ({ code: 'A', effectiveFrom: '2030-01-01', body: POLICY_BODY }),
    'calendar.list': none,
    'calendar.set': () => ({ date: '2026-10-08', isWorking: false, note: '国庆调休' }),
    'calendar.years': none,
    'calendar.year': () => ({ year: 2027 }),
    'imports.kinds': none,
    // a kind every importer may import (cases: the administrator, 审管科, the leaders)
    'imports.canUpload': () => ({ kind: 'cases' }),
    'imports.template': () => ({ kind: 'cases' }),
    'calendar.enterYear': () => ({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    }),
    'audit.list': none,
    'records.list': () => ({ from: '2026-10-01', to: '2026-10-31' }),
    'records.create': () => ({ staffId: zhang!.id, item: 'C4', date: '2026-10-12' }),
    'records.revoke': (n) => ({ id: revocable[n % revocable.length]!, reason: '测试撤销' }),
    'complaints.list': none,
    'complaints.create': () => ({
      channel: 'online',
      date: '2026-10-13',
      staffId: li!.id,
      content: '排队时间长',
    }),
    'complaints.ladder': () => ({ year: 2026 }),
    'complaints.verify': (n) => ({ id: pendingComplaints[n % pendingComplaints.length]!, isValid: false }),
    'peerRatings.mine': () => ({ year: 2026, quarter: 4 }),
    'peerRatings.submit': () => ({ year: 2026, quarter: 4, ratings: [{ rateeId: wang!.id, tier: 'good' }] }),
    'patrols.list': () => ({ from: '2026-10-01', to: '2026-10-31' }),
    'patrols.sheet': () => ({ date: '2026-10-05' }),
    'patrols.sheets': () => ({ from: '2026-10-01', to: '2026-10-31' }),
    'patrols.revokeFinding': (n) => ({ id: patrolFindings[n % patrolFindings.length]!, reason: '测试更正' }),
    'patrols.file': () => ({ date: '2026-10-05' }),
    'patrols.create': (n) => ({
      date: `2026-10-${String(10 + (n % 15)).padStart(2, '0')}`,
      session: 'afternoon',
      dutyLeader: '周主任',
      inspectors: '吴科长',
      findings: [{ clause: 'C6', finding: '未佩戴工作牌', staffId: li!.id }],
    }),
    'awards.list': () => ({ year: 2026 }),
    'awards.grant': (n) => ({
      windowId: w1,
      kind: 'yellowCard',
      year: 2026,
      month: 10,
      date: `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`,
    }),
    'assessment.quarter': () => ({ year: 2026, quarter: 3 }),
    'assessment.draft': () => ({ year: 2026, quarter: 3 }),
    'assessment.publish': () => ({ year: 2026, quarter: 2 }),
    'assessment.correct': () => ({ year: 2026, quarter: 2, reason: '测试更正' }),
    'assessment.revisions': () => ({ year: 2026, quarter: 2 }),
    'assessment.yearEnd': () => ({ year: 2026 }),
    'assessment.cadreCandidates': () => ({ year: 2025 }),
    'fines.monthly': () => ({ year: 2026, month: 10 }),
    // the leader walks before the supervisor: CONFLICT (审管科 has not signed), then the supervisor signs
    'fines.signOff': () => ({ year: 2026, month: 10 }),
    'analytics.windowEfficiency': () => ({ year: 2026, quarter: 3 }),
    'analytics.staffEfficiency': () => ({ windowId: w1, year: 2026, quarter: 3 }),
    'analytics.complaintRate': () => ({ year: 2026, month: 10 }),
    'analytics.peerTiers': () => ({ year: 2026, quarter: 3 }),
    'analytics.awards': () => ({ year: 2026 }),
    'analytics.grades': () => ({ year: 2026, quarter: 3 }),
    'analytics.trends': () => ({ year: 2026 }),
    'bulletins.results': () => ({ year: 2026, quarter: 3 }),
    'bulletins.behaviours': () => ({ year: 2026, month: 10 }),
    'bulletins.fines': () => ({ year: 2026, month: 10 }),
    'bulletins.patrol': none,
    'bulletins.awards': () => ({ year: 2026 }),
    'bulletins.yearend': () => ({ year: 2026 }),
    'bulletins.cadres': () => ({ year: 2025 }),
    'bulletins.complaintLadder': () => ({ year: 2026, staffId: wang!.id }),
    'bulletins.uniform': () => ({ year: 2026, month: 10 }),
  };
}

let POLICY_BODY: unknown;
const revocable: number[] = [];
const pendingComplaints: number[] = [];
const patrolFindings: number[] = [];

async function call(caller: TApiCaller, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

/** The gate's answer for a user, from the procedure's own base procedure. */
function gateAnswer(path: string, user: TUser | null): TAnswer {
  const access = accessOf(proceduresOf(appRouter)[path]!);
  if (passesGate(access, user)) return 'allowed';
  return user ? 'FORBIDDEN' : 'UNAUTHORIZED';
}

describe('ACCESS_TABLE', () => {
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
    const patrol = await sup.patrols.create({
      date: '2026-10-05',
      session: 'morning',
      dutyLeader: '周主任',
      inspectors: '吴科长',
      findings: [0, 1, 2, 3].map(() => ({
        clause: 'C6',
        finding: '未佩戴工作牌',
        staffId: s.f.staff[2]!.id,
      })),
    });
    patrolFindings.push(...patrol.findings.map((f) => f.id));
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

  it('lists every procedure of the router, and nothing else', () => {
    expect(PATHS.length).toBeGreaterThan(80);
    expect(Object.keys(ACCESS_TABLE).sort()).toEqual([...PATHS].sort());
  });

  it("says for every procedure and caller what the procedure's base procedure lets through", () => {
    const userOf = (caller: TCaller) => (caller === 'anonymous' ? null : s.users[caller]);
    for (const path of PATHS) {
      const expected = ACCESS_TABLE[path];
      const actual = Object.fromEntries(CALLERS.map((c) => [c, gateAnswer(path, userOf(c))]));
      expect({ path, answers: actual }).toEqual({ path, answers: expected });
    }
  });

  it('gives every download the answers of its matching query', () => {
    const kinds = Object.entries(DOWNLOADS);
    expect(kinds).toHaveLength(BULLETIN_KINDS.length);
    for (const [kind, download] of kinds) {
      expect({ kind, answers: ACCESS_TABLE[download.procedure] }).toEqual({
        kind,
        answers: ACCESS_TABLE[download.query],
      });
    }
  });

  it.each(CALLERS.map((c) => [c] as const))(
    'as %s: every call answers as the table says, and a refused call writes nothing',
    async (caller) => {
      const role = roleOf(caller);
      const valid = inputs(s);
      let n = CALLERS.indexOf(caller) * 100;
      for (const path of PATHS) {
        const expected = ACCESS_TABLE[path][caller];
        const input = valid[path] ? valid[path](n++) : { id: 'x' };
        const before = await countAudit(s.t.db);
        const outcome = await call(s.as(role), path, input).then(
          () => 'ok',
          (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected ${String(e)}`),
        );
        if (expected === 'allowed') {
          expect({ path, caller, outcome }).toEqual({
            path,
            caller,
            outcome: valid[path]
              ? expect.stringMatching(/^(ok|CONFLICT)$/)
              : expect.stringMatching(/^(ok|BAD_REQUEST)$/),
          });
        } else {
          expect({ path, caller, outcome }).toEqual({ path, caller, outcome: expected });
          expect(await countAudit(s.t.db)).toBe(before);
        }
      }
    },
  );
});
