import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * 好差评 imported in real Chromium at 1366×768 against the demo center: the administrator imports the
 * national scheme's records (a bad level and an unknown 工号 named by the dry run, the fixed file
 * committed, the same file again unchanged), and the case drawer shows the 受理 and the 办结 rating.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };
const HEADER = '评价阶段,受理编号,工号,评价等级,评价时间,评价渠道,评价内容';

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureBuilt();
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** A query of the API with the page's session (tRPC over HTTP, no transformer). */
async function ask<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const r = await page.request.get(`${server.baseUrl}/trpc/${procedure}${q}`);
  const body = (await r.json()) as { result?: { data: T } };
  if (!r.ok() || !body.result) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data;
}

type TCaseRow = {
  id: number;
  acceptanceCode: string | null;
  staffId: number | null;
  acceptedOn: string | null;
  decidedOn: string | null;
};

describe('好差评 import', () => {
  it('names the bad rows, commits the fixed file once, and the case shows both ratings', async () => {
    const supervision = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const sup = await supervision.newPage();
    sup.setDefaultTimeout(60_000);
    await login(sup, server.baseUrl, 'supervisor');
    // a decided case of the demo not rated yet, and the 工号 of the person who accepted it
    const decided = await ask<TCaseRow[]>(sup, 'cases.list', { stages: ['notified', 'pickedUp'], limit: 50 });
    const staff = await ask<{ id: number; staffNo: string | null }[]>(sup, 'org.staff');
    let target: (TCaseRow & { staffNo: string }) | undefined;
    for (const c of decided) {
      const staffNo = staff.find((s) => s.id === c.staffId)?.staffNo;
      if (!c.acceptanceCode || !staffNo || !c.acceptedOn || !c.decidedOn) continue;
      const detail = await ask<{ serviceRatings: unknown[] }>(sup, 'cases.get', { id: c.id });
      if (detail.serviceRatings.length === 0) {
        target = { ...c, staffNo };
        break;
      }
    }
    if (!target) throw new Error('no unrated decided case in the demo');
    const { acceptanceCode: code, staffNo, acceptedOn, decidedOn } = target;

    // 审管科 imports 好差评 on the page, as on the command line: only the kinds it may import are offered
    const page = sup;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await page.getByTestId('page-import').waitFor();
    await page.getByTestId('import-kind').getByText('好差评').waitFor();
    expect(await page.getByTestId('import-kind').locator('label').allInnerTexts()).toEqual([
      '办件',
      '好差评',
    ]);
    await page.getByTestId('import-kind').getByText('好差评').click();
    const choose = (text: string) =>
      page
        .locator('[data-testid=page-import] input[type=file]')
        .setInputFiles({ name: '好差评.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    const file = (level: string, no: string) =>
      `${HEADER}\n受理,${code},${staffNo},5,${acceptedOn} 09:30:00,窗口评价器,材料一次讲清\n办结,${code},${no},${level},${decidedOn} 16:00:00,短信,等候时间长\n`;

    await choose(file('6', 'NOBODY'));
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const cells = await table.locator('tbody tr td').allInnerTexts();
    expect(cells).toEqual([
      '3',
      '工号',
      '本中心没有工号为 NOBODY 的工作人员',
      '3',
      '评价等级',
      '评价等级须为 1–5 的整数（5 = 非常满意，1 = 非常不满意），收到「6」',
    ]);
    await shot(page, 'supervisor-import-ratings-dry-run');

    await choose(file('2', staffNo));
    const summary = (text: string) => page.getByTestId('import-summary').filter({ hasText: text }).waitFor();
    await summary('2 行：新增评价 2 条（差评回访 1 条），已存在未变 0 条（试运行，未写入）');
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    await summary('2 行：新增评价 2 条（差评回访 1 条），已存在未变 0 条');
    await shot(page, 'supervisor-import-ratings-done');
    await choose(file('2', staffNo));
    await summary('2 行：新增评价 0 条，已存在未变 2 条');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 1366)).toBe(true);

    // the case drawer: 受理 非常满意 (the national 5), 办结 不满意 (the national 2)
    await sup.goto(`${server.baseUrl}/cases`);
    await sup.getByTestId('page-cases').waitFor();
    const search = sup.getByTestId('page-cases').locator('.ant-input-search input');
    await search.fill(code!);
    await search.press('Enter');
    await sup.getByTestId('cases-table').locator('tr.ant-table-row', { hasText: code! }).click();
    const ratings = sup.getByTestId('case-service-ratings');
    await ratings.filter({ hasText: '非常满意' }).waitFor();
    const lines = await ratings.locator('.ant-card-body > div').allInnerTexts();
    expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      `受理非常满意：材料一次讲清 · 窗口评价器 · ${acceptedOn} 09:30:00`,
      `办结不满意：等候时间长 · 短信 · ${decidedOn} 16:00:00`,
    ]);
    await ratings.scrollIntoViewIfNeeded();
    await shot(sup, 'case-drawer-ratings');
    expect(errors).toEqual([]);
    await supervision.close();
  });
});
