import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOption,
  ensureBuilt,
  launchBrowser,
  login,
  SCREENSHOT_DIR,
  startServer,
  type TServer,
} from './harness.ts';

/**
 * Issue 14's new notices and the 后备干部人才库 on screen, as a leader at 1366×768: the red-flag page's
 * month notices (月度红旗窗口, 黄牌警告), the paper 互评 ballot on the peer page, and a cadre candidate of
 * an ended year confirmed into the pool from the year-end page.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };

async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0,
    null,
    { timeout: 60_000 },
  );
}

/** Clicks a bulletin button and returns the file name the browser saved. */
async function downloaded(page: Page, button: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  return download.suggestedFilename();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issue 14: the new notices and the reserve pool on screen', () => {
  it('考核细则 一(二)8 and 一(三)7: a month’s red-flag and yellow-card notices, and the paper ballot, download from their pages', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, server.baseUrl, 'leader');

    await page.goto(`${server.baseUrl}/red-flag?period=2026`);
    await settled(page, 'page-redFlag');
    // the year's notice while the annual flag is not given: the monthly flags so far
    expect(await downloaded(page, page.getByTestId('bulletin-awards').first())).toContain('2026');
    // a month's notices appear once a month is picked
    await chooseOption(page, page.getByTestId('rf-notice-month'), { option: /^10月$/ });
    await expect.poll(() => page.getByTestId('bulletin-yellowcard').count()).toBe(2);
    // the month's buttons say which month they print, beside the year's
    expect(await page.getByTestId('bulletin-awards').nth(1).textContent()).toContain('10月');
    const monthly = await downloaded(page, page.getByTestId('bulletin-awards').nth(1));
    expect(monthly).toContain('10');
    await shot(page, 'red-flag-month-notices');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    await page.goto(`${server.baseUrl}/peer?period=2026-Q3`);
    await settled(page, 'page-peer');
    expect(await downloaded(page, page.getByTestId('bulletin-ballot').first())).toMatch(/互评/);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);

  it('考核细则 一(四): a leader confirms a cadre candidate of 2025 into the 后备干部人才库 and sees it in the pool', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, server.baseUrl, 'leader');
    await page.goto(`${server.baseUrl}/year-end?period=2025`);
    await settled(page, 'page-yearEnd');
    const candidates = page.getByTestId('cadre-candidates');
    await candidates.waitFor();
    const confirm = candidates.locator('[data-testid^="cadre-confirm-"]').first();
    await confirm.waitFor();
    const name =
      (await candidates.locator('tr.ant-table-row').first().locator('td').first().textContent()) ?? '';
    await confirm.click();
    const pool = page.getByTestId('cadre-pool');
    await expect
      .poll(async () => pool.locator('tr.ant-table-row').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(await pool.textContent()).toContain(name.trim());
    // the candidate's row now says it is in the pool instead of offering the button again
    expect(await candidates.locator('tr.ant-table-row').first().textContent()).toContain('在库');
    await pool.scrollIntoViewIfNeeded();
    await shot(page, 'year-end-cadre-pool');
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
