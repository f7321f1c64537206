import { afterEach, describe, expect, it } from 'vitest';
import { pageCenter, type TPageCenter, tableRows, waitFor } from '../cases/case-pages.fixture.tsx';
import { CasesCard } from './cases-card.tsx';

describe('CasesCard', { timeout: 30_000 }, () => {
  let c: TPageCenter | undefined;
  afterEach(async () => {
    await c?.t.destroy();
    c = undefined;
  });

  it('names each case by its type, 上报件 for an escalated case', async () => {
    c = await pageCenter();
    const on = '2026-11-20';
    await c.api.cases.accept({ ...c.applicant, matterId: c.matters.escalated, on });
    await c.api.cases.accept({ ...c.applicant, matterId: c.matters.promised, on });
    const { container, unmount } = await c.renderAs(
      c.supervisor,
      <CasesCard title="办件" filter={{ windowId: c.f.windowIds[0] }} range={{ from: on, to: on }} />,
    );
    // the card opens on the overdue cases; all of them are shown after a click on 全部
    const all = [...container.querySelectorAll('.ant-segmented-item')].find((e) => e.textContent === '全部');
    all?.querySelector('input')?.click();
    await waitFor(() => tableRows(container, 'cases-card').length === 2);
    const types = tableRows(container, 'cases-card').map((r) => r.querySelectorAll('td')[2]?.textContent);
    expect(types.sort()).toEqual(['上报件', '承诺件']);
    unmount();
  });
});
