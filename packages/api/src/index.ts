export type { TContext } from './context.ts';
export { createContextInner } from './context.ts';
export { DomainError } from './errors.ts';
export { type AppRouter, appRouter, createCaller } from './root.ts';
export { ZImportCaseRow } from './routers/cases.ts';
export {
  forgetSession,
  SESSION_COOKIE,
  sessionIdOf,
  sessionTokenFromCookie,
  sessionUser,
} from './services/auth.service.ts';
export { centerBulletinOf, type TBulletinRequest } from './services/bulletin.service.ts';
export { importWorkflowCases, listCaseAlerts, type TCaseAlertRow } from './services/cases.service.ts';
export { publishDemoHistory } from './services/demo-history.service.ts';
export { hashPassword, verifyPassword } from './services/password.ts';
