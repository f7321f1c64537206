import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * The daily screens as their users live them, in real Chromium at 1366×768 against the real server
 * and its demo center: the supervisor's patrol day, and what each role sees.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0,
    null,
    { timeout: 60_000 },
  );
}

/** Widths that scroll sideways: the page's, and every table's body, [scrollWidth, clientWidth]. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const over: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) over.push(`page ${root.scrollWidth}>${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(
      '.ant-table-content, .ant-table-body, .ant-table-container',
    ))
      if (el.scrollWidth > el.clientWidth + 1) over.push(`table ${el.scrollWidth}>${el.clientWidth}`);
    return over;
  });
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

describe('the supervisor’s day on the patrol sheet (巡查表)', () => {
  it('adds the morning’s and the afternoon’s findings to one sheet, corrects one with a reason and opens yesterday’s', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/entry/patrol`);
    await settled(page, 'page-entryPatrol');
    await page.getByTestId('field-duty-leader').fill('王主任');
    await page.getByTestId('field-inspectors').fill('李科长、赵干事');

    const addFinding = async (session: string, clause: string, text: string) => {
      const cell = page.getByTestId(`cell-${session}-${clause}`);
      await cell.getByRole('button', { name: /添加发现/ }).click();
      const draft = cell.getByTestId('draft-finding').last();
      await draft.locator('.ant-select').first().click();
      await page.keyboard.press('Enter');
      await draft.getByPlaceholder('发现情况').fill(text);
      await page.getByTestId('submit-patrol').click();
      await cell.getByText(text).last().waitFor();
      await expect.poll(() => cell.getByTestId('draft-finding').count()).toBe(0);
    };

    // the morning's round
    await addFinding('morning', 'F8', '上班时间玩手机');
    // the afternoon's round, on the same day's sheet: no "已存在"
    await addFinding('afternoon', 'F6', '窗口摆放电饭煲');
    expect(await page.locator('.ant-alert-error').allInnerTexts()).toEqual([]);
    await expect.poll(() => page.getByTestId('cell-morning-F8').textContent()).toContain('上班时间玩手机');
    expect(await page.getByTestId('patrol-signatures').textContent()).toContain('王主任');
    expect(await page.getByTestId('patrol-signatures').textContent()).toContain('李科长、赵干事');

    // a correction with a reason: the finding stays, struck through, with its reason
    const morning = page.getByTestId('cell-morning-F8');
    const wrong = morning.locator('[data-testid^=finding-]', { hasText: '上班时间玩手机' }).last();
    await wrong.getByRole('button', { name: /更\s*正/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('认错人，实为邻窗人员');
    await dialog.getByRole('button', { name: /更\s*正/ }).click();
    await wrong.getByText('已更正').waitFor();
    expect(await wrong.textContent()).toContain('认错人，实为邻窗人员');
    expect(await wrong.locator('del').count()).toBe(1);

    expect(await sidewaysOverflow(page)).toEqual([]);
    await shot(page, 'entry-patrol-day');

    // the signed paper copy is filed
    await page.getByTestId('patrol-file').click();
    await page.getByTestId('patrol-filed').waitFor();

    // yesterday's sheet (the last day patrolled before today), from the list of past sheets
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByTestId('patrol-past-days').click();
    const options = page.locator('.ant-select-dropdown .ant-select-item-option');
    await options.first().waitFor();
    const titles = await options.evaluateAll((els) =>
      els.map((el) => el.getAttribute('title') ?? el.textContent ?? ''),
    );
    const todayLabel = today.slice(5);
    const pastIndex = titles.findIndex((title) => !title.startsWith(todayLabel));
    expect(pastIndex).toBeGreaterThanOrEqual(0);
    await options.nth(pastIndex).click();
    await expect
      .poll(() => page.getByTestId('page-entryPatrol').locator('h1, h2, h3, h4').first().textContent())
      .not.toContain(today);
    await settled(page, 'patrol-signatures');
    const signatures = await page.getByTestId('patrol-signatures').textContent();
    expect(signatures).toMatch(/值日领导\s*(周主任|吴副主任|孙副主任)/);
    expect(signatures).toMatch(/纸质签字件(已|未)归档/);
    expect(await page.getByTestId('field-duty-leader').inputValue()).toMatch(/周主任|吴副主任|孙副主任/);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await shot(page, 'entry-patrol-past');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('what each role sees', () => {
  it('prints the demo accounts on the login page of a server holding the demo center', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    const demo = page.getByTestId('login-demo');
    await demo.waitFor({ timeout: 20_000 });
    expect(await demo.textContent()).toMatch(/演示账号：admin \/ .*supervisor.*，密码 demo1234/);
    await context.close();
  }, 150_000);

  it('shows one 无权查看 page, not a 加载失败 box per card, for another person’s page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, server.baseUrl, 'staff');
    const me = (await (await page.request.get(`${server.baseUrl}/trpc/auth.me`)).json()) as {
      result: { data: { staffId: number } };
    };
    const colleagues = (await (await page.request.get(`${server.baseUrl}/trpc/org.colleagues`)).json()) as {
      result: { data: { id: number }[] };
    };
    const other = colleagues.result.data.find((c) => c.id !== me.result.data.staffId);
    expect(other).toBeDefined();
    await page.goto(`${server.baseUrl}/assessment/person/${other!.id}?period=2026-Q3`);
    const refused = page.getByTestId('page-person-forbidden');
    await refused.getByText('无权查看').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(await page.getByText('加载失败').count()).toBe(0);
    await shot(page, 'person-forbidden');
    await context.close();
  }, 150_000);

  it('names each policy and clause in Chinese beside its code, with the clause text on hover', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/fines?period=2026-09`);
    await settled(page, 'page-fines');
    const policy = page.getByTestId('fines-staff').getByTestId('policy-ref');
    expect(await policy.textContent()).toMatch(/^《.+处罚办法》第\d+版$/);
    expect(await page.getByTestId('page-fines').textContent()).not.toMatch(/处罚办法\s*B v\d/);
    const chip = page.getByTestId('fines-staff').locator('[data-testid^=item-chip-]').first();
    // the code, its name and the count: "F1 工作人员无故迟到或早退 × 1", never a bare "F1 × 1"
    await expect.poll(() => chip.textContent()).toMatch(/^F\w+ \S+.* × \d+$/);
    await chip.hover();
    const tip = page.locator('.ant-tooltip:visible');
    await tip.waitFor();
    expect(((await tip.textContent()) ?? '').length).toBeGreaterThan(15);
    await shot(page, 'fines');
    await page.goto(`${server.baseUrl}/assessment?period=2026-Q3`);
    await settled(page, 'page-assessment');
    expect(await page.getByTestId('policy-ref').first().textContent()).toMatch(/^《.+考核细则》第\d+版$/);
    await context.close();
  }, 150_000);

  it('shows every column of the complaints list and the results’ flags at 1366 px, without sideways scroll', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, server.baseUrl, 'supervisor');
    await page.goto(`${server.baseUrl}/complaints?period=2026-Q3`);
    await settled(page, 'page-complaints');
    const list = page.getByTestId('complaints-list');
    await list.locator('tr.ant-table-row').first().waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    const cause = list.locator('th', { hasText: '原因' });
    const box = await cause.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
    await shot(page, 'complaints');
    await page.goto(`${server.baseUrl}/assessment?period=2026-Q3`);
    await settled(page, 'page-assessment');
    const pages = page.locator('.ant-pagination-item');
    if ((await pages.count()) > 0) await pages.last().click();
    expect(await sidewaysOverflow(page)).toEqual([]);
    const flags = page.locator('th', { hasText: '标记' }).first();
    const flagsBox = await flags.boundingBox();
    expect(flagsBox).not.toBeNull();
    expect(flagsBox!.x + flagsBox!.width).toBeLessThanOrEqual(VIEWPORT.width);
    await shot(page, 'assessment-last-page');
    await context.close();
  }, 150_000);

  it('shows a window head their own window’s figures as their window’s, and no empty red-flag chart', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, server.baseUrl, 'head');
    await page.goto(`${server.baseUrl}/efficiency?period=2026-Q3`);
    await settled(page, 'page-efficiency');
    await page.getByTestId('window-staff').waitFor();
    expect(await page.getByTestId('chart-units').count()).toBe(0);
    expect(await page.getByTestId('page-efficiency').textContent()).not.toContain('单位排名');
    await shot(page, 'head-efficiency');
    await page.goto(`${server.baseUrl}/red-flag?period=2026`);
    await settled(page, 'page-redFlag');
    const chart = page.getByTestId('chart-awards-month');
    expect(await chart.textContent()).toContain('本窗口');
    // either bars of their window's awards, or a sentence saying there were none: never empty axes
    const bars = await chart.locator('.recharts-bar-rectangle').count();
    const none = await chart.getByText('未获评红旗窗口').count();
    expect(bars > 0 || none === 1).toBe(true);
    await shot(page, 'head-red-flag');
    await context.close();
  }, 150_000);
});
