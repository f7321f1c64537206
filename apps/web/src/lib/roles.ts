/** The five roles of the API (packages/db `TRole`) and the pages each may open. */
export type TRole = 'admin' | 'leader' | 'supervisor' | 'head' | 'staff';

export type TPageKey =
  | 'overview'
  | 'efficiency'
  | 'complaints'
  | 'peer'
  | 'redFlag'
  | 'assessment'
  | 'person'
  | 'yearEnd'
  | 'fines'
  | 'entryPatrol'
  | 'entryRecord'
  | 'entryComplaint'
  | 'entryBonus'
  | 'entryAward'
  | 'entryRecords'
  | 'peerRating'
  | 'myScore'
  | 'caseAccept'
  | 'cases'
  | 'caseAlerts'
  | 'caseSatisfaction'
  | 'caseProposals'
  | 'caseMatters'
  | 'admin';

const ANALYTICS: TPageKey[] = [
  'overview',
  'efficiency',
  'complaints',
  'peer',
  'redFlag',
  'assessment',
  'person',
];
/** 办件 (issue 6): what each role opens; the API scopes the data per user. */
const CASES_CENTER: TPageKey[] = [
  'caseAccept',
  'cases',
  'caseAlerts',
  'caseSatisfaction',
  'caseProposals',
  'caseMatters',
];
const ENTRY: TPageKey[] = [
  'entryPatrol',
  'entryRecord',
  'entryComplaint',
  'entryBonus',
  'entryAward',
  'entryRecords',
];

export const PAGES_BY_ROLE: Record<TRole, readonly TPageKey[]> = {
  // the API gives the administrator configuration, not the center's analytics (headProcedure excludes admin)
  admin: ['admin'],
  leader: [...ANALYTICS, 'yearEnd', 'fines', ...CASES_CENTER],
  supervisor: [...ANALYTICS, 'yearEnd', 'fines', ...ENTRY, ...CASES_CENTER],
  head: [
    'overview',
    'efficiency',
    'complaints',
    'redFlag',
    'assessment',
    'person',
    'peerRating',
    'myScore',
    'caseAccept',
    'cases',
    'caseAlerts',
    'caseSatisfaction',
    'caseMatters',
  ],
  // the clerk at the counter accepts cases and sees their own (the API scopes them to the person)
  staff: ['myScore', 'person', 'peerRating', 'caseAccept', 'cases', 'caseAlerts', 'caseMatters'],
};

export function canOpen(role: TRole, page: TPageKey): boolean {
  return PAGES_BY_ROLE[role].includes(page);
}

/** Only leaders publish a quarter and sign off the monthly summary. */
export function canPublish(role: TRole): boolean {
  return role === 'leader';
}

export function homePage(role: TRole): TPageKey {
  if (role === 'admin') return 'admin';
  return role === 'staff' ? 'myScore' : 'overview';
}
