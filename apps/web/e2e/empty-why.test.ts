import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * Empty states that say why (domain "Time: every fact on its own date"), on 窗口效能 and 投诉分析, in
 * real Chromium at 1366×768 against the real server and its demo center, on today's date: a window
 * opened today has nothing yet in the running month, and a month before the center's first data has
 * nothing at all. Each page says which of the two it is instead of drawing empty charts.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const runningMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const runningLabel = `${now.getFullYear()}年${now.getMonth() + 1}月`;
/** the demo center's data starts two years back: three years back is before any of it */
const emptyYear = now.getFullYear() - 3;
const emptyMonth = `${emptyYear}-01`;

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
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

async function trpc<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const response =
    input === undefined
      ? await page.request.get(`${server.baseUrl}/trpc/${procedure}`)
      : await page.request.post(`${server.baseUrl}/trpc/${procedure}`, {
          data: input,
          headers: { 'content-type': 'application/json' },
        });
  const body = (await response.json()) as { result?: { data: T } };
  if (!response.ok() || !body.result) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data;
}

/** The page has no chart and no table of figures: only the empty state. */
async function hasNoFigures(page: Page, root: string): Promise<boolean> {
  return (
    (await page
      .locator(`[data-testid=${root}] .recharts-wrapper, [data-testid=${root}] .ant-table`)
      .count()) === 0
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

describe('empty states say why on 窗口效能 and 投诉分析', () => {
  it('a window opened today: the running month has no cases yet; a month before the data: none at all; a running month is marked', async () => {
    // the administrator opens a new window today (nothing received there yet)
    const admin = await newPage();
    await login(admin.page, server.baseUrl, 'admin');
    const units = await trpc<{ id: number }[]>(admin.page, 'org.units');
    const created = await trpc<{ id: number }>(admin.page, 'org.createWindow', {
      unitId: units[0]!.id,
      code: 'NEW-E2E',
      name: '新设综合窗口',
    });
    await admin.context.close();

    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, 'leader');

    await page.goto(`${server.baseUrl}/efficiency?period=${runningMonth}&window=${created.id}`);
    await settled(page, 'page-efficiency');
    expect(await page.getByTestId('efficiency-empty').textContent()).toBe(
      `${runningLabel}进行中，所选范围尚无办件：办件按收件日期计入，录入后即显示效能`,
    );
    expect(await hasNoFigures(page, 'page-efficiency')).toBe(true);
    await shot(page, 'empty-efficiency-running');

    await page.goto(`${server.baseUrl}/complaints?period=${runningMonth}&window=${created.id}`);
    await settled(page, 'page-complaints');
    expect(await page.getByTestId('complaints-empty').textContent()).toBe(
      `${runningLabel}进行中，所选范围尚无办件和投诉：投诉率按每千件办件计算，有办件后才有投诉率`,
    );
    expect(await page.getByTestId('complaints-list-empty').textContent()).toBe(
      `${runningLabel}所选范围没有投诉记录`,
    );
    expect(await hasNoFigures(page, 'page-complaints')).toBe(true);
    await shot(page, 'empty-complaints-running');

    // an ended month before the center's first data, the whole center
    await page.goto(`${server.baseUrl}/efficiency?period=${emptyMonth}`);
    await settled(page, 'page-efficiency');
    expect(await page.getByTestId('efficiency-empty').textContent()).toBe(
      `${emptyYear}年1月所选范围没有办件记录，无效能可算`,
    );
    expect(await hasNoFigures(page, 'page-efficiency')).toBe(true);

    await page.goto(`${server.baseUrl}/complaints?period=${emptyMonth}`);
    await settled(page, 'page-complaints');
    expect(await page.getByTestId('complaints-empty').textContent()).toBe(
      `${emptyYear}年1月所选范围没有办件和投诉记录，无投诉率可算`,
    );
    expect(await hasNoFigures(page, 'page-complaints')).toBe(true);

    // the running quarter's rate by month: the running month is marked and kept off the whole months' line
    const quarter = Math.floor(now.getMonth() / 3) + 1;
    await page.goto(`${server.baseUrl}/complaints?period=${now.getFullYear()}-Q${quarter}`);
    await settled(page, 'page-complaints');
    expect(await page.getByTestId('month-running-note').textContent()).toBe(
      `${runningLabel}进行中，只含至${pad(now.getMonth() + 1)}-${pad(now.getDate())}的办件和投诉，单独标出，未连入整月折线`,
    );
    await shot(page, 'complaints-running-month');

    // a month with cases still draws its figures (the empty state is not shown for data)
    await page.goto(`${server.baseUrl}/efficiency?period=${runningMonth}`);
    await settled(page, 'page-efficiency');
    await page.getByTestId('chart-units').waitFor();
    expect(await page.getByTestId('efficiency-empty').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
