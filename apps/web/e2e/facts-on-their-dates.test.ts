import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * Issue 11 end to end (domain "Time: every fact on its own date"), in real Chromium at 1366×768 against
 * the real server and its demo center, on today's date: the overview opens on the last ended quarter
 * and the running one is a click away, marked 进行中 and compared on the same elapsed span; a leader
 * moves a person between windows from a date and the past quarter stays as it was; a signed month gets
 * a late record with a reason, and its supplement (补充汇总) is signed on the same three lines.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };
const QUARTER_ZH = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const todayIso = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const running = { year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1 };
const lastEnded =
  running.quarter === 1
    ? { year: running.year - 1, quarter: 4 }
    : { year: running.year, quarter: running.quarter - 1 };
/** the month before this one: ended, and not signed in the demo center */
const lastMonth =
  now.getMonth() === 0
    ? { year: now.getFullYear() - 1, month: 12 }
    : { year: now.getFullYear(), month: now.getMonth() };
const lastMonthParam = `${lastMonth.year}-${pad(lastMonth.month)}`;

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      errors.push(message.text());
  });
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

async function heading(page: Page): Promise<string> {
  // the page's own title (the first heading is the app's name)
  return (
    (await page
      .locator(
        '[data-testid^=page-] h1, [data-testid^=page-] h2, [data-testid^=page-] h3, [data-testid^=page-] h4',
      )
      .first()
      .textContent()) ?? ''
  );
}

/** A tRPC query through the signed-in page's cookie. */
async function query<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await page.request.get(`${server.baseUrl}/trpc/${procedure}${qs}`);
  expect(response.ok(), `${procedure}: ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
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

describe('periods on their dates', () => {
  it('opens the overview on the last ended quarter; the running one is a click away, 进行中, compared on the same span', async () => {
    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, 'leader');
    await page.goto(`${server.baseUrl}/overview`);
    await settled(page, 'page-overview');
    expect(await heading(page)).toContain(`${lastEnded.year}年${QUARTER_ZH[lastEnded.quarter]}`);
    expect(await page.getByTestId('period-running').count()).toBe(0);
    await shot(page, 'time-overview-last-ended');

    // one click on the period picker and one on the running quarter (the last one offered)
    await page.getByTestId('filter-period').click();
    await page.locator('.ant-picker-dropdown .ant-picker-cell:not(.ant-picker-cell-disabled)').last().click();
    await expect.poll(() => heading(page)).toContain(`${running.year}年${QUARTER_ZH[running.quarter]}`);
    await settled(page, 'page-overview');
    expect(await page.getByTestId('period-running').textContent()).toBe('进行中');
    // 办件量's 环比 compares the same elapsed span of the quarter before, and its tooltip says so
    const startOfPrev = new Date(running.year, (running.quarter - 2) * 3, 1);
    const cutPrev = `${startOfPrev.getFullYear()}Q${Math.floor(startOfPrev.getMonth() / 3) + 1} 至 ${pad(startOfPrev.getMonth() + 1 + (now.getMonth() % 3))}-${pad(now.getDate())}`;
    await page.getByTestId('kpi-cases').getByText('环比').hover();
    await expect
      .poll(() => page.locator('.ant-tooltip:visible').last().textContent())
      .toBe(`对比 ${cutPrev}`);
    // grades exist for a whole quarter: a running quarter's are not compared, and the card says so
    expect(await page.getByTestId('kpi-excellent').textContent()).toContain('季度进行中，不作比较');
    await page.getByTestId('kpi-excellent').getByTestId('kpi-no-comparison').hover();
    await expect
      .poll(() => page.locator('.ant-tooltip:visible').last().textContent())
      .toContain('等级按整季度评定');
    await shot(page, 'time-overview-running');

    // 互评分析 of the running quarter says why it has nothing to compare (or nothing at all)
    await page.goto(`${server.baseUrl}/peer?period=${running.year}-Q${running.quarter}`);
    await settled(page, 'page-peer');
    const peerWhy = page.locator('[data-testid=peer-empty], [data-testid=peer-running]');
    await peerWhy.first().waitFor();
    expect(await peerWhy.first().textContent()).toMatch(/互评(在季度结束后汇总|尚未收齐)/);
    await shot(page, 'time-peer-running');

    // 月度处罚 of the running month: summed and signed once the month has ended
    await page.goto(`${server.baseUrl}/fines?period=${running.year}-${pad(now.getMonth() + 1)}`);
    await settled(page, 'page-fines');
    expect(await page.getByTestId('fines-running').textContent()).toContain('月份结束后才能汇总签批');
    await shot(page, 'time-fines-running');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('membership on its own date', () => {
  it('moves a person to another window from a date; the past quarter’s result stays as it was', async () => {
    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, 'leader');
    const staff = await query<{ id: number; name: string; windowId: number | null; post: string }[]>(
      page,
      'org.staff',
    );
    const windows = await query<{ id: number; name: string; unitId: number }[]>(page, 'org.windows');
    // from the first of this month (today when the month began today)
    const moveFrom = `${todayIso.slice(0, 8)}01`;
    let person: (typeof staff)[number] | undefined;
    for (const s of staff.filter((x) => x.windowId !== null && x.post === 'front')) {
      const history = await query<{ from: string }[]>(page, 'org.assignments', { staffId: s.id });
      if (history.every((a) => a.from < moveFrom)) {
        person = s;
        break;
      }
    }
    expect(person).toBeDefined();
    const target = windows.find((w) => w.id !== person!.windowId)!;
    const past = `${lastEnded.year}-Q${lastEnded.quarter}`;

    await page.goto(`${server.baseUrl}/assessment/person/${person!.id}?period=${past}`);
    await settled(page, 'page-person');
    const scoreCard = page.getByTestId('person-score');
    const before = await scoreCard.textContent();
    expect(before).toContain(person!.name);

    await page.getByTestId('move-staff').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('move-window').click();
    await page.keyboard.type(target.name);
    await page.keyboard.press('Enter');
    await dialog.getByTestId('move-from').fill(moveFrom);
    await dialog.getByTestId('move-reason').fill('工作需要，调整窗口');
    await shot(page, 'time-person-move-form');
    await dialog
      .getByRole('button', { name: /调\s*动/ })
      .last()
      .click();
    await dialog.waitFor({ state: 'hidden' });

    // the history has the new assignment from that date, the old one ends the day before
    const history = page.getByTestId('person-history');
    await expect.poll(() => history.textContent()).toContain(target.name);
    expect(await history.textContent()).toContain('至今');
    // the past quarter's result is the same, under the window served then
    await page.reload();
    await settled(page, 'page-person');
    expect(await page.getByTestId('person-score').textContent()).toBe(before);
    await shot(page, 'time-person-moved');

    // the running quarter shows where the person served, both windows
    await page.goto(
      `${server.baseUrl}/assessment/person/${person!.id}?period=${running.year}-Q${running.quarter}`,
    );
    await settled(page, 'page-person');
    if (moveFrom > `${running.year}-${pad((running.quarter - 1) * 3 + 1)}-01`)
      expect(await page.getByTestId('person-score').textContent()).toContain(target.name);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('changes after signing (补充汇总)', () => {
  async function signLine(username: string, testId: 'sign-off' | 'sign-supplement'): Promise<string> {
    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, username);
    await page.goto(`${server.baseUrl}/fines?period=${lastMonthParam}`);
    await settled(page, 'page-fines');
    await page.getByTestId(testId).click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    const card = page.getByTestId(testId === 'sign-off' ? 'fines-signoff' : 'fines-supplement');
    await expect.poll(async () => card.getByTestId(testId).count(), { timeout: 15_000 }).toBe(0);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    const text = (await card.textContent()) ?? '';
    await shot(page, `time-fines-${testId}-${username}`);
    expect(errors).toEqual([]);
    await context.close();
    return text;
  }

  it('signs a month on three lines, takes a late record with a reason, and signs its supplement', async () => {
    await signLine('supervisor', 'sign-off');
    await signLine('deputy', 'sign-off');
    expect(await signLine('leader', 'sign-off')).toContain('已签批');

    // a late fine in the signed month: refused without a reason, taken with one
    const { context, page, errors } = await newPage();
    await login(page, server.baseUrl, 'supervisor');
    const staff = await query<{ id: number; name: string; windowId: number | null; post: string }[]>(
      page,
      'org.staff',
    );
    const person = staff.find((s) => s.windowId !== null && s.post === 'front')!;
    await page.goto(`${server.baseUrl}/entry/record`);
    await settled(page, 'page-entryRecord');
    await page.getByTestId('field-item').click();
    await page.keyboard.type('F1');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-staff').click();
    await page.keyboard.type(person.name);
    await page.keyboard.press('Enter');
    const date = page.locator('[data-testid=page-entryRecord] .ant-picker input').first();
    await date.click();
    await date.fill(`${lastMonthParam}-20`);
    await date.press('Enter');
    await page.getByTestId('submit-record').click();
    const refusal = page.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/签/);
    await page.locator('#correctionReason').fill('迟交的考勤记录，补录');
    await page.getByTestId('submit-record').click();
    await page.locator('.ant-alert-success').waitFor();
    await shot(page, 'time-late-record');

    // the month shows the signed summary and the supplement listing only the change
    await page.goto(`${server.baseUrl}/fines?period=${lastMonthParam}`);
    await settled(page, 'page-fines');
    const supplement = page.getByTestId('fines-supplement');
    expect(await supplement.textContent()).toContain(person.name);
    expect(await supplement.textContent()).toContain('待签');
    expect(await page.getByTestId('fines-signoff').textContent()).toContain('已签批');
    await context.close();
    expect(errors).toEqual([]);

    await signLine('supervisor', 'sign-supplement');
    await signLine('deputy', 'sign-supplement');
    const last = await signLine('leader', 'sign-supplement');
    expect(last).toContain('已签批');
    expect(last).toContain('中心主任');

    // the first signatures stay
    const { context: c2, page: p2 } = await newPage();
    await login(p2, server.baseUrl, 'leader');
    await p2.goto(`${server.baseUrl}/fines?period=${lastMonthParam}`);
    await settled(p2, 'page-fines');
    const first = (await p2.getByTestId('fines-signoff').textContent()) ?? '';
    expect(first).toContain('已签批');
    expect(first).toContain('审管科');
    await shot(p2, 'time-fines-supplement-signed');
    await c2.close();
    // seven sign-ins and a record on a shared 2-core machine
  }, 900_000);
});
