import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * A calendar correction reaches the overdue proposals, in real Chromium at 1366×768 against the demo
 * center: the supervisor confirms a B5 proposal; the administrator corrects the year on the 工作日历 page
 * (the case's deadline day becomes a day off); the proposals page shows the confirmed proposal, left as it
 * was, tagged 日历更正后需复核.
 */
let server: TServer;
let browser: Browser;
const VIEWPORT = { width: 1366, height: 768 };

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0,
    null,
    { timeout: 90_000 },
  );
}

/** A query of the API with the page's session (tRPC over HTTP, no transformer). */
async function ask<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const r = await page.request.get(`${server.baseUrl}/trpc/${procedure}${q}`);
  const body = (await r.json()) as { result?: { data: T } };
  if (!r.ok() || !body.result) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data;
}

type TProposal = {
  id: number;
  caseId: number;
  item: string;
  qty: number;
  day: string;
  status: string;
  recheckReason: string | null;
};

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a calendar correction and the overdue proposals', () => {
  it('flags a confirmed proposal the corrected calendar no longer bears out, on the proposals page', async () => {
    const sup = await newPage();
    await login(sup.page, server.baseUrl, 'supervisor');
    // a waiting B5 of a case decided this year, the latest first (its quarter is still open)
    const waiting = await ask<TProposal[]>(sup.page, 'cases.sanctionProposals.list', {
      status: 'proposed',
      limit: 200,
    });
    const b5 = waiting
      .filter((p) => p.item === 'B5' && p.day.startsWith('2026-'))
      .sort((a, b) => b.day.localeCompare(a.day))[0];
    expect(b5, 'a waiting B5 proposal in the demo').toBeDefined();
    const { case: c } = await ask<{ case: { deadline: string } }>(sup.page, 'cases.get', { id: b5!.caseId });
    expect(c.deadline < b5!.day).toBe(true);

    // the supervisor confirms it on the page
    await sup.page.goto(`${server.baseUrl}/cases/proposals`);
    await settled(sup.page, 'page-case-proposals');
    await sup.page
      .getByTestId('proposals-table')
      .locator('tr.ant-table-row')
      .first()
      .waitFor({ timeout: 60_000 });
    /** B5 among the confirmed proposals, as the page reads them (undefined until confirmed) */
    const confirmedB5 = async () =>
      (
        await ask<TProposal[]>(sup.page, 'cases.sanctionProposals.list', { status: 'confirmed', limit: 200 })
      ).find((p) => p.id === b5!.id);
    const confirmButton = sup.page.getByTestId(`confirm-${b5!.id}`);
    while (!(await confirmButton.isVisible())) {
      await sup.page.getByTestId('page-case-proposals').locator('li.ant-pagination-next').first().click();
    }
    await confirmButton.click();
    await expect.poll(async () => (await confirmedB5()) !== undefined, { timeout: 30_000 }).toBe(true);

    // the administrator corrects 2026: the case's deadline day was a day off
    const admin = await newPage();
    await login(admin.page, server.baseUrl, 'admin');
    await admin.page.goto(`${server.baseUrl}/admin/calendar`);
    await settled(admin.page, 'page-calendar');
    await admin.page.locator('input#year').fill('2026');
    await admin.page.getByRole('button', { name: '载入该年现有安排' }).click();
    const holidays = admin.page.getByTestId('calendar-holidays');
    await expect.poll(async () => (await holidays.inputValue()).includes('2026-01-01')).toBe(true);
    await holidays.fill(`${await holidays.inputValue()}\n${c.deadline} 停电闭馆`);
    await admin.page.locator('input#reason').fill('补录停电闭馆一日');
    await admin.page.getByTestId('calendar-save').click();
    const saved = admin.page.locator('.ant-message-notice', { hasText: '已确认需复核' });
    await saved.waitFor({ timeout: 180_000 });
    expect(await saved.textContent()).toMatch(/已确认需复核 [1-9]\d* 条/);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // the confirmed proposal stands, flagged; the page shows the tag
    const flagged = (await confirmedB5())!;
    expect(flagged).toMatchObject({
      status: 'confirmed',
      qty: b5!.qty,
      recheckReason: expect.stringContaining('按更正后的工作日历'),
    });
    await sup.page.goto(`${server.baseUrl}/cases/proposals`);
    await settled(sup.page, 'page-case-proposals');
    await sup.page
      .getByTestId('page-case-proposals')
      .locator('.ant-segmented-item', { hasText: '已确认' })
      .click();
    await settled(sup.page, 'page-case-proposals');
    const tag = sup.page.getByTestId(`recheck-${b5!.id}`);
    for (let i = 0; i < 50 && !(await tag.isVisible()); i++) {
      await sup.page.getByTestId('page-case-proposals').locator('li.ant-pagination-next').first().click();
    }
    expect(await tag.textContent()).toBe('日历更正后需复核');
    // the page does not scroll sideways (the table scrolls within its card to its last column)
    expect(await sup.page.evaluate(() => document.documentElement.scrollWidth <= 1366)).toBe(true);
    await tag.scrollIntoViewIfNeeded();
    const box = await tag.boundingBox();
    expect((box?.x ?? 9999) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
    await sup.page.waitForTimeout(300);
    await sup.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-proposals-recheck.png') });

    // the supervisor rechecks it: the record stands, with the reason; the flag goes
    const open = sup.page.getByTestId(`recheck-open-${b5!.id}`);
    const openBox = await open.boundingBox();
    expect((openBox?.x ?? 9999) + (openBox?.width ?? 0)).toBeLessThanOrEqual(1366);
    await open.click();
    await sup.page.getByTestId('recheck-reason').fill('停电当日已电话告知申请人延期，超期在窗口');
    await sup.page.waitForTimeout(300);
    await sup.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-proposals-recheck-modal.png') });
    await sup.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await confirmedB5())?.recheckReason, { timeout: 30_000 }).toBeNull();
    expect(sup.errors).toEqual([]);
    await sup.context.close();
  });
});
