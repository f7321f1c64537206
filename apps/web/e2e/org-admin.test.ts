import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
 * Moving a center in, in real Chromium at 1366×768 against the demo center: the administrator creates a
 * unit, two windows, a person and an account for that person; the person signs in with the one-time
 * password, must change it (at least 8 characters) and sees their own page; then the administrator moves
 * the person to the other window from a date and the 任职经历 shows both assignments.
 */
let server: TServer;
let browser: Browser;
const VIEWPORT = { width: 1366, height: 768 };

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
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

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** Opens the select that holds the field `id` (or the select itself), types the text and clicks its option. */
async function pick(page: Page, scope: Locator, id: string | null, text: string): Promise<void> {
  const select = id === null ? scope : scope.locator('.ant-select', { has: page.locator(`#${id}`) });
  // a long list is virtual: searching brings the option into view
  await chooseOption(page, select, { search: text, option: text });
}

/** Types a date into the date picker of the field `id`. */
async function typeDate(scope: Locator, id: string, date: string): Promise<void> {
  const input = scope.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Waits until the visible modal has closed (saved). */
async function closed(page: Page): Promise<void> {
  await page
    .locator('.ant-modal-wrap:visible')
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => {});
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count(), { timeout: 30_000 }).toBe(0);
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

describe('moving a center in: people and places', () => {
  it('creates a unit, windows, a person and their account; the person signs in, changes the password, sees their page; a dated move shows in the history', async () => {
    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, 'admin');

    // a unit
    await page.goto(`${server.baseUrl}/admin/org`);
    await settled(page, 'page-org');
    await page.getByTestId('unit-new').click();
    await page.getByTestId('unit-name').fill('市测试管理局');
    await page.getByTestId('unit-save').click();
    await closed(page);
    await expect
      .poll(async () => page.getByTestId('units-table').textContent(), { timeout: 30_000 })
      .toContain('市测试管理局');
    await shot(page, 'admin-org');

    // two windows of that unit (a second for the move)
    await page.getByRole('tab', { name: '窗口' }).click();
    for (const [code, name] of [
      ['CS01', '测试1号窗口'],
      ['CS02', '测试2号窗口'],
    ] as const) {
      await page.getByTestId('window-new').click();
      const modal = page.locator('.ant-modal:visible');
      await pick(page, modal, 'unitId', '市测试管理局');
      await page.getByTestId('window-code').fill(code);
      await page.getByTestId('window-name').fill(name);
      await page.getByTestId('window-save').click();
      await closed(page);
    }
    // the demo's windows fill the first page: show the new unit's only
    await pick(page, page.getByTestId('windows-unit-filter').locator('.ant-select'), null, '市测试管理局');
    await expect
      .poll(async () => page.getByTestId('windows-table').textContent(), { timeout: 30_000 })
      .toContain('测试2号窗口');
    // a window code already taken is refused in Chinese, naming the field; nothing written
    await page.getByTestId('window-new').click();
    const dup = page.locator('.ant-modal:visible');
    await pick(page, dup, 'unitId', '市测试管理局');
    await page.getByTestId('window-code').fill('CS01');
    await page.getByTestId('window-name').fill('重复窗口');
    await page.getByTestId('window-save').click();
    await expect
      .poll(async () => dup.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('窗口编号 CS01 已存在');
    await shot(page, 'admin-org-windows');
    await dup.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('tab', { name: '事项' }).click();
    await page.getByTestId('matters-table').waitFor({ timeout: 30_000 });
    // the catalog fits 1366×768: neither the page nor the table scrolls sideways, the actions in view
    const overflow = await page.evaluate(() =>
      [
        document.documentElement,
        ...document.querySelectorAll(
          '[data-testid="matters-table"] .ant-table-content, [data-testid="matters-table"] .ant-table-body',
        ),
      ].map((e) => e.scrollWidth - e.clientWidth),
    );
    // the page and the table's own scroll box, both measured
    expect(overflow).toHaveLength(2);
    expect(
      overflow.every((px) => px <= 0),
      `overflow ${overflow.join(', ')} px`,
    ).toBe(true);
    const edit = page
      .getByTestId('matters-table')
      .getByRole('button', { name: /停\s*用/ })
      .first();
    expect(
      ((await edit.boundingBox())?.x ?? 9999) + ((await edit.boundingBox())?.width ?? 0),
    ).toBeLessThanOrEqual(1366);
    await shot(page, 'admin-org-matters');

    // a person at window CS01 since a month ago
    const arrived = isoDaysAgo(30);
    await page.goto(`${server.baseUrl}/admin/staff`);
    await settled(page, 'page-staff');
    await pick(page, page.getByTestId('staff-unit-filter').locator('.ant-select'), null, '市测试管理局');
    await page.getByTestId('staff-new').click();
    const modal = page.locator('.ant-modal:visible');
    await page.getByTestId('staff-name').fill('测试员甲');
    await page.getByTestId('staff-no').fill('CS-001');
    await typeDate(modal, 'from', arrived);
    await pick(page, modal, 'unitId', '市测试管理局');
    await pick(page, modal, 'windowId', '测试1号窗口');
    await page.getByTestId('staff-save').click();
    await closed(page);
    await expect
      .poll(async () => page.getByTestId('staff-table').textContent(), { timeout: 30_000 })
      .toContain('CS-001');
    await shot(page, 'admin-staff');

    // an account for that person, with its one-time password shown once
    await page.goto(`${server.baseUrl}/admin`);
    await settled(page, 'page-admin');
    await page.getByTestId('account-new').click();
    const account = page.locator('.ant-modal:visible');
    const username = page.getByTestId('account-username');
    const prefix = await username.inputValue();
    await username.fill(`${prefix}ceshijia`);
    await page.getByTestId('account-name').fill('测试员甲');
    await pick(page, account, 'staffId', '测试员甲');
    await page.getByTestId('account-save').click();
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor({ timeout: 30_000 });
    const oneTime = ((await shown.textContent()) ?? '').trim();
    expect(oneTime).toMatch(/^[a-z2-9]{10}$/);

    // the person signs in with it and must change it; a password under 8 characters is refused
    const person = await newPage();
    await person.page.goto(`${server.baseUrl}/login`);
    await person.page.locator('#login_username').fill(`${prefix}ceshijia`);
    await person.page.locator('#login_password').fill(oneTime);
    await person.page.locator('button[type=submit]').click();
    await person.page.getByTestId('page-change-password').waitFor({ timeout: 30_000 });
    await person.page.locator('#change-password_current').fill(oneTime);
    await person.page.locator('#change-password_next').fill('short12');
    await person.page.locator('#change-password_repeat').fill('short12');
    await person.page.locator('form[id=change-password] button[type=submit]').click();
    await expect
      .poll(async () => person.page.locator('.ant-form-item-explain-error').allTextContents(), {
        timeout: 15_000,
      })
      .toContain('新密码至少8位');
    await person.page.locator('#change-password_next').fill('ceshi-jia-2026');
    await person.page.locator('#change-password_repeat').fill('ceshi-jia-2026');
    await person.page.locator('form[id=change-password] button[type=submit]').click();
    await person.page.getByTestId('current-user').waitFor({ timeout: 30_000 });
    await settled(person.page, 'page-person');
    // their own page: signed in as themselves, with their own 任职经历 (the window they were entered at)
    expect(await person.page.getByTestId('current-user').textContent()).toContain('测试员甲');
    expect(await person.page.getByTestId('person-history').textContent()).toContain('测试1号窗口');
    expect(person.errors).toEqual([]);
    await person.context.close();

    // the administrator moves the person to CS02 from five days ago; the history keeps both
    const movedOn = isoDaysAgo(5);
    await page.goto(`${server.baseUrl}/admin/staff`);
    await settled(page, 'page-staff');
    await pick(page, page.getByTestId('staff-unit-filter').locator('.ant-select'), null, '市测试管理局');
    await page
      .getByTestId('staff-table')
      .locator('tr', { hasText: '测试员甲' })
      .getByRole('button', { name: '任职经历与调配' })
      .click();
    const drawer = page.getByTestId('staff-drawer');
    await drawer.waitFor({ timeout: 30_000 });
    await pick(page, drawer, 'windowId', '测试2号窗口');
    await typeDate(drawer, 'from', movedOn);
    await page.getByTestId('move-reason').fill('窗口调整');
    await page.getByTestId('move-save').click();
    const history = page.getByTestId('person-history');
    await expect.poll(async () => history.locator('tr.ant-table-row').count(), { timeout: 30_000 }).toBe(2);
    const rows = await history.locator('tr.ant-table-row').allTextContents();
    // newest first: 测试2号窗口 from the move, to now; 测试1号窗口 from arrival to the day before
    expect(rows[0]).toContain('测试2号窗口');
    expect(rows[0]).toContain('至今');
    expect(rows[1]).toContain('测试1号窗口');
    await shot(page, 'admin-staff-history');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
