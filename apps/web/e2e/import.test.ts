import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * 数据导入 in real Chromium at 1366×768 against the real server and its demo center: the administrator
 * imports a roster, then a cases CSV; one bad row is named by the dry run, the fixed file commits, and
 * the same file again changes nothing.
 */
let server: TServer;
let browser: Browser;

const VIEWPORT = { width: 1366, height: 768 };

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
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Chooses the file in the upload button; the page starts the dry run at once. */
async function choose(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('[data-testid=page-import] input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** Waits for the summary to say this (the job is polled until it ends). */
async function summaryWith(page: Page, text: string): Promise<void> {
  await page.getByTestId('import-summary').filter({ hasText: text }).waitFor();
}

const ROSTER = '单位,窗口编号,窗口名称,工号,姓名,岗位,AB角,窗口负责人';
const CASES = '受理编号,事项名称,受理人,申请人,收件日期,办结日期,办理结果';

/** The administrator, signed in at 1366×768, on 数据导入; `errors` collects the page's errors. */
async function adminOnImportPage(timeout: number) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, server.baseUrl, 'admin');
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  await page.getByTestId('page-import').waitFor();
  return { context, page, errors };
}

describe('数据导入', () => {
  it('imports a roster and a cases CSV: a bad row named, fixed and committed, imported again without change', async () => {
    const { context, page, errors } = await adminOnImportPage(30_000);

    // the roster: one post the center does not have
    const roster = (post: string) =>
      `${ROSTER}\n不动产登记中心,E2E01,不动产登记导入窗口,E2E-001,导入测试甲,前台,A,是\n不动产登记中心,E2E01,不动产登记导入窗口,E2E-002,导入测试乙,${post},B,否\n`;
    await choose(page, '名册.csv', roster('门卫'));
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    const cells = await table.locator('tbody tr td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['3', '岗位']);
    expect(cells[2]).toContain('收到「门卫」');
    await shot(page, 'admin-import-dry-run');

    await choose(page, '名册.csv', roster('后台'));
    await summaryWith(page, '新增单位 0 个、窗口 1 个、人员 2 人');
    await summaryWith(page, '试运行，未写入');
    await page.getByTestId('import-commit').click();
    await summaryWith(page, '新增单位 0 个、窗口 1 个、人员 2 人');
    await page.getByText('导入完成').waitFor();
    expect((await page.getByTestId('import-summary').textContent()) ?? '').not.toContain('试运行');

    await choose(page, '名册.csv', roster('后台'));
    await summaryWith(page, '新增单位 0 个、窗口 0 个、人员 0 人，已存在未变 2 人');

    // cases handled by the people just imported: one names a matter the catalog does not have
    await page.getByTestId('import-kind').getByText('办件').click();
    const cases = (matter: string) =>
      `${CASES}\nE2E0000000001,不动产转移登记,导入测试甲,王小明,2026-11-02,2026-11-04,予以批准\nE2E0000000002,${matter},导入测试乙,李小红,2026-11-03,,\n`;
    await choose(page, '办件.csv', cases('不动产转让登记'));
    await page.getByTestId('import-errors').filter({ hasText: '不动产转让登记' }).waitFor();
    expect(await page.getByTestId('import-errors').locator('tbody tr').count()).toBe(1);
    const caseCells = await page.getByTestId('import-errors').locator('tbody tr td').allInnerTexts();
    expect(caseCells).toEqual(['3', '事项名称', '事项目录中没有「不动产转让登记」']);

    await choose(page, '办件.csv', cases('不动产转移登记'));
    await summaryWith(page, '新增 2 件');
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    await summaryWith(page, '2 行：新增 2 件（办结 1 件');
    await shot(page, 'admin-import-done');

    await choose(page, '办件.csv', cases('不动产转移登记'));
    await summaryWith(page, '新增 0 件');
    await summaryWith(page, '已存在未变 2 件');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 1366)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says 导入中断 when the server is killed during a commit, and nothing of the file was written', async () => {
    const { context, page, errors } = await adminOnImportPage(60_000);
    await page.getByTestId('import-kind').getByText('办件').click();
    // a year's worth of one clerk's cases (imported by the first test): long enough to be cut off
    const ROWS = 150_000;
    const lines = [CASES];
    const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27];
    for (let i = 0; i < ROWS; i++) {
      const day = `2026-11-${String(days[i % days.length]).padStart(2, '0')}`;
      lines.push(`KILL${String(i).padStart(9, '0')},不动产转移登记,导入测试甲,申请人${i},${day},,`);
    }
    await choose(page, '办件.csv', `${lines.join('\n')}\n`);
    await summaryWith(page, `${ROWS} 行：新增 ${ROWS} 件`);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-progress').waitFor();
    await server.killAndRestart();
    const interrupted = page.getByTestId('import-interrupted');
    await interrupted.waitFor();
    expect(await interrupted.textContent()).toContain('未写入任何数据');
    await shot(page, 'admin-import-interrupted');
    // nothing of the file is there: 审管科 finds neither its first code nor its last in the registry
    const supervision = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const sup = await supervision.newPage();
    await login(sup, server.baseUrl, 'supervisor');
    for (const code of ['KILL000000000', `KILL${String(ROWS - 1).padStart(9, '0')}`]) {
      const rows = await sup.evaluate(async (c) => {
        const input = encodeURIComponent(JSON.stringify({ acceptanceCode: c, limit: 5 }));
        const res = await fetch(`/trpc/cases.list?input=${input}`);
        return ((await res.json()) as { result: { data: unknown[] } }).result.data.length;
      }, code);
      expect(rows).toBe(0);
    }
    expect(errors).toEqual([]);
    await supervision.close();
    await context.close();
  });
});
