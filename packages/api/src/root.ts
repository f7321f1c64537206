import type { AnyProcedure } from '@trpc/server';
import { auditRouter, calendarRouter, policiesRouter } from './routers/admin.ts';
import { analyticsRouter } from './routers/analytics.ts';
import { assessmentRouter } from './routers/assessment.ts';
import { authRouter } from './routers/auth.ts';
import { awardsRouter } from './routers/awards.ts';
import { bulletinsRouter } from './routers/bulletins.ts';
import { cadresRouter } from './routers/cadres.ts';
import { casesRouter } from './routers/cases/cases.router.ts';
import { complaintsRouter } from './routers/complaints.ts';
import { finesRouter } from './routers/fines.ts';
import { importsRouter } from './routers/imports.ts';
import { orgRouter } from './routers/org.ts';
import { patrolsRouter } from './routers/patrols.ts';
import { peerRatingsRouter } from './routers/peer-ratings.ts';
import { recordsRouter } from './routers/records.ts';
import { usersRouter } from './routers/users.ts';
import { createCallerFactory, router } from './trpc.ts';

/** The whole API. The web app imports only `type AppRouter`. */
export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  users: usersRouter,
  policies: policiesRouter,
  calendar: calendarRouter,
  records: recordsRouter,
  complaints: complaintsRouter,
  peerRatings: peerRatingsRouter,
  patrols: patrolsRouter,
  awards: awardsRouter,
  assessment: assessmentRouter,
  fines: finesRouter,
  analytics: analyticsRouter,
  cases: casesRouter,
  audit: auditRouter,
  bulletins: bulletinsRouter,
  imports: importsRouter,
  cadres: cadresRouter,
});

export type AppRouter = typeof appRouter;

type TPathsOf<R> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? K : `${K}.${TPathsOf<R[K]>}`;
}[keyof R & string];

/** Every procedure's path, `auth.login` … `bulletins.yearend`. */
export type TProcedurePath = TPathsOf<AppRouter['_def']['record']>;

export const createCaller = createCallerFactory(appRouter);
