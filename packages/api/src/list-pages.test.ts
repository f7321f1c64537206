import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { createCaller } from './root.ts';
import { PAGE_MAX, REQUEST_ROWS_MAX } from './services/pages.ts';
import { setupApi, type TApiSetup, TODAY } from './testing/api-test-setup.ts';
import { refusal } from './testing/case-test-setup.ts';

/**
 * 问题 15 · no request may stall the server: every list answers a page of at most `PAGE_MAX`, the next
 * page after a cursor (the last row seen), and a request's pages together at most `REQUEST_ROWS_MAX`.
 */
describe.each(TEST_DIALECTS)('list pages on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const person = () => s.f.staff[1]!.id;
  const record = (date: string) => s.as('supervisor').records.create({ staffId: person(), item: 'C4', date });
  const complaint = (date: string) =>
    s.as('supervisor').complaints.create({ channel: 'online', date, staffId: person(), content: '办事拖拉' });

  it('refuses a page larger than 200 on every list, naming limit', async () => {
    const calls: [string, Promise<unknown>][] = [
      ['records.list', s.as('supervisor').records.list({ limit: PAGE_MAX + 1 })],
      ['complaints.list', s.as('supervisor').complaints.list({ limit: PAGE_MAX + 1 })],
      ['audit.list', s.as('leader').audit.list({ limit: PAGE_MAX + 1 })],
      ['cases.list', s.as('supervisor').cases.list({ limit: PAGE_MAX + 1 })],
      [
        'cases.sanctionProposals.list',
        s.as('supervisor').cases.sanctionProposals.list({ limit: PAGE_MAX + 1 }),
      ],
    ];
    for (const [name, call] of calls) {
      const r = await refusal(call);
      expect(r.code, name).toBe('BAD_REQUEST');
      expect(r.message, name).toContain('limit');
    }
  });

  /**
   * Walks a list two at a time while rows are written between the pages (newer ones, and one on the
   * very date of the cursor): the pages neither overlap nor skip a row that was there at the start.
   */
  async function walk<T extends { id: number }>(
    page: (cursor: T | undefined) => Promise<T[]>,
    insertBetween: (i: number) => Promise<unknown>,
  ): Promise<T[]> {
    const seen: T[] = [];
    let cursor: T | undefined;
    for (let i = 0; i < 50; i++) {
      const rows = await page(cursor);
      expect(rows.length).toBeLessThanOrEqual(2);
      seen.push(...rows);
      if (rows.length < 2) break;
      cursor = rows[rows.length - 1];
      await insertBetween(i);
    }
    return seen;
  }

  it('records.list: keyset pages newest first, no overlap, no skip under inserts', async () => {
    const dates = [
      '2026-11-02',
      '2026-11-03',
      '2026-11-03',
      '2026-11-03',
      '2026-11-05',
      '2026-11-09',
      '2026-11-09',
    ];
    for (const d of dates) await record(d);
    const before = (await s.as('supervisor').records.list({ staffId: person() })).map((r) => r.id);
    expect(before.length).toBeGreaterThanOrEqual(dates.length);
    // writes between pages: one newer than everything, one on the date of the page's last row
    const seen = await walk<{ id: number; date: string }>(
      (cursor) =>
        s.as('supervisor').records.list({
          staffId: person(),
          limit: 2,
          ...(cursor && { before: { date: cursor.date, id: cursor.id } }),
        }),
      async (i) => {
        await record(i % 2 === 0 ? '2026-11-20' : '2026-11-03');
      },
    );
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
    const keys = seen.map((r) => `${r.date}#${String(r.id).padStart(9, '0')}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // the staff member's own view pages the same way
    const own = await s.as('staff').records.list({ limit: 1 });
    expect(own).toHaveLength(1);
    const next = await s
      .as('staff')
      .records.list({ limit: 1, before: { date: own[0]!.date, id: own[0]!.id } });
    expect(next[0]!.id).not.toBe(own[0]!.id);
  });

  it("records.list: a head's page is a full page of the window's records", async () => {
    const head = await s.as('head').records.list();
    const first = await s.as('head').records.list({ limit: 1 });
    expect(first).toEqual(head.slice(0, 1));
  });

  it('complaints.list: keyset pages newest first, no overlap, no skip under inserts', async () => {
    for (const d of ['2026-11-02', '2026-11-04', '2026-11-04', '2026-11-04', '2026-11-06'])
      await complaint(d);
    const before = (await s.as('supervisor').complaints.list()).map((c) => c.id);
    const seen = await walk<{ id: number; date: string }>(
      (cursor) =>
        s
          .as('supervisor')
          .complaints.list({ limit: 2, ...(cursor && { before: { date: cursor.date, id: cursor.id } }) }),
      async (i) => {
        await complaint(i % 2 === 0 ? '2026-11-21' : '2026-11-04');
      },
    );
    const ids = seen.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
  });

  it('audit.list: keyset pages below the last id, no overlap, no skip under inserts', async () => {
    const leader = s.as('leader');
    const before = (await leader.audit.list({ entity: 'record' })).map((a) => a.id);
    expect(before.length).toBeGreaterThan(4);
    const seen = await walk(
      (cursor) => leader.audit.list({ entity: 'record', limit: 2, ...(cursor && { beforeId: cursor.id }) }),
      () => record('2026-11-22'),
    );
    const ids = seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(before);
  });

  it('a request (a batch shares its context) asks for at most 1000 list rows: the calls past it get 413', async () => {
    const before = await s.as('leader').audit.list();
    const ctx = createContextInner({ db: s.t.db, user: s.users.supervisor, today: () => TODAY });
    const batch = createCaller(ctx);
    // the worst batch: 20 unfiltered pages of 200 as 审管科
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? batch.cases.list({ limit: PAGE_MAX }) : batch.records.list({ limit: PAGE_MAX }),
      ),
    );
    const served = answers.filter((a) => a.status === 'fulfilled');
    const refused = answers.filter((a) => a.status === 'rejected');
    expect(served).toHaveLength(REQUEST_ROWS_MAX / PAGE_MAX);
    expect(refused).toHaveLength(20 - REQUEST_ROWS_MAX / PAGE_MAX);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect((r.reason as Error).message).toMatch(/^limit：一次请求的列表合计最多 1000 行/);
    }
    // the default page counts as a full one; a fresh request has its own budget
    const defaults = await Promise.allSettled(Array.from({ length: 6 }, () => batch.complaints.list()));
    expect(defaults).toHaveLength(6);
    expect(defaults.every((a) => a.status === 'rejected')).toBe(true);
    expect(await s.as('supervisor').complaints.list()).toBeInstanceOf(Array);
    // nothing written by a refusal
    expect((await s.as('leader').audit.list())[0]?.id).toBe(before[0]?.id);
  });
});
