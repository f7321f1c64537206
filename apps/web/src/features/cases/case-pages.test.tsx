import { type AppRouter, appRouter, createCaller, createContextInner } from '@chuangkou/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the web app depends on the API for its types only; this test reaches the database helpers by path
import {
  countRecords,
  createTestDatabase,
  insertMatterGuide,
  insertPolicyVersion,
  insertUser,
  seedFixture,
  type TTestDatabase,
  type TUser,
} from '../../../../../packages/db/src/index.ts';
import { DEFAULT_POLICIES } from '../../../../../packages/rules/src/index.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { click, render } from '../../test-utils.tsx';
import { nextSteps } from './case-actions.tsx';
import CaseAlertsPage from './case-alerts-page.tsx';
import CasesPage from './cases-page.tsx';
import MattersPage from './matters-page.tsx';
import ProposalsPage from './proposals-page.tsx';

const TODAY = '2026-11-26';
let t: TTestDatabase;
let supervisor: TUser;

/** A page over the real router and an in-memory database, signed in as the supervisor. */
function renderAs(user: TUser, ui: ReactNode, today = TODAY) {
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
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
  expect(check()).toBe(true);
}

describe('case pages', () => {
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
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
    supervisor = await insertUser(t.db, {
      centerId: f.centerId,
      username: 'sup',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    const matter = await insertMatterGuide(t.db, {
      centerId: f.centerId,
      unitId: f.unitId,
      name: '不动产转移登记',
      type: 'promised',
      promisedDays: 3,
      legalBasis: '',
      materials: [],
      procedure: '',
      fees: '',
      feeBasis: '',
      inquiryPhone: '',
      complaintPhone: '',
      leadDepartment: '',
      relatedDepartments: [],
    });
    const api = createCaller(createContextInner({ db: t.db, user: supervisor, today: () => TODAY }));
    const base = {
      matterId: matter.id,
      staffId: f.staff[1]!.id,
      applicantName: '王小明',
      applicantPhone: '13800000000',
    };
    // decided two working days late (due Thursday 5 Nov, decided Monday 9 Nov) → B5 ×2 and F3 proposed
    const late = await api.cases.accept({ ...base, on: '2026-11-02' });
    await api.cases.decide({ id: late.case.id, on: '2026-11-09', decision: 'approved' });
    // still open and past its deadline (Monday 23 Nov) on 26 Nov → red
    await api.cases.accept({ ...base, on: '2026-11-18' });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('lists the registry with the stage and the overdue days', async () => {
    const { container, unmount } = await renderAs(supervisor, <CasesPage />);
    await waitFor(
      () => container.querySelectorAll('[data-testid=cases-table] tbody tr.ant-table-row').length === 2,
    );
    const text = container.querySelector('[data-testid=cases-table]')!.textContent ?? '';
    expect(text).toContain('已办结');
    expect(text).toContain('办理中');
    expect(text).toContain('不动产转移登记');
    expect(container.querySelector('[data-testid=cases-table] .ant-tag-red')?.textContent).toBe('2');
    unmount();
  });

  it('shows the open case past its deadline as a red alert', async () => {
    const { container, unmount } = await renderAs(supervisor, <CaseAlertsPage />);
    await waitFor(
      () => container.querySelector('[data-testid=alerts-deadline] tbody tr.ant-table-row') !== null,
    );
    const row = container.querySelector('[data-testid=alerts-deadline] tbody tr.ant-table-row')!;
    expect(row.querySelector('.ant-tag-red')?.textContent).toBe('已超期');
    expect(row.textContent).toContain('超期 3 个工作日');
    unmount();
  });

  it('confirms a proposal: only then is the record created', async () => {
    const before = await countRecords(t.db);
    const { container, unmount } = await renderAs(supervisor, <ProposalsPage />);
    await waitFor(
      () => container.querySelectorAll('[data-testid=proposals-table] tbody tr.ant-table-row').length === 2,
    );
    const first = container.querySelector('[data-testid=proposals-table] tbody tr.ant-table-row')!;
    expect(first.textContent).toContain('B5');
    expect(await countRecords(t.db)).toBe(before);
    await click(first.querySelector('[data-testid^=confirm-]'));
    await waitFor(
      () => container.querySelectorAll('[data-testid=proposals-table] tbody tr.ant-table-row').length === 1,
    );
    expect(await countRecords(t.db)).toBe(before + 1);
    unmount();
  });

  it('lists the matter catalog with the guide of each matter', async () => {
    const { container, unmount } = await renderAs(supervisor, <MattersPage />);
    await waitFor(
      () => container.querySelector('[data-testid=matters-table] tbody tr.ant-table-row') !== null,
    );
    const row = container.querySelector('[data-testid=matters-table] tbody tr.ant-table-row')!;
    expect(row.textContent).toContain('不动产转移登记');
    expect(row.textContent).toContain('承诺件');
    expect(row.querySelectorAll('button.ant-btn')).toHaveLength(2); // 修改, 停用 for a supervisor
    unmount();
  });

  it('takes the next step from the case drawer (a decided case: notify the applicant)', async () => {
    // the form's date is the browser's today, so the API's today is the real one here
    const realToday = dayjs().format('YYYY-MM-DD');
    const { container, unmount } = await renderAs(supervisor, <CasesPage />, realToday);
    await waitFor(
      () => container.querySelectorAll('[data-testid=cases-table] tbody tr.ant-table-row').length === 2,
    );
    const decidedRow = [
      ...container.querySelectorAll('[data-testid=cases-table] tbody tr.ant-table-row'),
    ].find((r) => r.textContent?.includes('已办结'));
    await click(decidedRow);
    await waitFor(() => document.querySelector('[data-testid=step-notify]') !== null);
    await click(document.querySelector('[data-testid=step-notify]'));
    await waitFor(() => document.querySelector('.ant-modal .ant-btn-primary') !== null);
    await click(document.querySelector('.ant-modal .ant-btn-primary'));
    await waitFor(() => document.querySelector('[data-testid=step-pickUp]') !== null);
    const stage = await t.db
      .selectFrom('cases')
      .select(['stage', 'notified_on'])
      .where('stage', '=', 'notified')
      .execute();
    expect(stage).toEqual([{ stage: 'notified', notified_on: realToday }]);
    unmount();
  });
});

describe('nextSteps', () => {
  const c = { id: 1, type: 'joint' as const, stage: 'accepted', explanationFiledOn: null };
  it('offers what the rules allow at each stage', () => {
    expect(nextSteps(c, [])).toEqual(['requestMaterials', 'return', 'copyJoint', 'decide']);
    expect(nextSteps(c, [{ department: '税务局', answeredOn: null }])).toContain('jointAnswer');
    expect(nextSteps({ ...c, type: 'escalated', stage: 'forwarded' }, [])).toEqual([
      'fileExplanation',
      'upperReply',
    ]);
    expect(nextSteps({ ...c, stage: 'forwarded', explanationFiledOn: '2026-11-05' }, [])).toEqual([
      'upperReply',
    ]);
    expect(nextSteps({ ...c, stage: 'returned' }, [])).toEqual([]);
  });
});
