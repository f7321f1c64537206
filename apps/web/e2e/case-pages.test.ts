import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CASE_ALERT_LABELS } from '@chuangkou/rules';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * The case pages the 规程 changed, in real Chromium at 1366×768 against the demo center: the
 * supervisor's alerts, each tagged with its kind, and the overdue proposals with each clause's text.
 */
let server: TServer;
let browser: Browser;

async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0,
    null,
    { timeout: 90_000 },
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the case pages under the 规程', () => {
  it('shows the overdue proposals with the received day and each clause with its text', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/cases/proposals`);
    await settled(page, 'page-case-proposals');
    const rows = page.getByTestId('proposals-table').locator('tr.ant-table-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const text = (await page.getByTestId('proposals-table').textContent()) ?? '';
    // a B5 proposal names its clause with the policy's text, never the bare code
    expect(text).toContain('受理办件因窗口工作人员失职等原因导致超过办理承诺时限');
    await shot(page, 'case-proposals');
    await context.close();
  });

  it('lists the alerts, each tagged with its kind (等待上级 apart from 超期)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/cases/alerts`);
    await settled(page, 'page-case-alerts');
    const tags = await page
      .locator('[data-testid="page-case-alerts"] tr.ant-table-row td:first-child .ant-tag')
      .allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    const kinds = new Set(Object.values(CASE_ALERT_LABELS).map((l) => l.zh));
    expect(tags.filter((tag) => !kinds.has(tag))).toStrictEqual([]);
    await shot(page, 'case-alerts');
    await context.close();
  });
});
