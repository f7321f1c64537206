import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * The sessions screen (登录设备) in real Chromium at 1366×768 against the real server: a user signed
 * in on two devices sees both, this one marked, with device, address and times, and ends the other,
 * which is then signed out.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };
const PHONE_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the sessions screen', () => {
  it('lists both devices of a user, marks this one, and ends the other, which is signed out', async () => {
    const office = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: PHONE_AGENT });
    const page = await office.newPage();
    const phonePage = await phone.newPage();
    page.setDefaultTimeout(30_000);
    phonePage.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await login(phonePage, server.baseUrl, 'supervisor');
    await login(page, server.baseUrl, 'supervisor');

    await page.getByTestId('open-sessions').click();
    const drawer = page.getByTestId('sessions-drawer');
    await drawer.getByText('登录时间').waitFor();
    const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const current = rows.filter({ has: page.getByTestId('session-current') });
    expect(await current.count()).toBe(1);
    // this Chromium is a Linux desktop; the other device the iPhone
    expect(await current.textContent()).toMatch(/Chrome · Linux/);
    const other = rows.filter({ hasText: 'Safari · iOS' });
    expect(await other.count()).toBe(1);
    expect(await other.textContent()).toContain('127.0.0.1');
    // only the other device has an end button
    expect(await current.getByRole('button').count()).toBe(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sessions.png') });

    await other
      .getByRole('button', { name: '结 束' })
      .or(other.getByRole('button', { name: '结束' }))
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /结\s?束/ })
      .click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await rows.first().getByTestId('session-current').count()).toBe(1);

    // the phone's session is over: its next load shows the login page
    await phonePage.reload();
    await phonePage.locator('#login_username').waitFor({ timeout: 30_000 });

    expect(errors).toEqual([]);
    await office.close();
    await phone.close();
  }, 180_000);
});
