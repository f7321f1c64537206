import type { TProcedurePath } from '../root.ts';

/** The dashboard's pages, in the order of its menu. */
export const PAGE_KEYS = [
  'admin',
  'calendar',
  'import',
  'orgAdmin',
  'staffAdmin',
  'myScore',
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
  'peerRating',
  'caseAccept',
  'cases',
  'caseAlerts',
  'caseSatisfaction',
  'caseProposals',
  'caseMatters',
  'entryPatrol',
  'entryRecord',
  'entryComplaint',
  'entryBonus',
  'entryAward',
  'entryRecords',
] as const;

export type TPageKey = (typeof PAGE_KEYS)[number];

export interface TPageNeeds {
  /** the procedures the page cannot work without: a user who may call them all may open it */
  procedures: readonly TProcedurePath[];
  /** the page shows the signed-in person's own data: it needs a staff record, as `staffProcedure` does */
  isPersonal?: true;
}

/**
 * What each page needs, evaluated against the procedures' own gates (`auth.permissions`): the menu
 * shows a page exactly when its procedures would answer. A page's optional parts (a publish button,
 * the draft view) ask for their own procedure through `auth.permissions` too.
 */
export const PAGE_NEEDS: Readonly<Record<TPageKey, TPageNeeds>> = {
  admin: { procedures: ['users.list', 'policies.list'] },
  calendar: { procedures: ['calendar.years', 'calendar.year', 'calendar.enterYear'] },
  import: { procedures: ['imports.kinds', 'imports.canUpload', 'imports.template', 'imports.job'] },
  // the administrator keeps them; the leaders, who move people (人员调配), look
  orgAdmin: { procedures: ['org.units', 'org.windows', 'org.assignStaff', 'cases.matters.list'] },
  staffAdmin: { procedures: ['org.staff', 'org.assignments', 'org.assignStaff'] },
  myScore: {
    procedures: ['assessment.quarter', 'records.list', 'complaints.list'],
    isPersonal: true,
  },
  overview: {
    procedures: [
      'analytics.windowEfficiency',
      'analytics.complaintRate',
      'analytics.grades',
      'analytics.awards',
      'analytics.trends',
    ],
  },
  efficiency: { procedures: ['analytics.windowEfficiency', 'analytics.staffEfficiency', 'cases.list'] },
  complaints: { procedures: ['analytics.complaintRate', 'complaints.list'] },
  peer: { procedures: ['analytics.peerTiers'] },
  redFlag: { procedures: ['analytics.awards', 'awards.list'] },
  assessment: { procedures: ['assessment.quarter', 'assessment.revisions'] },
  person: { procedures: ['assessment.quarter', 'records.list', 'complaints.list'] },
  yearEnd: { procedures: ['assessment.yearEnd'] },
  fines: { procedures: ['fines.monthly'] },
  /** policy C (规范化服务通知): the complaint ladder and the month's uniform confiscations */
  complaintLadder: { procedures: ['complaints.ladder', 'fines.monthly'] },
  peerRating: { procedures: ['peerRatings.mine', 'peerRatings.submit', 'org.colleagues'] },
  caseAccept: { procedures: ['cases.accept', 'cases.matters.list'] },
  cases: { procedures: ['cases.list', 'cases.get'] },
  caseAlerts: { procedures: ['cases.alerts'] },
  caseSatisfaction: { procedures: ['cases.serviceRatings.satisfaction', 'cases.serviceRatings.followUps'] },
  caseProposals: { procedures: ['cases.sanctionProposals.list', 'cases.sanctionProposals.confirm'] },
  caseMatters: { procedures: ['cases.matters.list'] },
  entryPatrol: {
    procedures: [
      'patrols.sheet',
      'patrols.sheets',
      'patrols.create',
      'patrols.revokeFinding',
      'patrols.file',
    ],
  },
  entryRecord: { procedures: ['records.create'] },
  entryComplaint: { procedures: ['complaints.create', 'complaints.verify', 'complaints.list'] },
  entryBonus: { procedures: ['records.create'] },
  entryAward: { procedures: ['awards.grant', 'awards.list'] },
  entryRecords: { procedures: ['records.list', 'records.revoke'] },
};
