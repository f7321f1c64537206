import { createCaller, createContextInner } from '@chuangkou/api';
import dayjs from 'dayjs';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countRecords,
  insertUser,
  setSanctionProposalRecheck,
} from '../../../../../packages/db/src/index.ts';
import { click } from '../../test-utils.tsx';
import { nextSteps } from './case-actions.tsx';
import CaseAlertsPage from './case-alerts-page.tsx';
import { pageCenter, TODAY, type TPageCenter, tableRows, waitFor } from './case-pages.fixture.tsx';
import CasesPage from './cases-page.tsx';
import MattersPage from './matters-page.tsx';
import ProposalsPage from './proposals-page.tsx';

/** Each test has its own center: what it shows is what it put there, in any order. */
// each test builds its center and accepts cases (scrypt per query password): room on a busy machine
describe('case pages', { timeout: 30_000 }, () => {
  let c: TPageCenter | undefined;
  afterEach(async () => {
    await c?.t.destroy();
    c = undefined;
  });

  /** A case decided two working days late (due Thursday 5 Nov, decided Monday 9 Nov): B5 ×2 and F3. */
  const decidedLate = async (center: TPageCenter) => {
    const late = await center.api.cases.accept({
      ...center.applicant,
      matterId: center.matters.promised,
      on: '2026-11-02',
    });
    await center.api.cases.decide({ id: late.case.id, on: '2026-11-09', decision: 'approved' });
    return late.case;
  };
  /** A case still open and past its deadline (Monday 23 Nov) on 26 Nov: red. */
  const openLate = async (center: TPageCenter) =>
    (
      await center.api.cases.accept({
        ...center.applicant,
        matterId: center.matters.promised,
        on: '2026-11-18',
      })
    ).case;

  it('lists the registry with the type, the stage and the overdue days', async () => {
    c = await pageCenter();
    await decidedLate(c);
    await openLate(c);
    const escalated = await c.api.cases.accept({
      ...c.applicant,
      matterId: c.matters.escalated,
      on: '2026-11-20',
    });
    const { container, unmount } = await c.renderAs(c.supervisor, <CasesPage />);
    await waitFor(() => tableRows(container, 'cases-table').length === 3);
    const text = container.querySelector('[data-testid=cases-table]')!.textContent ?? '';
    expect(text).toContain('已办结');
    expect(text).toContain('办理中');
    expect(text).toContain('不动产转移登记');
    expect(container.querySelector('[data-testid=cases-table] .ant-tag-red')?.textContent).toBe('2');
    const row = tableRows(container, 'cases-table').find((r) =>
      r.textContent?.includes(escalated.receipt.acceptanceCode),
    );
    expect(row?.textContent).toContain('上报件');
    unmount();
  });

  it('shows the open case past its deadline as a red alert', async () => {
    c = await pageCenter();
    await openLate(c);
    const { container, unmount } = await c.renderAs(c.supervisor, <CaseAlertsPage />);
    await waitFor(() => tableRows(container, 'alerts-deadline').length === 1);
    const [row] = tableRows(container, 'alerts-deadline');
    expect(row!.querySelector('.ant-tag-red')?.textContent).toBe('已超期');
    expect(row!.textContent).toContain('超期 3 个工作日');
    unmount();
  });

  it('confirms a proposal: only then is the record created', async () => {
    c = await pageCenter();
    await decidedLate(c);
    const before = await countRecords(c.t.db);
    const { container, unmount } = await c.renderAs(c.supervisor, <ProposalsPage />);
    await waitFor(() => tableRows(container, 'proposals-table').length === 2);
    const [first] = tableRows(container, 'proposals-table');
    expect(first!.textContent).toContain('B5');
    expect(await countRecords(c.t.db)).toBe(before);
    await click(first!.querySelector('[data-testid^=confirm-]'));
    await waitFor(() => tableRows(container, 'proposals-table').length === 1);
    expect(await countRecords(c.t.db)).toBe(before + 1);
    unmount();
  });

  it('shows each proposal with its received day, its clause with the text, and confirms the selected ones', async () => {
    c = await pageCenter();
    await decidedLate(c);
    const before = await countRecords(c.t.db);
    const { container, unmount } = await c.renderAs(c.supervisor, <ProposalsPage />);
    await waitFor(() => tableRows(container, 'proposals-table').length === 2);
    await waitFor(() => tableRows(container, 'proposals-table')[0]!.textContent!.includes('B5 '));
    const [b5] = tableRows(container, 'proposals-table');
    // 申请日期 is the day the applicant came (2 Nov), the decision day (9 Nov) beside it
    expect(b5!.textContent).toContain('2026年11月2日');
    expect(b5!.textContent).toContain('2026年11月9日');
    expect(b5!.textContent).toContain('不动产转移登记');
    expect(b5!.textContent).toMatch(/B5 \S+/);
    await click(container.querySelector('[data-testid=proposals-table] thead input[type=checkbox]'));
    await click(container.querySelector('[data-testid=confirm-selected]'));
    await waitFor(() => tableRows(container, 'proposals-table').length === 0);
    expect(await countRecords(c.t.db)).toBe(before + 2);
    unmount();
  });

  it('rechecks a confirmed proposal flagged after a calendar correction: fewer days, with the reason', async () => {
    c = await pageCenter();
    await decidedLate(c);
    const b5 = (await c.api.cases.sanctionProposals.list({ status: 'proposed' })).find(
      (p) => p.item === 'B5',
    )!;
    const confirmed = await c.api.cases.sanctionProposals.confirm({ id: b5.id });
    await setSanctionProposalRecheck(c.t.db, b5.id, '按更正后的工作日历应为 1（已确认 2）');
    const { container, unmount } = await c.renderAs(c.supervisor, <ProposalsPage />);
    await openRecheck(container, b5.id);
    expect(document.querySelector('.ant-modal')?.textContent).toContain(
      '按更正后的工作日历应为 1（已确认 2）',
    );
    await adjustTo1();
    const records = await countRecords(c.t.db);
    await click(document.querySelector('.ant-modal-footer .ant-btn-primary'));
    const after = await rechecked(c, b5.id);
    expect(after).toMatchObject({ recheckReason: null, confirmedQty: 1 });
    expect(after.recordId).not.toBe(confirmed.recordId);
    // the old record revoked and kept, a new one made
    expect(await countRecords(c.t.db)).toBe(records + 1);
    unmount();
  });

  it('asks for the correction reason when the recheck changes a deduction of a published quarter', async () => {
    c = await pageCenter();
    const late = await c.api.cases.accept({ ...c.applicant, matterId: c.matters.promised, on: '2026-09-01' });
    await c.api.cases.decide({ id: late.case.id, on: '2026-09-10', decision: 'approved' });
    const b5 = (await c.api.cases.sanctionProposals.list({ status: 'proposed' })).find(
      (p) => p.item === 'B5',
    )!;
    await c.api.cases.sanctionProposals.confirm({ id: b5.id });
    const leader = await insertUser(c.t.db, {
      centerId: c.f.centerId,
      username: 'boss',
      passwordHash: 'x',
      role: 'leader',
      staffId: null,
      displayName: '主任',
    });
    await createCaller(
      createContextInner({ db: c.t.db, user: leader, today: () => TODAY }),
    ).assessment.publish({
      year: 2026,
      quarter: 3,
    });
    await setSanctionProposalRecheck(c.t.db, b5.id, `按更正后的工作日历应为 1（已确认 ${b5.qty}）`);
    const { container, unmount } = await c.renderAs(c.supervisor, <ProposalsPage />);
    await openRecheck(container, b5.id);
    // the flag is said once: 待复核 and the reason, not 更正后 twice
    expect(document.querySelector('.ant-modal .ant-alert')?.textContent).toBe(
      `待复核：按更正后的工作日历应为 1（已确认 ${b5.qty}）`,
    );
    await adjustTo1();
    const records = await countRecords(c.t.db);
    await click(document.querySelector('.ant-modal-footer .ant-btn-primary'));
    // refused: the quarter is published; the form now asks for the correction's reason, nothing written
    await waitFor(() => document.querySelector('[data-testid=recheck-correction]') !== null);
    expect(await countRecords(c.t.db)).toBe(records);
    await type(document.querySelector('[data-testid=recheck-correction]'), '工作日历更正，依复核减为 1 日');
    await click(document.querySelector('.ant-modal-footer .ant-btn-primary'));
    const after = await rechecked(c, b5.id);
    expect(after).toMatchObject({ recheckReason: null, confirmedQty: 1 });
    expect(await countRecords(c.t.db)).toBe(records + 1);
    unmount();
  });

  it('lists the matter catalog with the type of each matter', async () => {
    c = await pageCenter();
    const { container, unmount } = await c.renderAs(c.supervisor, <MattersPage />);
    await waitFor(() => tableRows(container, 'matters-table').length === 2);
    const [promised, escalated] = tableRows(container, 'matters-table');
    expect(promised!.textContent).toContain('不动产转移登记');
    expect(promised!.textContent).toContain('承诺件');
    expect(escalated!.textContent).toContain('上报件');
    expect(promised!.querySelectorAll('button.ant-btn')).toHaveLength(2); // 修改, 停用 for a supervisor
    unmount();
  });

  it('takes the next step from the case drawer (a decided case: notify the applicant)', async () => {
    c = await pageCenter();
    const decided = await decidedLate(c);
    // the form's date is the browser's today, so the API's today is the real one here
    const realToday = dayjs().format('YYYY-MM-DD');
    const { container, unmount } = await c.renderAs(c.supervisor, <CasesPage />, realToday);
    await waitFor(() => tableRows(container, 'cases-table').length === 1);
    await click(tableRows(container, 'cases-table')[0]);
    await waitFor(() => document.querySelector('[data-testid=step-notify]') !== null);
    await click(document.querySelector('[data-testid=step-notify]'));
    await waitFor(() => document.querySelector('.ant-modal .ant-btn-primary') !== null);
    await click(document.querySelector('.ant-modal .ant-btn-primary'));
    await waitFor(() => document.querySelector('[data-testid=step-pickUp]') !== null);
    const row = await c.t.db
      .selectFrom('cases')
      .select(['stage', 'notified_on'])
      .where('id', '=', decided.id)
      .executeTakeFirst();
    expect(row).toEqual({ stage: 'notified', notified_on: realToday });
    unmount();
  });
});

describe('nextSteps', () => {
  const c = { id: 1, type: 'joint' as const, stage: 'accepted' as const, explanationFiledOn: null };
  it('offers what the rules allow at each stage', () => {
    expect(nextSteps(c, [])).toEqual(['requestMaterials', 'return', 'copyJoint', 'decide']);
    expect(nextSteps(c, [{ department: '税务局', answeredOn: null }])).toContain('jointAnswer');
    expect(nextSteps({ ...c, type: 'escalated' as const, stage: 'forwarded' as const }, [])).toEqual([
      'fileExplanation',
      'upperReply',
    ]);
    expect(nextSteps({ ...c, stage: 'forwarded' as const, explanationFiledOn: '2026-11-05' }, [])).toEqual([
      'upperReply',
    ]);
    expect(nextSteps({ ...c, stage: 'returned' as const }, [])).toEqual([]);
  });
});

/** Opens the 已确认 tab and the recheck modal of a flagged proposal. */
async function openRecheck(container: HTMLElement, id: number): Promise<void> {
  const tab = [...container.querySelectorAll('.ant-segmented-item')].find((e) => e.textContent === '已确认');
  await click(tab?.querySelector('input'));
  await waitFor(() => container.querySelector(`[data-testid=recheck-open-${id}]`) !== null);
  await click(container.querySelector(`[data-testid=recheck-open-${id}]`));
  await waitFor(() => document.querySelector('[data-testid=recheck-reason]') !== null);
}

/** In the open recheck modal: fewer days, 1, with the reason. */
async function adjustTo1(): Promise<void> {
  await click(document.querySelector('[data-testid=recheck-outcome] input[value=adjust]'));
  await waitFor(() => document.querySelector('[data-testid=recheck-qty]') !== null);
  await type(document.querySelector('input[data-testid=recheck-qty], [data-testid=recheck-qty] input'), '1');
  await type(document.querySelector('[data-testid=recheck-reason]'), '按更正后的工作日历超期 1 日');
}

/** The confirmed proposal once its recheck is settled (waits up to 3 s for the flag to go). */
async function rechecked(center: TPageCenter, id: number) {
  const read = async () =>
    (await center.api.cases.sanctionProposals.list({ status: 'confirmed' })).find((p) => p.id === id)!;
  let after = await read();
  for (let i = 0; i < 100 && after.recheckReason !== null; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    after = await read();
  }
  return after;
}

/** Types into an input or a text area as a person would (React sees the change). */
async function type(input: Element | null, value: string): Promise<void> {
  const proto =
    input instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : input instanceof HTMLInputElement
        ? HTMLInputElement.prototype
        : null;
  if (!proto) throw new Error('no input');
  const setValue = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  await act(async () => {
    setValue.call(input, value);
    input!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
