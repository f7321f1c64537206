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
 * Policy C and the guards in real Chromium at 1366×768: the patrol form finds a guard by 保安 and
 * records F10 and U1; the 投诉处理与工作服 page shows the ladder and the month's confiscation.
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

describe('policy C and the guards on screen', () => {
  it('处罚办法 一、10 and 规范化服务通知 三(二)1: the patrol form finds a guard by 保安, records F10 and U1 ×3, and the page shows the confiscation and the ladder', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/entry/patrol`);
    await settled(page, 'page-entryPatrol');
    await page.getByTestId('field-duty-leader').fill('王主任');
    await page.getByTestId('field-inspectors').fill('李科长');

    // F10: the row offers the guards only, and typing 保安 finds them
    const guardCell = page.getByTestId('cell-morning-F10');
    await guardCell.getByRole('button', { name: /添加发现/ }).click();
    const guardDraft = guardCell.getByTestId('draft-finding').last();
    await guardDraft.locator('.ant-select').first().click();
    await page.keyboard.type('保安');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const found = await options.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((name) => name.endsWith('（保安）'))).toBe(true);
    await page.keyboard.press('Enter');
    await guardDraft.getByPlaceholder('发现情况').fill('在大门口抽烟');

    // U1 in the 其他 row: three times out of uniform today
    const otherCell = page.getByTestId('cell-morning-other');
    await otherCell.getByRole('button', { name: /添加发现/ }).click();
    const uniformDraft = otherCell.getByTestId('draft-finding').last();
    await chooseOption(page, uniformDraft.locator('.ant-select').first(), { search: 'U1', option: /^U1 / });
    expect(await uniformDraft.locator('.ant-select').first().textContent()).toMatch(/^U1 /);
    await uniformDraft.locator('.ant-select').nth(1).click();
    await page.keyboard.press('Enter');
    await uniformDraft.getByRole('spinbutton').fill('3');
    await uniformDraft.getByPlaceholder('发现情况').fill('未着工作服');
    await page.getByTestId('submit-patrol').click();
    await guardCell.getByText('在大门口抽烟').waitFor();
    await otherCell.getByText('未着工作服').waitFor();
    expect(await page.locator('.ant-alert-error').allInnerTexts()).toEqual([]);

    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    });
    await page.goto(`${server.baseUrl}/complaint-ladder?period=${today}`);
    await settled(page, 'page-complaintLadder');
    const uniform = page.getByTestId('uniform-table');
    await expect.poll(() => uniform.textContent()).toContain('没收工作服');
    expect(await uniform.textContent()).toMatch(/3\s*30/);
    expect(await page.getByTestId('page-complaintLadder').textContent()).toContain('本中心细则');
    expect(await page.getByTestId('bulletin-uniform').count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'complaint-ladder.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
