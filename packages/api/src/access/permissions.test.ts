import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../root.ts';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';
import { ACCESS_TABLE, CALLERS } from './access.table.ts';
import type { TPageKey } from './pages.table.ts';
import { PAGE_KEYS, PAGE_NEEDS } from './pages.table.ts';
import { proceduresOf } from './permissions.ts';

const CASES_DESK: TPageKey[] = ['caseAccept', 'cases', 'caseAlerts'];
const ENTRY: TPageKey[] = [
  'entryPatrol',
  'entryRecord',
  'entryComplaint',
  'entryBonus',
  'entryAward',
  'entryRecords',
];
const SUPERVISION: TPageKey[] = [
  'overview',
  'efficiency',
  'complaints',
  'peer',
  'redFlag',
  'assessment',
  'person',
  'yearEnd',
  'fines',
  'complaintLadder',
  ...CASES_DESK,
  'caseSatisfaction',
  'caseProposals',
  'caseMatters',
  ...ENTRY,
];

/** The menus that follow from the procedures' gates, by caller (in menu order where it matters). */
const PAGES: Record<(typeof CALLERS)[number], TPageKey[]> = {
  anonymous: [],
  admin: ['admin', 'calendar', 'import', 'orgAdmin', 'staffAdmin', 'assessment', 'person', 'caseMatters'],
  leader: ['import', 'orgAdmin', 'staffAdmin', ...SUPERVISION],
  supervisor: ['import', ...SUPERVISION],
  head: [
    'myScore',
    'overview',
    'efficiency',
    'complaints',
    'peer',
    'redFlag',
    'assessment',
    'person',
    'peerRating',
    ...CASES_DESK,
    'caseSatisfaction',
    'caseMatters',
  ],
  staff: ['myScore', 'assessment', 'person', 'peerRating', ...CASES_DESK, 'caseMatters'],
};

describe('auth.permissions', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it.each(CALLERS.map((c) => [c] as const))(
    'tells %s the procedures the access table lets through, and the pages that need only those',
    async (caller) => {
      const permissions = await s.as(caller === 'anonymous' ? null : caller).auth.permissions();
      const allowed = Object.entries(ACCESS_TABLE)
        .filter(([, row]) => row[caller] === 'allowed')
        .map(([path]) => path);
      expect(allowed.length).toBeGreaterThan(0);
      expect([...permissions.procedures].sort()).toEqual(allowed.sort());
      expect([...permissions.pages].sort()).toEqual([...PAGES[caller]].sort());
      // every page it opens answers: its procedures are among those let through
      for (const page of permissions.pages) {
        for (const path of PAGE_NEEDS[page].procedures)
          expect({ page, path, allowed: allowed.includes(path) }).toEqual({ page, path, allowed: true });
      }
    },
  );

  it('keeps the pages in the order of the menu', async () => {
    const { pages } = await s.as('head').auth.permissions();
    expect(pages).toEqual(PAGE_KEYS.filter((page) => pages.includes(page)));
  });

  it('names only procedures of the router for every page', () => {
    const paths = new Set(Object.keys(proceduresOf(appRouter)));
    const needed = PAGE_KEYS.flatMap((page) => PAGE_NEEDS[page].procedures);
    expect(needed.length).toBeGreaterThan(PAGE_KEYS.length);
    expect(needed.filter((path) => !paths.has(path))).toEqual([]);
  });

  it('opens the personal pages only to a person of the center, whatever the role', async () => {
    const { users } = s;
    const withoutStaff = await s.asUser({ ...users.supervisor, staffId: null }).auth.permissions();
    const withStaff = await s.asUser({ ...users.supervisor, staffId: s.f.staff[2]!.id }).auth.permissions();
    expect(withoutStaff.pages).not.toContain('myScore');
    expect(withStaff.pages).toContain('myScore');
    expect(withStaff.pages).toContain('peerRating');
  });
});
