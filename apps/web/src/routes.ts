import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { TKey } from './i18n/dictionary.ts';
import type { TPageKey } from './lib/permissions.ts';
import { matchPath } from './lib/router.tsx';

/** Every page is its own lazy chunk: the first load carries only the shell and the login page. */
export type TRoute = {
  key: TPageKey;
  path: string;
  title: TKey;
  load: () => Promise<{ default: ComponentType<{ params: Record<string, string> }> }>;
  /** pages without filters (forms) keep the URL clean */
  hasFilters: boolean;
};

const ROUTE_LIST: readonly TRoute[] = [
  {
    key: 'overview',
    path: '/overview',
    title: 'nav.overview',
    hasFilters: true,
    load: () => import('./features/overview/overview-page.tsx'),
  },
  {
    key: 'efficiency',
    path: '/efficiency',
    title: 'nav.efficiency',
    hasFilters: true,
    load: () => import('./features/efficiency/efficiency-page.tsx'),
  },
  {
    key: 'complaints',
    path: '/complaints',
    title: 'nav.complaints',
    hasFilters: true,
    load: () => import('./features/complaints/complaints-page.tsx'),
  },
  {
    key: 'peer',
    path: '/peer',
    title: 'nav.peer',
    hasFilters: true,
    load: () => import('./features/peer/peer-page.tsx'),
  },
  {
    key: 'redFlag',
    path: '/red-flag',
    title: 'nav.redFlag',
    hasFilters: true,
    load: () => import('./features/red-flag/red-flag-page.tsx'),
  },
  {
    key: 'assessment',
    path: '/assessment',
    title: 'nav.assessment',
    hasFilters: true,
    load: () => import('./features/assessment/assessment-page.tsx'),
  },
  {
    key: 'person',
    path: '/assessment/person/:staffId',
    title: 'as.person',
    hasFilters: true,
    load: () => import('./features/assessment/person-page.tsx'),
  },
  {
    key: 'myScore',
    path: '/me',
    title: 'nav.myScore',
    hasFilters: true,
    load: () => import('./features/assessment/person-page.tsx'),
  },
  {
    key: 'yearEnd',
    path: '/year-end',
    title: 'nav.yearEnd',
    hasFilters: true,
    load: () => import('./features/year-end/year-end-page.tsx'),
  },
  {
    key: 'fines',
    path: '/fines',
    title: 'nav.fines',
    hasFilters: true,
    load: () => import('./features/fines/fines-page.tsx'),
  },
  {
    key: 'complaintLadder',
    path: '/complaint-ladder',
    title: 'nav.complaintLadder',
    hasFilters: true,
    load: () => import('./features/complaint-ladder/complaint-ladder-page.tsx'),
  },
  {
    key: 'entryPatrol',
    path: '/entry/patrol',
    title: 'nav.entry.patrol',
    hasFilters: false,
    load: () => import('./features/entry/patrol-page.tsx'),
  },
  {
    key: 'entryRecord',
    path: '/entry/record',
    title: 'nav.entry.record',
    hasFilters: false,
    load: () => import('./features/entry/record-page.tsx'),
  },
  {
    key: 'entryComplaint',
    path: '/entry/complaint',
    title: 'nav.entry.complaint',
    hasFilters: false,
    load: () => import('./features/entry/complaint-page.tsx'),
  },
  {
    key: 'entryBonus',
    path: '/entry/bonus',
    title: 'nav.entry.bonus',
    hasFilters: false,
    load: () => import('./features/entry/bonus-page.tsx'),
  },
  {
    key: 'entryAward',
    path: '/entry/award',
    title: 'nav.entry.award',
    hasFilters: false,
    load: () => import('./features/entry/award-page.tsx'),
  },
  {
    key: 'entryRecords',
    path: '/entry/records',
    title: 'nav.entry.records',
    hasFilters: true,
    load: () => import('./features/entry/records-page.tsx'),
  },
  {
    key: 'admin',
    path: '/admin',
    title: 'nav.admin',
    hasFilters: false,
    load: () => import('./features/admin/admin-page.tsx'),
  },
  {
    key: 'calendar',
    path: '/admin/calendar',
    title: 'nav.calendar',
    hasFilters: false,
    load: () => import('./features/calendar/calendar-page.tsx'),
  },
  {
    key: 'import',
    path: '/admin/import',
    title: 'nav.import',
    hasFilters: false,
    load: () => import('./features/import/import-page.tsx'),
  },
  {
    key: 'orgAdmin',
    path: '/admin/org',
    title: 'nav.orgAdmin',
    hasFilters: false,
    load: () => import('./features/admin/org-page.tsx'),
  },
  {
    key: 'staffAdmin',
    path: '/admin/staff',
    title: 'nav.staffAdmin',
    hasFilters: false,
    load: () => import('./features/admin/staff-page.tsx'),
  },
  {
    key: 'peerRating',
    path: '/peer-rating',
    title: 'nav.peerRating',
    hasFilters: false,
    load: () => import('./features/peer/peer-rating-page.tsx'),
  },
  {
    key: 'caseAccept',
    path: '/cases/accept',
    title: 'nav.caseAccept',
    hasFilters: false,
    load: () => import('./features/cases/accept-page.tsx'),
  },
  {
    key: 'cases',
    path: '/cases',
    title: 'nav.cases',
    hasFilters: false,
    load: () => import('./features/cases/cases-page.tsx'),
  },
  {
    key: 'caseAlerts',
    path: '/cases/alerts',
    title: 'nav.caseAlerts',
    hasFilters: false,
    load: () => import('./features/cases/case-alerts-page.tsx'),
  },
  {
    key: 'caseSatisfaction',
    path: '/cases/satisfaction',
    title: 'nav.caseSatisfaction',
    hasFilters: false,
    load: () => import('./features/cases/satisfaction-page.tsx'),
  },
  {
    key: 'caseProposals',
    path: '/cases/proposals',
    title: 'nav.caseProposals',
    hasFilters: false,
    load: () => import('./features/cases/proposals-page.tsx'),
  },
  {
    key: 'caseMatters',
    path: '/cases/matters',
    title: 'nav.caseMatters',
    hasFilters: false,
    load: () => import('./features/cases/matters-page.tsx'),
  },
];

export function routeOf(key: TPageKey): TRoute {
  const route = ROUTES.find((candidate) => candidate.key === key);
  if (!route) throw new Error(`no route ${key}`);
  return route;
}

type TPage = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

/** The routes with their lazy components (one React.lazy per route, made once). */
export const ROUTES: readonly (TRoute & { component: TPage })[] = ROUTE_LIST.map((route) => ({
  ...route,
  component: lazy(route.load),
}));

/** Starts loading the chunk of the page at `path` (dynamic imports are cached, so React.lazy reuses it). */
export function preloadRoute(path: string): void {
  const route = ROUTE_LIST.find((candidate) => matchPath(candidate.path, path));
  void route?.load().catch(() => {
    // a failed preload is retried by React.lazy when the page renders
  });
}
