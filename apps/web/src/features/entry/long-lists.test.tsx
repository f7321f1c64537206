import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  insertComplaint,
  insertRecord,
  setComplaintVerification,
} from '../../../../../packages/db/src/index.ts';
import { click } from '../../test-utils.tsx';
import PersonPage from '../assessment/person-page.tsx';
import { pageCenter, type TPageCenter, waitFor } from '../cases/case-pages.fixture.tsx';
import ComplaintEntryPage from './complaint-page.tsx';

/** More rows than one page of the API's lists (200): the pages must ask for the rest. */
const MANY = 230;

const text = (container: ParentNode, testId: string) =>
  container.querySelector(`[data-testid=${testId}]`)?.textContent ?? '';

// each test writes 230 rows and renders a whole page over the real router: room on a busy machine
describe('lists longer than a page', { timeout: 60_000 }, () => {
  let c: TPageCenter | undefined;
  beforeEach(() => {
    window.history.pushState({}, '', '/?period=2026-Q3');
  });
  afterEach(async () => {
    await c?.t.destroy();
    c = undefined;
    window.history.pushState({}, '', '/');
  });

  it('shows every record of a person’s quarter on the person page, 200 first and the rest on demand', async () => {
    c = await pageCenter();
    const person = c.f.staff[1]!;
    for (let i = 0; i < MANY; i++)
      await insertRecord(c.t.db, {
        centerId: c.f.centerId,
        scheme: 'points',
        // the person's own records, and their window's window-level ones (no person on them)
        staffId: i % 10 === 0 ? null : person.id,
        windowId: person.windowId,
        item: 'A1',
        qty: 1,
        level: null,
        aggravated: false,
        date: `2026-0${7 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        note: null,
        source: 'manual',
        sourceId: null,
        recordedBy: null,
      });
    const { container, unmount } = await c.renderAs(
      c.supervisor,
      <PersonPage params={{ staffId: String(person.id) }} />,
    );
    await waitFor(() => text(container, 'person-records-more').includes('200'));
    expect(text(container, 'person-records-more')).toBe('加载更多（已显示 200 条）');
    await click(container.querySelector('[data-testid=person-records-more]'));
    await waitFor(() => container.querySelector('[data-testid=person-records-more-all]') !== null);
    expect(text(container, 'person-records-more-all')).toBe(`已全部显示（${MANY} 条）`);
    unmount();
  });

  it('lists every complaint still to verify on the entry page, 200 first and the rest on demand', async () => {
    c = await pageCenter();
    const ids: number[] = [];
    for (let i = 0; i < MANY + 20; i++)
      ids.push(
        (
          await insertComplaint(c.t.db, {
            centerId: c.f.centerId,
            channel: 'phone',
            date: `2026-11-${String(1 + (i % 25)).padStart(2, '0')}`,
            windowId: c.f.windowIds[0],
            staffId: c.f.staff[0]!.id,
            content: `投诉 ${i}`,
            createdBy: null,
          })
        ).id,
      );
    // 20 of them verified already: not on the list to verify
    for (const id of ids.filter((_, i) => i % 12 === 0).slice(0, 20))
      await setComplaintVerification(c.t.db, id, {
        isValid: false,
        cause: null,
        note: null,
        by: null,
        recordId: null,
      });
    const { container, unmount } = await c.renderAs(c.supervisor, <ComplaintEntryPage />);
    await waitFor(() => text(container, 'pending-complaints-more').includes('200'));
    expect(text(container, 'pending-complaints')).toContain('待核实（200+）');
    await click(container.querySelector('[data-testid=pending-complaints-more]'));
    await waitFor(() => container.querySelector('[data-testid=pending-complaints-more-all]') !== null);
    expect(text(container, 'pending-complaints-more-all')).toBe(`已全部显示（${MANY} 条）`);
    expect(text(container, 'pending-complaints')).toContain(`待核实（${MANY}）`);
    unmount();
  });
});
