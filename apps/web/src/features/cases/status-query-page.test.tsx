import { type AppRouter, appRouter, createCaller, createContextInner } from '@chuangkou/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the web app depends on the API for its types only; this test reaches the database helpers by path
import {
  createTestDatabase,
  insertMatter,
  insertUser,
  seedFixture,
  type TTestDatabase,
} from '../../../../../packages/db/src/index.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { click, render } from '../../test-utils.tsx';
import StatusQueryPage from './status-query-page.tsx';

const TODAY = '2026-11-26';
let t: TTestDatabase;
let receipt: { acceptanceCode: string; queryPassword: string | null };

/** The page over the real router and an in-memory database (no HTTP): what an applicant would see. */
async function renderPage() {
  const client = createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: async () => ({
          ...createContextInner({ db: t.db, user: null, today: () => TODAY }),
          clientAddress: '192.0.2.10',
        }),
      }),
    ],
  });
  const queryClient = new QueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        <StatusQueryPage />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

async function type(input: Element | null, value: string): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error('no input');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
  expect(check()).toBe(true);
}

// scrypt per query password: room on a busy machine
describe('StatusQueryPage', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const f = await seedFixture(t.db);
    const clerk = await insertUser(t.db, {
      centerId: f.centerId,
      username: 'clerk',
      passwordHash: 'x',
      role: 'staff',
      staffId: f.staff[1]!.id,
      displayName: '李四',
    });
    const matter = await insertMatter(t.db, {
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
      inquiryPhone: '0571-88000001',
      complaintPhone: '12345',
      leadDepartment: '',
      relatedDepartments: [],
    });
    const api = createCaller(createContextInner({ db: t.db, user: clerk, today: () => TODAY }));
    ({ receipt } = await api.cases.accept({
      matterId: matter.id,
      applicantName: '王小明',
      applicantPhone: '13800000000',
      on: '2026-11-20',
    }));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('shows the matter (规程 二、2 ②), status, deadline and handler for the right code and password', async () => {
    const { container, unmount } = await renderPage();
    await type(container.querySelector('[data-testid=status-code]'), receipt.acceptanceCode);
    await type(container.querySelector('[data-testid=status-password]'), receipt.queryPassword!);
    await click(container.querySelector('[data-testid=status-submit]'));
    await waitFor(() => container.querySelector('[data-testid=status-result]') !== null);
    const result = container.querySelector('[data-testid=status-result]')!.textContent ?? '';
    expect(container.querySelector('[data-testid=status-matter]')?.textContent).toBe('不动产转移登记');
    expect(result).toContain('办理中');
    expect(result).toContain('2026年11月25日');
    expect(result).toContain('李四');
    expect(result).not.toContain('王小明');
    unmount();
  });

  it('shows the one answer for a wrong password', async () => {
    const { container, unmount } = await renderPage();
    await type(container.querySelector('[data-testid=status-code]'), receipt.acceptanceCode);
    await type(container.querySelector('[data-testid=status-password]'), 'WRONGPWD');
    await click(container.querySelector('[data-testid=status-submit]'));
    await waitFor(() => container.querySelector('[role=alert]') !== null);
    expect(container.querySelector('[role=alert]')!.textContent).toContain('受理编号或查询密码不正确');
    expect(container.querySelector('[data-testid=status-result]')).toBeNull();
    unmount();
  });
});
