import type { TBulletin, TBulletinKind } from '@chuangkou/bulletin';
import { TEST_DIALECTS } from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { publicMessageOf } from '../trpc.ts';
import { ACCESS_TABLE, CALLERS, DOWNLOADS, type TCaller } from './access.table.ts';

type TApiCaller = ReturnType<TApiSetup['as']>;

/** What a call answered: its value, or the code and the message a user reads. */
type TOutcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function outcomeOf(call: () => Promise<unknown>): Promise<TOutcome> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { ok: false, code: e.code, message: publicMessageOf(e) };
  }
}

/** A refusal as compared: the field a message names differs (`from` of a list, `month` of a bulletin). */
function refusalOf(outcome: TOutcome) {
  if (outcome.ok) return 'answered';
  return { code: outcome.code, reason: outcome.message.replace(/^[A-Za-z.[\]0-9]+：/, '') };
}

// the behaviours notice posts the deductions and fines of all three documents (policy C's U1 among them)
const BEHAVIOUR_ITEMS = new Set(
  [...DEFAULT_POLICIES.A.items, ...DEFAULT_POLICIES.B.items, ...DEFAULT_POLICIES.C.items]
    .filter((i) => i.kind === 'deduction' || i.kind === 'fine')
    .map((i) => i.code),
);

interface TPeriodCase {
  label: string;
  download: Record<string, unknown>;
  query: Record<string, unknown>;
}

/**
 * For each download: the periods asked of it and of its query for the same period (one with data, one
 * that has not begun, one before the center's data began, a year out of range where the query takes a
 * year), and the rows to compare, as sorted lines, from the bulletin and from the query.
 */
interface TKindSpec {
  periods: TPeriodCase[];
  rows(
    bulletin: TBulletin,
    query: unknown,
    api: TApiCaller,
  ): Promise<{ download: string[]; query: string[] }>;
}

const month = (year: number, m: number) => ({
  label: `${year}-${m}`,
  download: { year, month: m },
  query: {
    from: `${year}-${String(m).padStart(2, '0')}-01`,
    to: `${year}-${String(m).padStart(2, '0')}-${new Date(Date.UTC(year, m, 0)).getUTCDate()}`,
    status: 'active',
  },
});

const SPECS: Record<TBulletinKind, TKindSpec> = {
  results: {
    periods: [
      { label: '2026 Q4', download: { year: 2026, quarter: 4 }, query: { year: 2026, quarter: 4 } },
      { label: '2099 Q1', download: { year: 2099, quarter: 1 }, query: { year: 2099, quarter: 1 } },
      { label: '2000 Q1', download: { year: 2000, quarter: 1 }, query: { year: 2000, quarter: 1 } },
      { label: '1999 Q1', download: { year: 1999, quarter: 1 }, query: { year: 1999, quarter: 1 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'results') throw new Error(bulletin.kind);
      const view = query as { results: { staffName: string; total: number }[] };
      return {
        download: bulletin.rows.map((r) => `${r.name} ${r.total}`).sort(),
        query: view.results.map((r) => `${r.staffName} ${r.total}`).sort(),
      };
    },
  },
  behaviours: {
    periods: [month(2026, 10), month(2099, 1), month(2000, 1)],
    async rows(bulletin, query, api) {
      if (bulletin.kind !== 'behaviours') throw new Error(bulletin.kind);
      // a window-level record concerns every person of the window the caller may see
      const people = await api.org.staff();
      const records = (
        query as { staffId: number | null; windowId: number | null; item: string; date: string }[]
      )
        .filter((r) => BEHAVIOUR_ITEMS.has(r.item))
        .flatMap((r) =>
          people
            .filter((p) => (r.staffId !== null ? p.id === r.staffId : p.windowId === r.windowId))
            .map((p) => `${r.date} ${r.item} ${p.name}`),
        );
      return {
        download: bulletin.rows.map((r) => `${r.date} ${r.item} ${r.name}`).sort(),
        query: records.sort(),
      };
    },
  },
  fines: {
    periods: [
      { label: '2026-10', download: { year: 2026, month: 10 }, query: { year: 2026, month: 10 } },
      { label: '2099-01', download: { year: 2099, month: 1 }, query: { year: 2099, month: 1 } },
      { label: '2000-01', download: { year: 2000, month: 1 }, query: { year: 2000, month: 1 } },
      { label: '1999-01', download: { year: 1999, month: 1 }, query: { year: 1999, month: 1 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'fines') throw new Error(bulletin.kind);
      const summary = query as { staff: { staffName: string; total: number }[]; reportToUnit: unknown[] };
      return {
        download: [
          ...bulletin.staff.map((s) => `${s.name} ${s.total}`),
          `report to unit: ${bulletin.reportToUnit.length}`,
        ].sort(),
        query: [
          ...summary.staff.map((s) => `${s.staffName} ${s.total}`),
          `report to unit: ${summary.reportToUnit.length}`,
        ].sort(),
      };
    },
  },
  patrol: {
    periods: [
      {
        label: '2026-10-12',
        download: { date: '2026-10-12' },
        query: { from: '2026-10-12', to: '2026-10-12' },
      },
      {
        label: '2099-01-05',
        download: { date: '2099-01-05' },
        query: { from: '2099-01-05', to: '2099-01-05' },
      },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'patrol') throw new Error(bulletin.kind);
      const patrols = query as { date: string; dutyLeader: string; findings: { finding: string }[] }[];
      const findings = Object.values(bulletin.patrol?.findings ?? {}).flatMap((cell) =>
        Object.values(cell).flatMap((text) => String(text).split('；')),
      );
      return {
        download: findings.map((text) => text.replace(/^[^：]*：/, '').replace(/（[A-Z]\d+）$/, '')).sort(),
        query: patrols.flatMap((p) => p.findings.map((f) => f.finding)).sort(),
      };
    },
  },
  awards: {
    periods: [
      { label: '2026-10', download: { year: 2026, month: 10 }, query: { year: 2026 } },
      { label: '2099-01', download: { year: 2099, month: 1 }, query: { year: 2099 } },
      { label: '2000-01', download: { year: 2000, month: 1 }, query: { year: 2000 } },
      { label: '1999-01', download: { year: 1999, month: 1 }, query: { year: 1999 } },
    ],
    async rows(bulletin, query, api) {
      if (bulletin.kind !== 'awards') throw new Error(bulletin.kind);
      const windows = await api.org.windows();
      const monthOf = bulletin.period.month;
      const awards = (query as { kind: string; month: number | null; windowId: number }[]).filter(
        (a) => a.kind === 'redFlagMonthly' && a.month === monthOf,
      );
      return {
        download: bulletin.rows.map((r) => r.window).sort(),
        query: awards.map((a) => windows.find((w) => w.id === a.windowId)?.name ?? '?').sort(),
      };
    },
  },
  yearend: {
    periods: [
      { label: '2026', download: { year: 2026 }, query: { year: 2026 } },
      { label: '2099', download: { year: 2099 }, query: { year: 2099 } },
      { label: '2000', download: { year: 2000 }, query: { year: 2000 } },
      { label: '1999', download: { year: 1999 }, query: { year: 1999 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'yearend') throw new Error(bulletin.kind);
      const year = query as { results: { staffName: string; mean: number | null }[] };
      return {
        download: bulletin.rows.map((r) => `${r.name} ${r.mean}`).sort(),
        query: year.results.map((r) => `${r.staffName} ${r.mean}`).sort(),
      };
    },
  },
  cadres: {
    periods: [
      { label: '2025', download: { year: 2025 }, query: { year: 2025 } },
      { label: '2099', download: { year: 2099 }, query: { year: 2099 } },
      { label: '2000', download: { year: 2000 }, query: { year: 2000 } },
      { label: '1999', download: { year: 1999 }, query: { year: 1999 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'cadres') throw new Error(bulletin.kind);
      const candidates = query as { staffName: string; mean: number | null }[];
      return {
        download: bulletin.candidates.map((c) => `${c.name} ${c.mean}`).sort(),
        query: candidates.map((c) => `${c.staffName} ${c.mean}`).sort(),
      };
    },
  },
  complaintLadder: {
    periods: [
      { label: '2026', download: { year: 2026, staffId: 0 }, query: { year: 2026 } },
      { label: '2099', download: { year: 2099, staffId: 0 }, query: { year: 2099 } },
      { label: '2000', download: { year: 2000, staffId: 0 }, query: { year: 2000 } },
      { label: '1999', download: { year: 1999, staffId: 0 }, query: { year: 1999 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'complaintLadder') throw new Error(bulletin.kind);
      const ladder = query as {
        rows: { staffName: string; steps: { count: number; date: string; text: string }[] }[];
      };
      const line = (name: string, s: { count: number; date: string }) => `${name} ${s.count} ${s.date}`;
      return {
        download: bulletin.steps.map((s) => line(bulletin.person.name, s)).sort(),
        query: ladder.rows
          .filter((r) => r.staffName === bulletin.person.name)
          .flatMap((r) => r.steps.map((s) => line(r.staffName, s)))
          .sort(),
      };
    },
  },
  uniform: {
    periods: [
      { label: '2026-10', download: { year: 2026, month: 10 }, query: { year: 2026, month: 10 } },
      { label: '2099-01', download: { year: 2099, month: 1 }, query: { year: 2099, month: 1 } },
      { label: '2000-01', download: { year: 2000, month: 1 }, query: { year: 2000, month: 1 } },
      { label: '1999-01', download: { year: 1999, month: 1 }, query: { year: 1999, month: 1 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'uniform') throw new Error(bulletin.kind);
      const summary = query as { uniform: { confiscations: { staffName: string; count: number }[] } | null };
      return {
        download: bulletin.rows.map((r) => `${r.name} ${r.count}`).sort(),
        query: (summary.uniform?.confiscations ?? []).map((c) => `${c.staffName} ${c.count}`).sort(),
      };
    },
  },
  yellowcard: {
    periods: [
      { label: '2026-10', download: { year: 2026, month: 10 }, query: { year: 2026 } },
      { label: '2099-01', download: { year: 2099, month: 1 }, query: { year: 2099 } },
      { label: '2000-01', download: { year: 2000, month: 1 }, query: { year: 2000 } },
      { label: '1999-01', download: { year: 1999, month: 1 }, query: { year: 1999 } },
    ],
    async rows(bulletin, query, api) {
      if (bulletin.kind !== 'yellowcard') throw new Error(bulletin.kind);
      const windows = await api.org.windows();
      const cards = (query as { kind: string; month: number | null; windowId: number }[]).filter(
        (a) => a.kind === 'yellowCard' && a.month === bulletin.period.month,
      );
      return {
        download: bulletin.rows.map((r) => r.window).sort(),
        query: cards.map((a) => windows.find((w) => w.id === a.windowId)?.name ?? '?').sort(),
      };
    },
  },
  unitletters: {
    periods: [
      { label: '2026-10', download: { year: 2026, month: 10 }, query: { year: 2026, month: 10 } },
      { label: '2099-01', download: { year: 2099, month: 1 }, query: { year: 2099, month: 1 } },
      { label: '2000-01', download: { year: 2000, month: 1 }, query: { year: 2000, month: 1 } },
      { label: '1999-01', download: { year: 1999, month: 1 }, query: { year: 1999, month: 1 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'unitletters') throw new Error(bulletin.kind);
      const summary = query as { reportToUnit: { staffName: string; items: string[] }[] };
      return {
        download: bulletin.letters
          .flatMap((l) => l.entries.filter((e) => e.cause === 'report').map((e) => e.name))
          .sort(),
        query: summary.reportToUnit.flatMap((r) => r.items.map(() => r.staffName)).sort(),
      };
    },
  },
  ballot: {
    periods: [
      { label: '2026 Q4', download: { year: 2026, quarter: 4 }, query: { year: 2026, quarter: 4 } },
      { label: '2099 Q1', download: { year: 2099, quarter: 1 }, query: { year: 2099, quarter: 1 } },
      { label: '1999 Q1', download: { year: 1999, quarter: 1 }, query: { year: 1999, quarter: 1 } },
    ],
    async rows(bulletin, query) {
      if (bulletin.kind !== 'ballot') throw new Error(bulletin.kind);
      return {
        download: bulletin.groups.flatMap((g) => g.members).sort(),
        query: (query as { name: string }[]).map((c) => c.name).sort(),
      };
    },
  },
};

async function call(caller: TApiCaller, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe.each(TEST_DIALECTS)('every bulletin download against its query, on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const sup = s.as('supervisor');
    const [zhang, li, wang, zhao] = s.f.staff;
    for (const [staffId, item, date] of [
      [zhang!.id, 'C4', '2026-10-05'],
      [li!.id, 'C4', '2026-10-06'],
      [li!.id, 'A1', '2026-10-07'],
      [wang!.id, 'C4', '2026-10-08'],
      [zhao!.id, 'F8', '2026-10-09'],
      // three under one clause in a month: 赵六 is reported to his unit (the unit letters)
      [zhao!.id, 'F8', '2026-10-13'],
      [zhao!.id, 'F8', '2026-10-14'],
      [li!.id, 'D1', '2026-10-09'],
      // 规范化服务通知 三(二)1: three times out of uniform in October (没收工作服)
      [zhao!.id, 'U1', '2026-10-13'],
      [zhao!.id, 'U1', '2026-10-14'],
      [zhao!.id, 'U1', '2026-10-15'],
    ] as const) {
      await sup.records.create({ staffId, item, date });
    }
    // 规范化服务通知 一(一): a valid complaint of a counted cause puts 王五 on the ladder
    const complaint = await sup.complaints.create({
      channel: 'internal',
      date: '2026-10-16',
      staffId: wang!.id,
      content: '材料流转拖拉',
    });
    await sup.complaints.verify({ id: complaint.id, isValid: true, cause: 'procrastination' });
    for (const period of SPECS.complaintLadder.periods) period.download.staffId = wang!.id;
    // a yellow card is a window-level record (B8) for every person of the window
    await sup.awards.grant({
      windowId: s.f.windowIds[0]!,
      kind: 'yellowCard',
      year: 2026,
      month: 10,
      date: '2026-10-20',
    });
    await sup.awards.grant({ windowId: s.f.windowIds[1]!, kind: 'redFlagMonthly', year: 2026, month: 10 });
    await sup.patrols.create({
      date: '2026-10-12',
      session: 'morning',
      dutyLeader: '周主任',
      inspectors: '吴科长',
      findings: [
        { clause: 'C6', finding: '未佩戴工作牌', staffId: li!.id },
        { clause: 'F8', finding: '玩手机', staffId: wang!.id },
      ],
    });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it.each(Object.keys(DOWNLOADS) as TBulletinKind[])(
    '%s: answers every caller as its query does, with the same rows and the same refusals',
    async (kind) => {
      const download = DOWNLOADS[kind];
      const spec = SPECS[kind];
      let comparedRows = 0;
      for (const caller of CALLERS) {
        const api = s.as(caller === 'anonymous' ? null : caller);
        for (const period of spec.periods) {
          const where = { kind, caller, period: period.label };
          const got = await outcomeOf(() => call(api, download.procedure, period.download));
          const want = await outcomeOf(() => call(api, download.query, period.query));
          if (period.label.startsWith('2099') && ACCESS_TABLE[download.query][caller] === 'allowed') {
            // a period that has not begun is refused by name, on screen and on paper
            expect({ ...where, want: refusalOf(want) }).toEqual({
              ...where,
              want: { code: 'BAD_REQUEST', reason: expect.stringMatching(/尚未开始/) },
            });
          }
          if (!want.ok || !got.ok) {
            // the gate and the period checks refuse alike; a day without patrols has no form to fill
            const isEmptyPatrolDay = kind === 'patrol' && want.ok && (want.value as unknown[]).length === 0;
            if (isEmptyPatrolDay) {
              expect({ ...where, got: refusalOf(got) }).toEqual({
                ...where,
                got: { code: 'BAD_REQUEST', reason: `${period.download.date}没有巡查记录` },
              });
            } else {
              expect({ ...where, got: refusalOf(got) }).toEqual({ ...where, got: refusalOf(want) });
            }
            continue;
          }
          const rows = await spec.rows(got.value as TBulletin, want.value, api);
          comparedRows += rows.query.length;
          expect({ ...where, rows: rows.download }).toEqual({ ...where, rows: rows.query });
        }
        // the table says the same for the download as for the query
        expect(ACCESS_TABLE[download.procedure][caller]).toBe(ACCESS_TABLE[download.query][caller]);
      }
      expect(comparedRows).toBeGreaterThan(0);
    },
  );

  it('shows staff their own results row, a head their window, the center every person', async () => {
    const counts: Partial<Record<TCaller, number>> = {};
    for (const caller of ['admin', 'leader', 'supervisor', 'head', 'staff'] as const) {
      const bulletin = await s.as(caller).bulletins.results({ year: 2026, quarter: 4 });
      counts[caller] = bulletin.rows.length;
    }
    expect(counts).toEqual({ admin: 4, leader: 4, supervisor: 4, head: 2, staff: 1 });
  });

  it('refuses the fines summary to the administrator, as fines.monthly does', async () => {
    const refused = await outcomeOf(() => s.as('admin').bulletins.fines({ year: 2026, month: 10 }));
    expect(refused).toEqual({ ok: false, code: 'FORBIDDEN', message: '此操作需要审管科或中心领导权限' });
  });

  it('refuses a month that has not begun, as fines.monthly does', async () => {
    const refused = await outcomeOf(() => s.as('leader').bulletins.fines({ year: 2099, month: 1 }));
    expect(refused).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
      message: `month：所选期间尚未开始（今天是 ${TODAY}）`,
    });
  });

  it('keeps the cadre proposal out of the year-end notice: a file of its own, for the leaders', async () => {
    const leader = await s.as('leader').bulletins.yearend({ year: 2025 });
    expect(Object.keys(leader)).not.toContain('candidates');
    const cadres = await s.as('leader').bulletins.cadres({ year: 2025 });
    const candidates = await s.as('leader').assessment.cadreCandidates({ year: 2025 });
    expect(candidates.length).toBeGreaterThan(0);
    expect(cadres.candidates).toHaveLength(candidates.length);
    const refused = await outcomeOf(() => s.as('supervisor').bulletins.cadres({ year: 2026 }));
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
