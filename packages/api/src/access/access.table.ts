import type { TBulletinKind } from '@chuangkou/bulletin';
import type { TProcedurePath } from '../root.ts';

/**
 * Who may call what: every procedure of the API and every bulletin download, for each kind of caller,
 * with the answer expected from the procedure's gate (its base procedure in trpc.ts). `access.test.ts`
 * walks it through `createCaller`, checks it against each procedure's gate, and fails for a procedure
 * missing here; `bulletins-match.test.ts` compares every download with its matching query.
 *
 * The gate is the role check only: what an allowed call then returns is scoped by the procedure (own
 * rows for staff, the window for a head, the center for the others; never another center).
 */

/** A caller: nobody signed in, or a user of each role. */
export const CALLERS = ['anonymous', 'admin', 'leader', 'supervisor', 'head', 'staff'] as const;
export type TCaller = (typeof CALLERS)[number];

/** The answer of the gate: let through, or the tRPC error code of the refusal. */
export type TAnswer = 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN';
export type TAccessRow = Readonly<Record<TCaller, TAnswer>>;

const Y = 'allowed';
const U = 'UNAUTHORIZED';
const F = 'FORBIDDEN';
const row = (...answers: [TAnswer, TAnswer, TAnswer, TAnswer, TAnswer, TAnswer]): TAccessRow =>
  Object.fromEntries(CALLERS.map((caller, i) => [caller, answers[i]])) as Record<TCaller, TAnswer>;

// The rows, one per gate. Columns: anonymous, admin, leader, supervisor, head, staff.
// (The admin, leader and supervisor accounts have no staff record; the head's and the staff's have.)
/** `publicProcedure`: applicants and the login page. */
const ANYONE = row(Y, Y, Y, Y, Y, Y);
/** `authedProcedure`: every signed-in user, scoped by the procedure. */
const SIGNED_IN = row(U, Y, Y, Y, Y, Y);
/** `staffProcedure`: a person of the center (a staff record). */
const PERSON = row(U, F, F, F, Y, Y);
/** `caseProcedure`: the case roles; the administrator manages accounts and settings, not cases. */
const CASE_ROLES = row(U, F, Y, Y, Y, Y);
/** `headProcedure`: 窗口负责人, 审管科, the leaders. */
const HEAD_UP = row(U, F, Y, Y, Y, F);
/** `supervisorProcedure`: 审管科 and the leaders. */
const SUPERVISION = row(U, F, Y, Y, F, F);
/** `leaderProcedure`: the center's leaders. */
const LEADER = row(U, F, Y, F, F, F);
/** `adminProcedure`: the administrator. */
const ADMIN = row(U, Y, F, F, F, F);
/** `staffingProcedure`: the leaders and the administrator (人员调配). */
const STAFFING = row(U, Y, Y, F, F, F);
/** `catalogProcedure`: the administrator, 审管科 and the leaders (事项目录). */
const CATALOG = row(U, Y, Y, Y, F, F);
/** `importProcedure`: whoever may import some kind (导入); each kind then checks its own roles. */
const IMPORTERS = row(U, Y, Y, Y, F, F);
/** `platformProcedure`: a platform administrator (none of these callers is one). */
const PLATFORM = row(U, F, F, F, F, F);

/** Every procedure. The type requires an entry for each; the test checks each entry against the API. */
export const ACCESS_TABLE: Readonly<Record<TProcedurePath, TAccessRow>> = {
  'auth.login': ANYONE,
  'auth.logout': SIGNED_IN,
  'auth.sessions': SIGNED_IN,
  'auth.endSession': SIGNED_IN,
  'auth.changePassword': SIGNED_IN,
  'auth.me': ANYONE,
  'auth.demo': ANYONE,
  'auth.permissions': ANYONE,

  'org.centers': SIGNED_IN,
  'org.createCenter': PLATFORM,
  'org.setBeganOn': ADMIN,
  'org.setObjectionContact': ADMIN,
  'org.units': SIGNED_IN,
  'org.createUnit': ADMIN,
  'org.updateUnit': ADMIN,
  'org.setUnitActive': ADMIN,
  'org.windows': SIGNED_IN,
  'org.createWindow': ADMIN,
  'org.updateWindow': ADMIN,
  'org.setWindowActive': ADMIN,
  'org.staff': SIGNED_IN,
  'org.colleagues': SIGNED_IN,
  'org.createStaff': ADMIN,
  'org.updateStaff': ADMIN,
  'org.setStaffActive': ADMIN,
  'org.assignStaff': STAFFING,
  'org.assignments': SIGNED_IN,
  'org.matters': SIGNED_IN,
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.setDisabled': ADMIN,
  'users.usernamePrefix': ADMIN,
  'users.resetPassword': ADMIN,
  'users.update': ADMIN,
  'users.withoutAccount': ADMIN,
  'users.createForUnit': ADMIN,
  'policies.list': SIGNED_IN,
  'policies.inForce': SIGNED_IN,
  'policies.create': ADMIN,
  'calendar.list': SIGNED_IN,
  'calendar.set': ADMIN,
  'calendar.years': ADMIN,
  'calendar.year': ADMIN,
  'calendar.enterYear': ADMIN,
  'imports.kinds': IMPORTERS,
  'imports.canUpload': IMPORTERS,
  'imports.template': IMPORTERS,
  'imports.job': IMPORTERS,
  'audit.list': LEADER,

  'records.list': SIGNED_IN,
  'records.create': SUPERVISION,
  'records.revoke': SUPERVISION,
  'complaints.list': SIGNED_IN,
  'complaints.create': SUPERVISION,
  'complaints.consequences': SUPERVISION,
  'complaints.verify': SUPERVISION,
  'complaints.ladder': SUPERVISION,
  'peerRatings.mine': PERSON,
  'peerRatings.submit': PERSON,
  'patrols.list': SUPERVISION,
  'patrols.sheet': SUPERVISION,
  'patrols.sheets': SUPERVISION,
  'patrols.create': SUPERVISION,
  'patrols.revokeFinding': SUPERVISION,
  'patrols.file': SUPERVISION,
  'awards.list': SIGNED_IN,
  'awards.grant': SUPERVISION,

  'assessment.quarter': SIGNED_IN,
  'assessment.draft': SUPERVISION,
  'assessment.publish': LEADER,
  'assessment.correct': LEADER,
  'assessment.revisions': SIGNED_IN,
  'assessment.yearEnd': SUPERVISION,
  'assessment.cadreCandidates': LEADER,
  'fines.monthly': SUPERVISION,
  'fines.signOff': SUPERVISION,

  'analytics.windowEfficiency': HEAD_UP,
  'analytics.staffEfficiency': HEAD_UP,
  'analytics.complaintRate': HEAD_UP,
  'analytics.peerTiers': HEAD_UP,
  'analytics.awards': HEAD_UP,
  'analytics.grades': HEAD_UP,
  'analytics.trends': HEAD_UP,

  // 办件: the gate only; each case is then checked against the user's scope
  'cases.matters.list': SIGNED_IN,
  'cases.matters.create': CATALOG,
  'cases.matters.update': CATALOG,
  'cases.matters.revoke': CATALOG,
  'cases.matters.reinstate': CATALOG,
  'cases.acceptanceNoticeFile': CASE_ROLES,
  'cases.accept': CASE_ROLES,
  'cases.requestMaterials': CASE_ROLES,
  'cases.materialsComplete': CASE_ROLES,
  'cases.return': CASE_ROLES,
  'cases.copyJoint': CASE_ROLES,
  'cases.jointAnswer': CASE_ROLES,
  'cases.forward': CASE_ROLES,
  'cases.fileExplanation': CASE_ROLES,
  'cases.upperReply': CASE_ROLES,
  'cases.decide': CASE_ROLES,
  'cases.notify': CASE_ROLES,
  'cases.pickUp': CASE_ROLES,
  'cases.get': CASE_ROLES,
  'cases.list': CASE_ROLES,
  'cases.alerts': CASE_ROLES,
  'cases.receipt': CASE_ROLES,
  'cases.noticeFile': CASE_ROLES,
  'cases.resetQueryPassword': CASE_ROLES,
  'cases.import': SUPERVISION,
  'cases.serviceRatings.satisfaction': HEAD_UP,
  'cases.serviceRatings.followUps': HEAD_UP,
  'cases.serviceRatings.closeFollowUp': SUPERVISION,
  'cases.serviceRatings.checkAfterReset': SUPERVISION,
  'cases.sanctionProposals.list': SUPERVISION,
  'cases.sanctionProposals.confirm': SUPERVISION,
  'cases.sanctionProposals.confirmMany': SUPERVISION,
  'cases.sanctionProposals.reject': SUPERVISION,
  'cases.sanctionProposals.recheck': SUPERVISION,
  'cases.publicStatus': ANYONE,
  'cases.serviceRatings.publicRate': ANYONE,
  'cases.reviews.publicRequest': ANYONE,
  'cases.reviews.list': CASE_ROLES,
  'cases.reviews.request': CASE_ROLES,
  'cases.reviews.decide': SUPERVISION,

  // the bulletin downloads (`/api/bulletins/<kind>` calls these): each as its query in DOWNLOADS
  'bulletins.results': SIGNED_IN,
  'bulletins.behaviours': SIGNED_IN,
  'bulletins.fines': SUPERVISION,
  'bulletins.patrol': SUPERVISION,
  'bulletins.awards': SIGNED_IN,
  'bulletins.yearend': SUPERVISION,
  'bulletins.cadres': LEADER,
  'bulletins.complaintLadder': SUPERVISION,
  'bulletins.uniform': SUPERVISION,
  'bulletins.yellowcard': SIGNED_IN,
  'bulletins.unitletters': SUPERVISION,
  'bulletins.ballot': SIGNED_IN,
  'cadres.pool': LEADER,
  'cadres.confirm': LEADER,
  'cadres.revoke': LEADER,
};

export interface TDownload {
  /** the procedure `/api/bulletins/<kind>` calls for the signed-in user */
  procedure: TProcedurePath;
  /** the query that shows the same rows on screen: the download is allowed exactly when it is */
  query: TProcedurePath;
}

/** Every bulletin download, with its procedure and the query it must agree with. */
export const DOWNLOADS: Readonly<Record<TBulletinKind, TDownload>> = {
  results: { procedure: 'bulletins.results', query: 'assessment.quarter' },
  behaviours: { procedure: 'bulletins.behaviours', query: 'records.list' },
  fines: { procedure: 'bulletins.fines', query: 'fines.monthly' },
  patrol: { procedure: 'bulletins.patrol', query: 'patrols.list' },
  awards: { procedure: 'bulletins.awards', query: 'awards.list' },
  yearend: { procedure: 'bulletins.yearend', query: 'assessment.yearEnd' },
  cadres: { procedure: 'bulletins.cadres', query: 'assessment.cadreCandidates' },
  complaintLadder: { procedure: 'bulletins.complaintLadder', query: 'complaints.ladder' },
  uniform: { procedure: 'bulletins.uniform', query: 'fines.monthly' },
  yellowcard: { procedure: 'bulletins.yellowcard', query: 'awards.list' },
  unitletters: { procedure: 'bulletins.unitletters', query: 'fines.monthly' },
  ballot: { procedure: 'bulletins.ballot', query: 'org.colleagues' },
};
