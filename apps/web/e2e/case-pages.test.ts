import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CASE_ALERT_LABELS } from '@chuangkou/rules';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchBrowser, login, SCREENSHOT_DIR, startServer, type TServer } from './harness.ts';

/**
 * The case pages the 规程 changed, in real Chromium at 1366×768 against the demo center: the
 * supervisor's alerts, each tagged with its kind, the overdue proposals with each clause's text, the
 * public status page (查询 and 复核), and the case drawer as a window clerk and as a supervisor.
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

type TMatter = { id: number; name: string; type: string; promisedDays: number; relatedDepartments: string[] };
type TAccepted = {
  case: { id: number; acceptedOn: string; acceptanceCode: string };
  receipt: { acceptanceCode: string; queryPassword: string };
};

/** A query of the API with the page's session (tRPC over HTTP, no transformer). */
async function ask<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const r = await page.request.get(`${server.baseUrl}/trpc/${procedure}${q}`);
  const body = (await r.json()) as { result?: { data: T } };
  if (!r.ok() || !body.result) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data;
}

/** A mutation of the API with the page's session. */
async function call<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${server.baseUrl}/trpc/${procedure}`, {
    data: input,
    headers: { 'content-type': 'application/json' },
  });
  const body = (await r.json()) as { result?: { data: T } };
  if (!r.ok() || !body.result) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data;
}

const APPLICANT = { applicantName: '王小明', applicantPhone: '13800000000' };

/** A matter of the demo's catalog of a type (with the room a test needs in its limit). */
async function matterOf(page: Page, type: string, minDays = 0): Promise<TMatter> {
  const matters = await ask<TMatter[]>(page, 'cases.matters.list');
  const m = matters.find((x) => x.type === type && x.promisedDays >= minDays);
  if (!m) throw new Error(`no ${type} matter in the demo`);
  return m;
}

/** Opens a case in the registry's drawer by its acceptance code. */
async function openCase(page: Page, code: string): Promise<void> {
  await page.goto(`${server.baseUrl}/cases`);
  await settled(page, 'page-cases');
  const search = page.getByTestId('page-cases').locator('.ant-input-search input');
  await search.fill(code);
  await search.press('Enter');
  const row = page.getByTestId('cases-table').locator('tr.ant-table-row', { hasText: code });
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByTestId('case-detail').waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-drawer .ant-skeleton').length === 0,
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
    // at 1366×768 the table does not scroll sideways, and each row's 确认 is on screen
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body, .ant-table-container')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.scrollWidth}>${el.clientWidth}`),
    );
    expect(overflow).toEqual([]);
    const confirm = await rows.first().locator('[data-testid^="confirm-"]').boundingBox();
    expect(confirm).not.toBeNull();
    expect((confirm?.x ?? 0) + (confirm?.width ?? 0)).toBeLessThanOrEqual(1366);
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

  it('answers 查询 on the status page with code and password, naming the matter, and takes a 复核 request', async () => {
    const clerk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const desk = await clerk.newPage();
    await login(desk, server.baseUrl, 'staff');
    const matter = await matterOf(desk, 'promised', 1);
    const accepted = await call<TAccepted>(desk, 'cases.accept', { matterId: matter.id, ...APPLICANT });
    await call(desk, 'cases.decide', {
      id: accepted.case.id,
      on: accepted.case.acceptedOn,
      decision: 'refused',
      reasons: ['申请事项不属于本中心受理范围'],
    });
    await clerk.close();

    // the applicant, signed in nowhere
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/status`);
    await page.getByTestId('status-code').fill(accepted.receipt.acceptanceCode);
    await page.getByTestId('status-password').fill(accepted.receipt.queryPassword);
    await page.getByTestId('status-submit').click();
    await page.getByTestId('status-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('status-matter').textContent()).toBe(matter.name);
    expect(await page.getByTestId('status-decision').textContent()).toBe('不予批准');
    const review = page.getByTestId('status-review');
    expect(await review.textContent()).toContain('行政复议');
    await shot(page, 'case-status');
    await page.getByTestId('status-review-request').click();
    await review.getByText('已于').waitFor({ timeout: 60_000 });
    await shot(page, 'case-status-review');
    await context.close();
  });

  it('opens the case drawer with its events: 联办 departments for a window clerk, 等待上级 for a supervisor', async () => {
    const clerk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await clerk.newPage();
    await login(page, server.baseUrl, 'staff');
    const jointMatter = await matterOf(page, 'joint', 3);
    const [first, second] = jointMatter.relatedDepartments;
    expect(second).toBeDefined();
    const joint = await call<TAccepted>(page, 'cases.accept', { matterId: jointMatter.id, ...APPLICANT });
    const on = joint.case.acceptedOn;
    await call(page, 'cases.copyJoint', {
      id: joint.case.id,
      on,
      departments: [
        { department: first, limitDays: 2 },
        { department: second, limitDays: 3 },
      ],
    });
    await call(page, 'cases.jointAnswer', { id: joint.case.id, on, department: first, opinion: '同意' });
    const escalatedMatter = await matterOf(page, 'escalated', 1);
    const escalated = await call<TAccepted>(page, 'cases.accept', {
      matterId: escalatedMatter.id,
      ...APPLICANT,
    });
    await call(page, 'cases.forward', { id: escalated.case.id, on: escalated.case.acceptedOn });

    await openCase(page, joint.receipt.acceptanceCode);
    const drawer = page.locator('.ant-drawer');
    expect(await page.getByTestId('case-matter').textContent()).toBe(jointMatter.name);
    const departments = (await drawer.locator('.ant-table-row').allTextContents()).join('\n');
    expect(departments).toContain(first!);
    expect(departments).toContain('同意');
    expect(await drawer.locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'case-drawer-joint');
    await clerk.close();

    const center = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const sup = await center.newPage();
    await login(sup, server.baseUrl, 'supervisor');
    await openCase(sup, escalated.receipt.acceptanceCode);
    expect(await sup.getByTestId('case-awaiting-upper').textContent()).toContain('等待上级');
    await shot(sup, 'case-drawer-escalated');
    await center.close();
  });
});
