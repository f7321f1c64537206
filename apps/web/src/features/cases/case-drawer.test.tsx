import { type AppRouter, appRouter, createContextInner } from '@chuangkou/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listCaseEvents, listCaseReviews } from '../../../../../packages/db/src/index.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { click, render } from '../../test-utils.tsx';
import { pageCenter, TODAY, type TPageCenter, tableRows } from './case-pages.fixture.tsx';
import CasesPage from './cases-page.tsx';
import StatusQueryPage from './status-query-page.tsx';

/** Types into an input or a textarea as a person would (React sees the input event). */
async function type(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement) && !(el instanceof HTMLTextAreaElement)) throw new Error('no field');
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const $ = (selector: string) => document.querySelector(selector);

/** Waits until the check holds, then asserts it: room for scrypt and a loaded machine (no timing asserted). */
async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }
  expect(check()).toBe(true);
}

/** Every text of every cell of a downloaded workbook. */
async function workbookText(blob: Blob): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((cell) => out.push(cell.text)));
  return out.join('\n');
}

// each test builds its center and accepts cases (scrypt per query password): room on a busy machine
describe('the case drawer', { timeout: 60_000 }, () => {
  let c: TPageCenter | undefined;
  let downloads: Blob[];
  beforeEach(() => {
    downloads = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      downloads.push(b as Blob);
      return 'blob:download';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await c?.t.destroy();
    c = undefined;
  });
  // the forms' dates are the browser's today, so the API's today is the real one here
  const realToday = dayjs().format('YYYY-MM-DD');
  const openDrawer = async (center: TPageCenter) => {
    const page = await center.renderAs(center.supervisor, <CasesPage />, realToday);
    await waitFor(() => tableRows(page.container, 'cases-table').length === 1);
    await click(tableRows(page.container, 'cases-table')[0]);
    await waitFor(() => $('[data-testid=case-detail]') !== null);
    // the drawer names the matter, in its title and its first line
    expect($('[data-testid=case-matter]')!.textContent).toBe('不动产转移登记');
    expect($('.ant-drawer-title')!.textContent).toBe('不动产转移登记 · 承诺件');
    return page;
  };
  const refused = async (center: TPageCenter) => {
    const accepted = await center.api.cases.accept({
      ...center.applicant,
      matterId: center.matters.promised,
      on: '2026-11-20',
    });
    await center.api.cases.decide({
      id: accepted.case.id,
      on: '2026-11-24',
      decision: 'refused',
      reasons: ['申请事项不属于本中心受理范围'],
    });
    return accepted;
  };

  it('规程 二、2 ⑦ reprints the window copy masked; after a reset with a reason the applicant copy carries the new password', async () => {
    c = await pageCenter();
    const { case: accepted, receipt } = await c.api.cases.accept({
      ...c.applicant,
      matterId: c.matters.promised,
      on: '2026-11-20',
    });
    const { unmount } = await openDrawer(c);
    await click($('[data-testid=reprint-window]'));
    await waitFor(() => downloads.length === 1);
    const windowCopy = await workbookText(downloads[0]!);
    expect(windowCopy).toContain('********（见申请人联）');
    expect(windowCopy).toContain('补打件不载明密码');
    expect(windowCopy).not.toContain(receipt.queryPassword!);

    // no reset without a reason: the form says so and nothing is written
    await click($('[data-testid=reset-password-open]'));
    await waitFor(() => $('[data-testid=reset-password-submit]') !== null);
    await click($('[data-testid=reset-password-submit]'));
    await waitFor(() => document.body.textContent!.includes('请填写重置原因'));
    const resets = async () =>
      (await listCaseEvents(c!.t.db, accepted.id)).filter((e) => e.kind === 'resetQueryPassword');
    expect(await resets()).toHaveLength(0);

    await type($('[data-testid=reset-reason]'), '申请人遗失回执，本人持身份证到窗口');
    await click($('[data-testid=reset-password-submit]'));
    await waitFor(() => $('[data-testid=reset-password-value]') !== null);
    const shown = $('[data-testid=reset-password-value]')!.textContent!;
    const fresh = shown.slice(shown.lastIndexOf('：') + 1);
    expect(fresh).toMatch(/^\S{6,}$/);
    expect(fresh).not.toBe(receipt.queryPassword);
    expect((await resets()).map((e) => e.payload)).toStrictEqual([
      { reason: '申请人遗失回执，本人持身份证到窗口' },
    ]);

    await click($('[data-testid=reprint-applicant]'));
    await waitFor(() => downloads.length === 2);
    const both = await workbookText(downloads[1]!);
    expect(both).toContain(fresh); // the applicant's part
    expect(both).toContain('********（见申请人联）'); // the window's part stays masked
    expect(both).not.toContain(receipt.queryPassword!);
    unmount();
  });

  it('规程 四、3 复核 from the status page with the code and password, then decided by the center in the drawer', async () => {
    c = await pageCenter();
    const { case: r, receipt } = await refused(c);
    const client = createTRPCClient<AppRouter>({
      links: [
        unstable_localLink({
          router: appRouter,
          createContext: async () => ({
            ...createContextInner({ db: c!.t.db, user: null, today: () => TODAY }),
            clientAddress: '192.0.2.10',
          }),
        }),
      ],
    });
    const queryClient = new QueryClient();
    const status = await render(
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={client} queryClient={queryClient}>
          <StatusQueryPage />
        </TRPCProvider>
      </QueryClientProvider>,
    );
    await type(status.container.querySelector('[data-testid=status-code]'), receipt.acceptanceCode);
    await type(status.container.querySelector('[data-testid=status-password]'), receipt.queryPassword!);
    await click(status.container.querySelector('[data-testid=status-submit]'));
    await waitFor(() => status.container.querySelector('[data-testid=status-review]') !== null);
    // the refusal tells the other routes (行政复议, 行政诉讼) before anything is asked
    expect(status.container.querySelector('[data-testid=status-review]')!.textContent).toContain('行政复议');
    await click(status.container.querySelector('[data-testid=status-review-request]'));
    await waitFor(() =>
      status.container.querySelector('[data-testid=status-review]')!.textContent!.includes('已于'),
    );
    expect(status.container.querySelector('[data-testid=status-review-request]')).toBeNull();
    status.unmount();
    expect(await listCaseReviews(c.t.db, r.id)).toMatchObject([
      { channel: 'statusPage', requestedOn: TODAY, outcome: null },
    ]);

    // the center decides it in the drawer: reviewer, outcome, date and reasons recorded
    const { unmount } = await openDrawer(c);
    await waitFor(() => $('[data-testid=review-decide]') !== null);
    expect($('[data-testid=case-reviews]')!.textContent).toContain('办件查询页');
    await type($('[data-testid=case-reviews] #reviewer'), '赵六');
    await type($('[data-testid=case-reviews] #reasons'), '原决定事实清楚，依据充分');
    await click($('[data-testid=review-decide]'));
    await waitFor(() => $('[data-testid=review-decide]') === null);
    expect(await listCaseReviews(c.t.db, r.id)).toMatchObject([
      {
        channel: 'statusPage',
        reviewer: '赵六',
        outcome: 'upheld',
        decidedOn: realToday,
        reasons: '原决定事实清楚，依据充分',
      },
    ]);
    await waitFor(() => $('[data-testid=case-reviews]')!.textContent!.includes('维持'));
    unmount();
  });

  it('规程 四、3 复核 asked at the counter, recorded with its day, and overturned', async () => {
    c = await pageCenter();
    const { case: r } = await refused(c);
    const { unmount } = await openDrawer(c);
    await waitFor(() => $('[data-testid=review-request]') !== null);
    await type($('[data-testid=case-reviews] #request'), '申请人称已取得用地批复');
    await click($('[data-testid=review-request]'));
    await waitFor(
      () =>
        $('[data-testid=review-decide]') !== null || $('[data-testid=case-reviews] [role=alert]') !== null,
    );
    expect($('[data-testid=case-reviews] [role=alert]')?.textContent).toBeUndefined();
    await waitFor(() => $('[data-testid=review-decide]') !== null);
    expect(await listCaseReviews(c.t.db, r.id)).toMatchObject([
      { channel: 'counter', requestedOn: realToday, request: '申请人称已取得用地批复', outcome: null },
    ]);
    await type($('[data-testid=case-reviews] #reviewer'), '赵六');
    await click($('[data-testid=case-reviews] input[value=overturned]'));
    await type($('[data-testid=case-reviews] #reasons'), '补充的用地批复证明符合条件');
    await click($('[data-testid=review-decide]'));
    await waitFor(() => $('[data-testid=review-decide]') === null);
    expect(await listCaseReviews(c.t.db, r.id)).toMatchObject([
      { channel: 'counter', reviewer: '赵六', outcome: 'overturned', decidedOn: realToday },
    ]);
    unmount();
  });
});
