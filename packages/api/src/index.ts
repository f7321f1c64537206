export type { TRole } from '@chuangkou/db';
export {
  ACCESS_TABLE,
  CALLERS,
  DOWNLOADS,
  type TAccessRow,
  type TAnswer,
  type TCaller,
} from './access/access.table.ts';
export { PAGE_KEYS, PAGE_NEEDS, type TPageKey } from './access/pages.table.ts';
export type { TPermissions } from './access/permissions.ts';
export type { TContext } from './context.ts';
export { createContextInner } from './context.ts';
export { DomainError } from './errors.ts';
export { type AppRouter, appRouter, createCaller, type TProcedurePath } from './root.ts';
export { type TImportCaseRow, ZImportCaseRow } from './routers/cases/case.schemas.ts';
export { createPlatformAdmin, issueOneTimePassword } from './services/accounts.service.ts';
export { audit } from './services/audit.ts';
export {
  forgetSession,
  SESSION_COOKIE,
  sessionIdOf,
  sessionTokenFromCookie,
  sessionUser,
} from './services/auth.service.ts';
export { centerBulletinOf, type TBulletinRequest } from './services/bulletin.service.ts';
export { enterCalendarYear } from './services/calendar-years.service.ts';
export { listCaseAlerts, type TCaseAlertRow } from './services/cases/case-alerts.service.ts';
export { importCases } from './services/cases/import-cases.service.ts';
export { initCenter, type TInitCenterInput } from './services/center-init.service.ts';
export { publishDemoHistory } from './services/demo-history.service.ts';
export { HASH_QUEUE_LIMITS, hashQueueLoad } from './services/hash-queue.ts';
export * from './services/import/index.ts';
export { LOGIN_LIMITS, QUERY_LIMITS } from './services/login-limit.ts';
export { hashPassword, setPasswordCost, verifyPassword } from './services/password.ts';
export { publicMessageOf } from './trpc.ts';
