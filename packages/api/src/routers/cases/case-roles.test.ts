import { countAudit, type TRole } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../root.ts';
import { setupApi, type TApiSetup } from '../../testing/api-test-setup.ts';

/** Who passes the role gate of each cases procedure (scope is checked after, per case). */
const CASES_ROLES: Record<string, TRole[] | 'public'> = {
  'cases.matters.list': ['admin', 'leader', 'supervisor', 'head', 'staff'],
  // the catalog: the administrator sets it up when a center moves in, 审管科 keeps it
  'cases.matters.create': ['admin', 'supervisor', 'leader'],
  'cases.matters.update': ['admin', 'supervisor', 'leader'],
  'cases.matters.revoke': ['admin', 'supervisor', 'leader'],
  'cases.matters.reinstate': ['admin', 'supervisor', 'leader'],
  'cases.import': ['supervisor', 'leader'],
  'cases.sanctionProposals.list': ['supervisor', 'leader'],
  'cases.sanctionProposals.confirm': ['supervisor', 'leader'],
  'cases.sanctionProposals.confirmMany': ['supervisor', 'leader'],
  'cases.sanctionProposals.reject': ['supervisor', 'leader'],
  'cases.sanctionProposals.recheck': ['supervisor', 'leader'],
  'cases.reviews.decide': ['supervisor', 'leader'],
  'cases.reviews.publicRequest': 'public',
  'cases.serviceRatings.closeFollowUp': ['supervisor', 'leader'],
  'cases.serviceRatings.checkAfterReset': ['supervisor', 'leader'],
  'cases.serviceRatings.satisfaction': ['head', 'supervisor', 'leader'],
  'cases.serviceRatings.followUps': ['head', 'supervisor', 'leader'],
  'cases.serviceRatings.publicRate': 'public',
  'cases.publicStatus': 'public',
};
const AUTHED: TRole[] = ['admin', 'leader', 'supervisor', 'head', 'staff'];
/** Every other cases procedure handles cases or shows applicants' data: the case roles, not the administrator. */
const CASE_ROLES: TRole[] = ['leader', 'supervisor', 'head', 'staff'];

describe('cases procedures with every role', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('lets through exactly the roles of each procedure and writes nothing for the others', async () => {
    const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('cases.'));
    expect(paths.length).toBeGreaterThan(25);
    // every procedure named above exists (a renamed one is not silently left out of the walk)
    expect(Object.keys(CASES_ROLES).filter((p) => !paths.includes(p))).toEqual([]);
    for (const path of paths) {
      const allowed = CASES_ROLES[path] ?? CASE_ROLES;
      for (const role of [null, ...AUTHED] as (TRole | null)[]) {
        let fn: unknown = s.as(role);
        for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
        const before = await countAudit(s.t.db);
        // an input that is never valid: past the role gate, the input check refuses it
        const outcome = await (fn as (i: unknown) => Promise<unknown>)({ id: 'x' }).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        );
        const isAllowed = allowed === 'public' || (role !== null && allowed.includes(role));
        expect({ path, role, outcome }).toEqual({
          path,
          role,
          outcome: isAllowed
            ? expect.stringMatching(/^(ok|BAD_REQUEST)$/)
            : role === null
              ? 'UNAUTHORIZED'
              : 'FORBIDDEN',
        });
        expect(await countAudit(s.t.db)).toBe(before);
      }
    }
  });
});
