import { chinaWorkCalendar, DEFAULT_POLICIES } from '@chuangkou/rules';
import { appendAudit } from '../audit/audit.repository.ts';
import { insertAward } from '../awards/awards.repository.ts';
import { enrichCaseWorkflowDemo } from '../cases/case-workflow.demo.ts';
import { insertCases, type TCase } from '../cases/cases.repository.ts';
import type { DbRoot } from '../client.ts';
import { insertComplaint, setComplaintVerification } from '../complaints/complaints.repository.ts';
import type { TComplaintCause, TComplaintChannel, TRole } from '../database.ts';
import {
  insertCenter,
  insertMatter,
  insertStaff,
  insertUnit,
  insertWindow,
  type TMatter,
  type TStaff,
} from '../org/org.repository.ts';
import { insertPatrol, insertPatrolFinding } from '../patrols/patrols.repository.ts';
import { insertPolicyVersion } from '../policies/policies.repository.ts';
import { insertRecord, type TNewConductRecord } from '../records/records.repository.ts';
import { insertUser } from '../users/users.repository.ts';
import { COMPLAINT_TEXTS, DEMO_UNITS, GIVEN, PATROL_FINDINGS, SURNAMES } from './demo-catalog.ts';

/** The demo accounts, created only by the demo loader. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS: { username: string; role: TRole; displayName: string }[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'leader', role: 'leader', displayName: '中心主任' },
  // a second leader, so a demo month's fines summary can carry all three signatures (审管科, 分管领导,
  // 主要领导): one person signs one line only
  { username: 'deputy', role: 'leader', displayName: '分管副主任' },
  { username: 'supervisor', role: 'supervisor', displayName: '审管科' },
  { username: 'head', role: 'head', displayName: '窗口负责人' },
  { username: 'staff', role: 'staff', displayName: '窗口工作人员' },
];

export interface TDemoOptions {
  /** fixed seed: the same seed gives the same center */
  seed?: number;
  /** the last day of history, ISO date */
  today?: string;
  /** first day of history (two years back by default) */
  from?: string;
  /** multiplies the case volume (province-sized sets for benchmarks) */
  scale?: number;
  /** fraction of the realistic case volume, for quick tests */
  caseFraction?: number;
  /** hashes the demo password; without it no accounts are created */
  hashPassword?: (password: string) => Promise<string>;
  /** progress lines */
  log?: (line: string) => void;
}

export interface TDemoSummary {
  centerId: number;
  units: number;
  windows: number;
  staff: number;
  cases: number;
  records: number;
  complaints: number;
  peerRatings: number;
  patrols: number;
  awards: number;
}

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T extends { weight: number }>(xs: readonly T[]): T => {
    const total = xs.reduce((s, x) => s + x.weight, 0);
    let r = next() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r <= 0) return x;
    }
    return xs[xs.length - 1]!;
  };
  /** Poisson-distributed count (Knuth; fine for small means) */
  const poisson = (mean: number) => {
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= next();
    } while (p > l);
    return k - 1;
  };
  return { next, int, pick, weighted, poisson, chance: (p: number) => next() < p };
}
type TRandom = ReturnType<typeof createRandom>;

const DAY = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

interface TDemoStaff extends TStaff {
  /** latent quality: excellent few, incompetent few, most competent */
  quality: 'excellent' | 'normal' | 'weak';
}

function makeNames(rand: TRandom, n: number): string[] {
  const names = new Set<string>();
  while (names.size < n) {
    const given = rand.chance(0.35) ? rand.pick([...GIVEN]) : rand.pick([...GIVEN]) + rand.pick([...GIVEN]);
    names.add(rand.pick([...SURNAMES]) + given);
  }
  return [...names];
}

/**
 * Builds the demo center: 8 units, 36 windows, about 120 staff and two years of cases, patrols,
 * records, complaints, peer ratings and awards, deterministic for a seed.
 */
export async function generateDemo(db: DbRoot, options: TDemoOptions = {}): Promise<TDemoSummary> {
  const seed = options.seed ?? 20_261_126;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const from = options.from ?? `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}-01`;
  const scale = options.scale ?? 1;
  const caseFraction = options.caseFraction ?? 1;
  const log = options.log ?? (() => {});
  const rand = createRandom(seed);
  const cal = chinaWorkCalendar();
  const summary: TDemoSummary = {
    centerId: 0,
    units: 0,
    windows: 0,
    staff: 0,
    cases: 0,
    records: 0,
    complaints: 0,
    peerRatings: 0,
    patrols: 0,
    awards: 0,
  };

  // --- organisation --------------------------------------------------------------------------
  const org = await db.transaction().execute(async (tx) => {
    const center = await insertCenter(tx, {
      code: seed === 20_261_126 ? 'DEMO' : `DEMO${seed}`,
      name: '演示市政务服务中心',
      city: '演示市',
    });
    for (const p of Object.values(DEFAULT_POLICIES)) {
      await insertPolicyVersion(tx, {
        centerId: center.id,
        code: p.code,
        effectiveFrom: '2000-01-01',
        body: p,
        createdBy: null,
      });
    }
    const names = makeNames(rand, 130);
    let nameIndex = 0;
    const staff: TDemoStaff[] = [];
    const windows: {
      id: number;
      unitId: number;
      name: string;
      front: TDemoStaff[];
      all: TDemoStaff[];
      matters: TMatter[];
      lateRate: number;
      complaintRate: number;
    }[] = [];
    let windowNo = 0;
    for (const u of DEMO_UNITS) {
      const unit = await insertUnit(tx, { centerId: center.id, name: u.name });
      const matters: TMatter[] = [];
      for (const m of u.matters)
        matters.push(
          await insertMatter(tx, {
            centerId: center.id,
            unitId: unit.id,
            name: m.name,
            type: m.type,
            promisedDays: m.days,
          }),
        );
      const weights = new Map(u.matters.map((m) => [m.name, m.weight]));
      for (let i = 1; i <= u.windows; i++) {
        windowNo++;
        const w = await insertWindow(tx, {
          centerId: center.id,
          unitId: unit.id,
          code: `W${String(windowNo).padStart(2, '0')}`,
          name: `${u.short}${i}号窗口`,
        });
        const size = windowNo % 3 === 0 ? 4 : 3;
        const people: TDemoStaff[] = [];
        for (let k = 0; k < size; k++) {
          const s = await insertStaff(tx, {
            centerId: center.id,
            unitId: unit.id,
            windowId: w.id,
            name: names[nameIndex++]!,
            post: k < 2 ? 'front' : 'back',
            abRole: k === 0 ? 'A' : k === 1 ? 'B' : null,
            isWindowHead: i === 1 && k === 0,
          });
          const r = rand.next();
          people.push({ ...s, quality: r < 0.06 ? 'excellent' : r > 0.93 ? 'weak' : 'normal' });
        }
        staff.push(...people);
        windows.push({
          id: w.id,
          unitId: unit.id,
          name: w.name,
          front: people.filter((p) => p.post === 'front'),
          all: people,
          matters: matters.map((m) => ({ ...m, weight: weights.get(m.name) ?? 1 })) as (TMatter & {
            weight: number;
          })[],
          lateRate: 0.002 + rand.next() * 0.02,
          complaintRate: 0.0004 + rand.next() * 0.0016,
        });
      }
      summary.units++;
    }
    for (let g = 0; g < 4; g++) {
      const s = await insertStaff(tx, {
        centerId: center.id,
        unitId: null,
        windowId: null,
        name: names[nameIndex++]!,
        post: 'security',
        abRole: null,
        isWindowHead: false,
      });
      staff.push({ ...s, quality: 'normal' });
    }
    return { center, staff, windows };
  });
  summary.centerId = org.center.id;
  summary.windows = org.windows.length;
  summary.staff = org.staff.length;
  const centerId = org.center.id;
  const assessed = org.staff.filter((s) => s.post !== 'security');
  log(`organisation: ${summary.units} units, ${summary.windows} windows, ${summary.staff} staff`);

  // --- accounts ------------------------------------------------------------------------------
  if (options.hashPassword) {
    const hash = await options.hashPassword(DEMO_PASSWORD);
    const firstWindow = org.windows[0]!;
    const head = firstWindow.all.find((s) => s.isWindowHead)!;
    const member = firstWindow.all.find((s) => !s.isWindowHead && s.post === 'front')!;
    for (const u of DEMO_USERS) {
      const staffId = u.role === 'head' ? head.id : u.role === 'staff' ? member.id : null;
      const displayName =
        staffId === head.id ? head.name : staffId === member.id ? member.name : u.displayName;
      await insertUser(db, {
        centerId,
        username: u.username,
        passwordHash: hash,
        role: u.role,
        staffId,
        displayName,
      });
    }
  }

  // --- day by day: cases, patrols, records ----------------------------------------------------
  const record = (
    r: Omit<
      TNewConductRecord,
      'centerId' | 'recordedBy' | 'note' | 'level' | 'aggravated' | 'sourceId' | 'qty'
    > &
      Partial<TNewConductRecord>,
  ) =>
    ({
      centerId,
      recordedBy: null,
      note: null,
      level: null,
      aggravated: false,
      sourceId: null,
      qty: 1,
      ...r,
    }) as TNewConductRecord;
  const exposures = new Map<string, Set<number>>(); // month → windows with an F5 exposure
  const monthly = new Map<string, Map<number, { cases: number; onTime: number; completed: number }>>();
  const days: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) if (cal.isWorkingDay(d)) days.push(d);

  let monthBatch: string | null = null;
  let pending: {
    cases: Omit<TCase, 'id'>[];
    records: TNewConductRecord[];
    patrols: {
      date: string;
      session: 'morning' | 'afternoon';
      findings: { clause: string; text: string; staff: TDemoStaff }[];
    }[];
    complaints: {
      date: string;
      staff: TDemoStaff;
      windowId: number;
      channel: TComplaintChannel;
      valid: boolean;
      cause: TComplaintCause;
    }[];
  } = { cases: [], records: [], patrols: [], complaints: [] };

  const flush = async () => {
    await db.transaction().execute(async (tx) => {
      await insertCases(tx, pending.cases);
      for (const r of pending.records) await insertRecord(tx, r);
      for (const p of pending.patrols) {
        const id = await insertPatrol(tx, {
          centerId,
          date: p.date,
          session: p.session,
          dutyLeader: rand.pick(['周主任', '吴副主任', '孙副主任']),
          inspectors: rand.pick(['审管科 郑干事', '审管科 冯干事', '审管科 陈科长']),
          createdBy: null,
        });
        for (const f of p.findings) {
          const r = await insertRecord(
            tx,
            record({
              scheme: f.clause.startsWith('F') ? 'fine' : 'points',
              staffId: f.staff.id,
              windowId: null,
              item: f.clause,
              date: p.date,
              source: 'patrol',
              sourceId: id,
              note: f.text,
            }),
          );
          await insertPatrolFinding(tx, {
            patrolId: id,
            clause: f.clause,
            finding: f.text,
            staffId: f.staff.id,
            windowId: null,
            recordId: r.id,
          });
          summary.records++;
        }
      }
      for (const c of pending.complaints) {
        const text = rand.pick(COMPLAINT_TEXTS[c.cause]);
        const saved = await insertComplaint(tx, {
          centerId,
          channel: c.channel,
          date: c.date,
          windowId: c.windowId,
          staffId: c.staff.id,
          content: text,
          createdBy: null,
        });
        let recordId: number | null = null;
        if (c.valid && c.cause === 'attitude') {
          const r = await insertRecord(
            tx,
            record({
              scheme: 'points',
              staffId: c.staff.id,
              windowId: null,
              item: 'A3',
              date: c.date,
              source: 'complaint',
              sourceId: saved.id,
              note: `投诉 #${saved.id}：${text}`,
            }),
          );
          recordId = r.id;
          summary.records++;
        }
        if (c.date < addDays(today, -3)) {
          await setComplaintVerification(tx, saved.id, {
            isValid: c.valid,
            cause: c.cause,
            note: c.valid ? '经核实属实' : '经核实不属实',
            by: null,
            recordId,
          });
        }
      }
    });
    summary.cases += pending.cases.length;
    summary.records += pending.records.length;
    summary.patrols += pending.patrols.length;
    summary.complaints += pending.complaints.length;
    pending = { cases: [], records: [], patrols: [], complaints: [] };
  };

  const channels: { value: TComplaintChannel; weight: number }[] = [
    { value: 'hotline12345', weight: 5 },
    { value: 'evaluator', weight: 3 },
    { value: 'suggestionBox', weight: 1 },
    { value: 'phone', weight: 2 },
    { value: 'online', weight: 2 },
  ];

  const badQuarters = new Set<string>();
  for (const day of days) {
    const month = day.slice(0, 7);
    if (monthBatch !== null && month !== monthBatch) {
      await flush();
      log(`${monthBatch}: ${summary.cases} cases so far`);
    }
    monthBatch = month;
    const m = Number(day.slice(5, 7));
    // seasonal load: backlog after the Spring Festival, summer staff shortage
    const backlog = m === 2 || m === 3 ? 2.5 : m === 7 || m === 8 ? 1.8 : 1;
    let stats = monthly.get(month);
    if (!stats) {
      stats = new Map();
      monthly.set(month, stats);
    }
    for (const w of org.windows) {
      const n = Math.round(rand.int(20, 60) * scale * caseFraction);
      const ws = stats.get(w.id) ?? { cases: 0, onTime: 0, completed: 0 };
      const lateRate = w.lateRate * backlog;
      for (let i = 0; i < n; i++) {
        const matter = rand.weighted(w.matters as (TMatter & { weight: number })[]);
        const who = rand.pick(w.front);
        const deadline = matter.promisedDays === 0 ? day : cal.addWorkingDays(day, matter.promisedDays);
        let completedAt: string | null;
        if (matter.type === 'immediate') {
          completedAt = rand.chance(0.985) ? day : cal.addWorkingDays(day, 1);
        } else if (rand.chance(lateRate * (who.quality === 'weak' ? 2 : 1))) {
          completedAt = cal.addWorkingDays(deadline, rand.int(1, 3));
        } else {
          completedAt = cal.addWorkingDays(
            day,
            Math.max(0, matter.promisedDays - rand.int(0, Math.max(0, matter.promisedDays - 1))),
          );
        }
        if (completedAt > today) completedAt = null;
        const handlingDays = completedAt === null ? null : cal.workingDaysBetween(day, completedAt);
        const overdueDays = cal.overdueWorkingDays(deadline, completedAt ?? today);
        pending.cases.push({
          centerId,
          unitId: w.unitId,
          windowId: w.id,
          staffId: who.id,
          matterId: matter.id,
          type: matter.type,
          acceptedAt: day,
          promisedDays: matter.promisedDays,
          deadline,
          completedAt,
          status: completedAt === null ? 'open' : 'completed',
          handlingDays,
          overdueDays,
        });
        ws.cases++;
        if (completedAt !== null) {
          ws.completed++;
          if (overdueDays === 0) ws.onTime++;
        }
        // 第一责任人: a rare overdue through dereliction becomes B5 (points) and F3 (fine); the chance
        // shrinks with the volume so a person's records look the same at any scale
        const dereliction = (who.quality === 'weak' ? 0.08 : 0.01) / (scale * caseFraction);
        if (completedAt !== null && overdueDays > 0 && rand.chance(Math.min(1, dereliction))) {
          pending.records.push(
            record({
              scheme: 'points',
              staffId: who.id,
              windowId: null,
              item: 'B5',
              qty: overdueDays,
              date: completedAt,
              source: 'case',
              note: `${matter.name} 超期${overdueDays}个工作日`,
            }),
          );
          pending.records.push(
            record({
              scheme: 'fine',
              staffId: who.id,
              windowId: null,
              item: 'F3',
              date: completedAt,
              source: 'case',
              note: `${matter.name} 超期`,
            }),
          );
        }
        if (rand.chance(w.complaintRate / caseFraction / scale)) {
          const valid = rand.chance(0.55);
          const cause = rand.weighted([
            { value: 'attitude' as const, weight: who.quality === 'weak' ? 3 : 1 },
            { value: 'responsibility' as const, weight: 1.5 },
            { value: 'other' as const, weight: 1 },
          ]).value;
          pending.complaints.push({
            date: day,
            staff: who,
            windowId: w.id,
            channel: rand.weighted(channels).value,
            valid,
            cause,
          });
        }
      }
      stats.set(w.id, ws);
    }
    // 巡查: morning and afternoon; a finding on a few per cent of patrols
    for (const session of ['morning', 'afternoon'] as const) {
      const findings: { clause: string; text: string; staff: TDemoStaff }[] = [];
      const count = rand.poisson(0.06);
      for (let k = 0; k < count; k++) {
        const weak = assessed.filter((s) => s.quality === 'weak');
        const who = weak.length && rand.chance(0.35) ? rand.pick(weak) : rand.pick(assessed);
        const f = rand.weighted(PATROL_FINDINGS);
        if (f.clause === 'F9' && who.post !== 'front') continue;
        findings.push({ clause: f.clause, text: f.text, staff: who });
      }
      pending.patrols.push({ date: day, session, findings });
    }
    // a bad quarter for a few people (基本称职, now and then 不称职): once a quarter, in its middle month
    const quarterKey = `${day.slice(0, 4)}Q${Math.ceil(m / 3)}`;
    if (m % 3 === 2 && !badQuarters.has(quarterKey)) {
      badQuarters.add(quarterKey);
      const weak = assessed.filter((s) => s.quality === 'weak');
      const chosen = new Set<TDemoStaff>();
      const count = rand.int(2, 4);
      while (chosen.size < count)
        chosen.add(rand.chance(0.5) && weak.length ? rand.pick(weak) : rand.pick(assessed));
      for (const who of chosen) {
        const isSevere = rand.chance(0.2);
        const bundle: [string, number][] = isSevere
          ? [
              ['C1', 4],
              ['A4', 1],
              ['B4', 3],
              ['B2', 2],
              ['C4', 5],
            ]
          : [
              ['C1', 2],
              ['A1', 1],
              ['B4', 2],
              ['C4', rand.int(4, 8)],
              ['A2', 2],
            ];
        for (const [item, qty] of bundle) {
          const date = addDays(day, rand.int(0, 20));
          if (date > today) continue;
          pending.records.push(
            record({
              scheme: 'points',
              staffId: who.id,
              windowId: null,
              item,
              qty,
              date,
              source: 'manual',
              note: '审管科登记',
            }),
          );
        }
      }
    }
    // other records: thanks letters, overtime, missed meetings, the odd bad week of a weak person
    if (rand.chance(0.25))
      pending.records.push(
        record({
          scheme: 'points',
          staffId: rand.pick(assessed).id,
          windowId: null,
          item: 'D1',
          date: day,
          source: 'manual',
          note: '群众来信表扬',
        }),
      );
    if (rand.chance(0.12))
      pending.records.push(
        record({
          scheme: 'points',
          staffId: rand.pick(assessed).id,
          windowId: null,
          item: 'D5',
          date: day,
          source: 'manual',
          note: '延时服务',
        }),
      );
    if (rand.chance(0.05))
      pending.records.push(
        record({
          scheme: 'points',
          staffId: rand.pick(assessed).id,
          windowId: null,
          item: 'A2',
          date: day,
          source: 'manual',
          note: '未参加业务学习',
        }),
      );
    if (rand.chance(0.02))
      pending.records.push(
        record({
          scheme: 'points',
          staffId: rand.pick(assessed).id,
          windowId: null,
          item: 'D4',
          level: rand.pick(['center', 'city']),
          date: day,
          source: 'manual',
          note: '信息稿件被采用',
        }),
      );
    if (rand.chance(0.004))
      pending.records.push(
        record({
          scheme: 'points',
          staffId: rand.pick(assessed).id,
          windowId: null,
          item: 'D2',
          level: 'city',
          date: day,
          source: 'manual',
          note: '市电视台报道表扬',
        }),
      );
    if (rand.chance(0.012)) {
      const weak = assessed.filter((s) => s.quality === 'weak');
      const who = rand.pick(weak.length ? weak : assessed);
      const item = rand.weighted([
        { value: 'C1', weight: 2 },
        { value: 'A4', weight: 1 },
        { value: 'B4', weight: 2 },
        { value: 'A1', weight: 1 },
        { value: 'C2', weight: 2 },
      ]).value;
      const qty = item === 'C1' ? rand.int(1, 4) : rand.int(1, 3);
      pending.records.push(
        record({
          scheme: 'points',
          staffId: who.id,
          windowId: null,
          item,
          qty,
          aggravated: item === 'A4' && rand.chance(0.3),
          date: day,
          source: 'manual',
          note: '审管科登记',
        }),
      );
      if (item === 'C1')
        pending.records.push(
          record({
            scheme: 'fine',
            staffId: who.id,
            windowId: null,
            item: 'F2',
            qty,
            date: day,
            source: 'manual',
            note: '旷工',
          }),
        );
    }
    // F5: an exposure by official media, rare; it bars the window from that month's red flag
    if (rand.chance(0.003)) {
      const w = rand.pick(org.windows);
      const who = rand.pick(w.all);
      pending.records.push(
        record({
          scheme: 'fine',
          staffId: who.id,
          windowId: null,
          item: 'F5',
          date: day,
          source: 'manual',
          note: '被市纪委通报曝光',
        }),
      );
      pending.records.push(
        record({
          scheme: 'points',
          staffId: who.id,
          windowId: null,
          item: 'A1',
          date: day,
          source: 'manual',
          note: '被通报曝光',
        }),
      );
      let set = exposures.get(month);
      if (!set) {
        set = new Set();
        exposures.set(month, set);
      }
      set.add(w.id);
    }
  }
  await flush();
  log(
    `history: ${summary.cases} cases, ${summary.records} records, ${summary.patrols} patrols, ${summary.complaints} complaints`,
  );

  // --- awards and peer ratings -----------------------------------------------------------------
  await db.transaction().execute(async (tx) => {
    const yearly = new Map<string, Map<number, number>>();
    for (const [month, byWindow] of [...monthly.entries()].sort()) {
      const [y, mo] = month.split('-').map(Number) as [number, number];
      const end = monthEnd(y, mo);
      if (end >= today) continue;
      const barred = exposures.get(month) ?? new Set<number>();
      const ranked = [...byWindow.entries()]
        .filter(([id, s]) => !barred.has(id) && s.completed > 0)
        .map(([id, s]) => ({ id, rate: s.onTime / s.completed + rand.next() * 0.004 }))
        .sort((a, b) => b.rate - a.rate);
      const winners = ranked.slice(0, rand.int(1, 3));
      for (const w of winners) {
        const r = await insertRecord(
          tx,
          record({
            scheme: 'points',
            staffId: null,
            windowId: w.id,
            item: 'D6',
            level: 'monthly',
            date: end,
            source: 'award',
            note: '月度红旗窗口',
          }),
        );
        await insertAward(tx, {
          centerId,
          windowId: w.id,
          kind: 'redFlagMonthly',
          year: y,
          month: mo,
          date: end,
          reason: '当月按时办结率领先，无有效投诉',
          recordId: r.id,
          createdBy: null,
        });
        summary.awards++;
        summary.records++;
        const yk = String(y);
        const counts = yearly.get(yk) ?? new Map<number, number>();
        counts.set(w.id, (counts.get(w.id) ?? 0) + 1);
        yearly.set(yk, counts);
      }
      if (rand.chance(0.25)) {
        const worst = ranked.at(-1 - rand.int(0, 2));
        if (worst) {
          const date = addDays(end, -rand.int(0, 20));
          const r = await insertRecord(
            tx,
            record({
              scheme: 'points',
              staffId: null,
              windowId: worst.id,
              item: 'B8',
              date,
              source: 'award',
              note: '黄牌警告：办件超期较多',
            }),
          );
          await insertAward(tx, {
            centerId,
            windowId: worst.id,
            kind: 'yellowCard',
            year: y,
            month: mo,
            date,
            reason: '办件超期较多',
            recordId: r.id,
            createdBy: null,
          });
          summary.awards++;
          summary.records++;
        }
      }
    }
    for (const [y, counts] of yearly) {
      const end = `${y}-12-31`;
      if (end >= today) continue;
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      if (!best) continue;
      const r = await insertRecord(
        tx,
        record({
          scheme: 'points',
          staffId: null,
          windowId: best[0],
          item: 'D6',
          level: 'annual',
          date: end,
          source: 'award',
          note: '年度红旗窗口',
        }),
      );
      await insertAward(tx, {
        centerId,
        windowId: best[0],
        kind: 'redFlagAnnual',
        year: Number(y),
        month: null,
        date: end,
        reason: `全年获月度红旗窗口${best[1]}次`,
        recordId: r.id,
        createdBy: null,
      });
      summary.awards++;
      summary.records++;
    }

    // 互评 at the end of every ended quarter: colleagues of the same unit and a few others
    const rows: {
      center_id: number;
      year: number;
      quarter: number;
      rater_id: number;
      ratee_id: number;
      tier: 'good' | 'medium' | 'poor';
      created_at: string;
    }[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
      for (let q = 1; q <= 4; q++) {
        const end = monthEnd(y, q * 3);
        const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
        if (end >= today || start < from) continue;
        const createdAt = `${end}T09:00:00.000Z`;
        // a weak person has a bad quarter now and then
        const goodShare = new Map(
          assessed.map((s) => [
            s.id,
            s.quality === 'excellent' ? 0.93 : s.quality === 'weak' ? (rand.chance(0.5) ? 0.25 : 0.5) : 0.8,
          ]),
        );
        for (const rater of assessed) {
          const others = assessed.filter(
            (s) => s.id !== rater.id && (s.unitId === rater.unitId || rand.chance(0.04)),
          );
          for (const ratee of others) {
            const p = goodShare.get(ratee.id)!;
            const r = rand.next();
            rows.push({
              center_id: centerId,
              year: y,
              quarter: q,
              rater_id: rater.id,
              ratee_id: ratee.id,
              tier: r < p ? 'good' : r < p + (1 - p) * 0.75 ? 'medium' : 'poor',
              created_at: createdAt,
            });
          }
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('peer_ratings')
        .values(rows.slice(i, i + 500))
        .execute();
    summary.peerRatings = rows.length;
    await appendAudit(tx, {
      centerId,
      userId: null,
      entity: 'demo',
      entityId: seed,
      action: 'load',
      after: { ...summary, from, today, scale },
    });
  });
  log(`awards: ${summary.awards}, peer ratings: ${summary.peerRatings}`);
  return summary;
}

/** Loads the demo center when the database holds no center yet; returns the summary, or null. */
export async function loadDemoIfEmpty(db: DbRoot, options: TDemoOptions = {}): Promise<TDemoSummary | null> {
  const row = await db
    .selectFrom('centers')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return null;
  const summary = await generateDemo(db, options);
  // the case workflow of issue 6: service guides, open cases at every stage, 好差评, B5/F3 proposals
  await enrichCaseWorkflowDemo(db, { today: options.today ?? new Date().toISOString().slice(0, 10) });
  return summary;
}
