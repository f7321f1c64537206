import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
 * The verify dialog in real Chromium at 1366×768: before a verdict it lists what a valid complaint
 * brings, each with its clause and the seed's words, and the center's reading apart (本中心解释).
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

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the complaint verify dialog', () => {
  it('考核细则 二(三) 群众投诉一票否决: an internal complaint’s dialog lists no veto, A3 by 本中心解释, no F7b, and verifying records A3 only', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, server.baseUrl, 'supervisor');
    const response = await page.request.get(`${server.baseUrl}/trpc/org.staff`);
    const staff = (
      (await response.json()) as {
        result: { data: { id: number; name: string; windowId: number | null; post: string }[] };
      }
    ).result.data;
    const person = staff.filter((s) => s.windowId !== null && s.post === 'front')[5]!;
    const content = `e2e 内部反映接待态度生硬 ${Date.now()}`;

    await page.goto(`${server.baseUrl}/entry/complaint`);
    await settled(page, 'page-entryComplaint');
    await chooseOption(page, page.locator('.ant-select', { has: page.locator('#channel') }), {
      option: '内部',
    });
    await page.locator('#staffId').click();
    await page.keyboard.type(person.name);
    await page.keyboard.press('Enter');
    await page.locator('#content').fill(content);
    await page.getByRole('button', { name: '提 交' }).first().click();
    const row = page.getByTestId('pending-complaints').locator('tr', { hasText: content });
    await row.waitFor();
    await row.getByRole('button').click();
    const dialog = page.locator('.ant-modal:visible');
    expect(await dialog.getByTestId('verify-accused').textContent()).toContain('内部');
    await dialog.locator('label', { hasText: '有效' }).first().click();
    await chooseOption(page, dialog.locator('.ant-select', { has: page.locator('#cause') }), {
      option: '服务态度',
    });
    const list = dialog.getByTestId('verify-consequences');
    await list.locator('li').first().waitFor();
    const item = (text: string) => list.locator('li', { hasText: text }).first();
    expect(await item('考核细则 二(三)').getAttribute('data-applies')).toBe('no');
    expect(await item('考核细则 二(三)').textContent()).toContain('群众投诉');
    expect(await item('考核细则 一(一)3').getAttribute('data-applies')).toBe('yes');
    expect(await item('考核细则 一(一)3').textContent()).toContain('由于服务态度问题而引起投诉的，每次扣5分');
    expect(await item('处罚办法 一、7').getAttribute('data-applies')).toBe('no');
    const reading = await dialog.getByTestId('verify-center-reading').textContent();
    expect(reading).toContain('本中心解释');
    expect(reading).toContain('内部投诉不处罚30元');
    // the dialog fits the 1366×768 screen without sideways scroll
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await dialog.getByTestId('verify-center-reading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'complaint-verify-internal.png') });

    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    const records = await page.request.get(
      `${server.baseUrl}/trpc/records.list?input=${encodeURIComponent(JSON.stringify({ staffId: person.id }))}`,
    );
    const rows = ((await records.json()) as { result: { data: { item: string; note: string | null }[] } })
      .result.data;
    expect(rows.filter((r) => r.note?.includes(content)).map((r) => r.item)).toEqual(['A3']);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
