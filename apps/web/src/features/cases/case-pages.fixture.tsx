import { type AppRouter, appRouter, createCaller, createContextInner } from '@chuangkou/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import type { ReactNode } from 'react';
import { act } from 'react';
import { expect } from 'vitest';
// the web app depends on the API for its types only; the page tests reach the database helpers by path
import {
  createTestDatabase,
  insertMatter,
  insertPolicyVersion,
  insertUser,
  seedFixture,
  type TFixture,
  type TTestDatabase,
  type TUser,
} from '../../../../../packages/db/src/index.ts';
import { DEFAULT_POLICIES } from '../../../../../packages/rules/src/index.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { render } from '../../test-utils.tsx';

export const TODAY = '2026-11-26';

/** A center of its own for one test: an in-memory database, its policies, a supervisor and a matter. */
export interface TPageCenter {
  t: TTestDatabase;
  f: TFixture;
  supervisor: TUser;
  /** the API as the supervisor, to put the cases a test needs in place */
  api: ReturnType<typeof createCaller>;
  /** 不动产转移登记 (承诺件, 3 working days) and 商品房预售许可 (上报件, 20) */
  matters: { promised: number; escalated: number };
  /** what `cases.accept` needs beside the matter and the day */
  applicant: { staffId: number; applicantName: string; applicantPhone: string };
  /** renders a page over the real router on this database, signed in as `user` */
  renderAs(user: TUser, ui: ReactNode, today?: string): ReturnType<typeof render>;
}

export async function pageCenter(): Promise<TPageCenter> {
  const t = await createTestDatabase('sqlite');
  const f = await seedFixture(t.db);
  for (const p of Object.values(DEFAULT_POLICIES)) {
    await insertPolicyVersion(t.db, {
      centerId: f.centerId,
      code: p.code,
      effectiveFrom: '2000-01-01',
      body: p,
      createdBy: null,
    });
  }
  const supervisor = await insertUser(t.db, {
    centerId: f.centerId,
    username: 'sup',
    passwordHash: 'x',
    role: 'supervisor',
    staffId: null,
    displayName: '审管科',
  });
  const matter = (name: string, type: 'promised' | 'escalated', promisedDays: number) =>
    insertMatter(t.db, { centerId: f.centerId, unitId: f.unitId, name, type, promisedDays });
  const matters = {
    promised: (await matter('不动产转移登记', 'promised', 3)).id,
    escalated: (await matter('商品房预售许可', 'escalated', 20)).id,
  };
  const renderAs = (user: TUser, ui: ReactNode, today = TODAY) => {
    const client = createTRPCClient<AppRouter>({
      links: [
        unstable_localLink({
          router: appRouter,
          createContext: async () => createContextInner({ db: t.db, user, today: () => today }),
        }),
      ],
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return render(
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={client} queryClient={queryClient}>
          {ui}
        </TRPCProvider>
      </QueryClientProvider>,
    );
  };
  return {
    t,
    f,
    supervisor,
    api: createCaller(createContextInner({ db: t.db, user: supervisor, today: () => TODAY })),
    matters,
    applicant: { staffId: f.staff[1]!.id, applicantName: '王小明', applicantPhone: '13800000000' },
    renderAs,
  };
}

/** Waits (up to 3 s) until the check holds, then asserts it. */
export async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
  expect(check()).toBe(true);
}

/** The rows of a table by its test id. */
export const tableRows = (container: ParentNode, testId: string) => [
  ...container.querySelectorAll(`[data-testid=${testId}] tbody tr.ant-table-row`),
];
