import {
  acceptCase,
  applyCaseEvent,
  caseRulesOf,
  DEFAULT_POLICIES,
  decisionDayCounts,
  proposeOverdueSanctions,
  type TWorkCalendar,
  windowOverdueDays,
} from '@chuangkou/rules';
import type { TNewCase } from '../cases/cases.repository.ts';
import type { TComplaintCause, TComplaintChannel } from '../database.ts';
import type { TNewConductRecord } from '../records/records.repository.ts';
import { PATROL_FINDINGS } from './demo-catalog.ts';
import type { TDemoStaff, TDemoWindow } from './demo-organisation.ts';
import { addDays, type TRandom } from './demo-random.ts';

/** What a day (or a month of days) adds, written in one transaction at the end of each month. */
export interface TDemoBatch {
  cases: TNewCase[];
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
}

export const emptyBatch = (): TDemoBatch => ({ cases: [], records: [], patrols: [], complaints: [] });

/** The generation's fixed inputs. */
export interface TDemoContext {
  rand: TRandom;
  cal: TWorkCalendar;
  centerId: number;
  today: string;
  /** scale × caseFraction: the case volume against a real center's */
  volume: number;
  assessed: TDemoStaff[];
}

/** A conduct record of the demo with the usual defaults (one, not aggravated, no note, no level). */
export const demoRecord = (
  centerId: number,
  r: Omit<
    TNewConductRecord,
    'centerId' | 'recordedBy' | 'note' | 'level' | 'aggravated' | 'sourceId' | 'qty'
  > &
    Partial<TNewConductRecord>,
): TNewConductRecord => ({
  centerId,
  recordedBy: null,
  note: null,
  level: null,
  aggravated: false,
  sourceId: null,
  qty: 1,
  ...r,
});

const CASE_RULES = caseRulesOf(DEFAULT_POLICIES.D);
/** A record's scheme by its item: points under policy A, a fine under the others (B, and C's U1). */
export const schemeOf = (item: string) =>
  DEFAULT_POLICIES.A.items.some((i) => i.code === item) ? ('points' as const) : ('fine' as const);

const CHANNELS: { value: TComplaintChannel; weight: number }[] = [
  { value: 'hotline12345', weight: 5 },
  { value: 'evaluator', weight: 3 },
  { value: 'suggestionBox', weight: 1 },
  { value: 'phone', weight: 2 },
  { value: 'online', weight: 2 },
];

/**
 * A window's cases of one day: 20–60 at a real center's volume, each decided on time mostly, late at
 * the window's rate (more in a backlog month, twice for a weak person), still open when its decision
 * would fall after today. A rare late case of dereliction is recorded at once (B5 and F3, as a
 * supervisor would have confirmed them); now and then a complaint.
 */
export function demoCasesOfDay(
  ctx: TDemoContext,
  w: TDemoWindow,
  day: string,
  backlog: number,
  batch: TDemoBatch,
): { cases: number; onTime: number; completed: number } {
  const { rand, cal, today, volume } = ctx;
  const stats = { cases: 0, onTime: 0, completed: 0 };
  const n = Math.round(rand.int(20, 60) * volume);
  const lateRate = w.lateRate * backlog;
  for (let i = 0; i < n; i++) {
    const matter = rand.weighted(w.matters);
    const who = rand.pick(w.front);
    // the deadline, the days taken and the days late are the rules' answers (as the API's), never counted here
    const accepted = acceptCase(
      { type: matter.type, acceptedBy: String(who.id), on: day, promisedDays: matter.promisedDays },
      cal,
    );
    const deadline = accepted.deadline!;
    let decidedOn: string | null;
    if (matter.type === 'immediate') {
      decidedOn = rand.chance(0.985) ? day : cal.addWorkingDays(day, 1);
    } else if (rand.chance(lateRate * (who.quality === 'weak' ? 2 : 1))) {
      decidedOn = cal.addWorkingDays(deadline, rand.int(1, 3));
    } else {
      decidedOn = cal.addWorkingDays(
        day,
        Math.max(0, matter.promisedDays - rand.int(0, Math.max(0, matter.promisedDays - 1))),
      );
    }
    if (decidedOn > today) decidedOn = null;
    const state =
      decidedOn === null
        ? accepted
        : applyCaseEvent(accepted, { kind: 'decide', on: decidedOn, decision: 'approved' }, cal);
    const counted = decisionDayCounts(state, cal);
    // an open case carries the days it is late so far, as its 超期 alert counts them
    const overdueDays = counted?.overdueDays ?? windowOverdueDays(state, today, cal);
    batch.cases.push({
      centerId: ctx.centerId,
      unitId: w.unitId,
      windowId: w.id,
      staffId: who.id,
      matterId: matter.id,
      type: matter.type,
      // a decision of an earlier day was notified the day it was made (规程 四、2); today's still waits
      stage: decidedOn === null ? 'accepted' : decidedOn < today ? 'notified' : 'decided',
      acceptanceCode: null,
      receivedOn: day,
      acceptedOn: day,
      promisedDays: matter.promisedDays,
      deadline,
      decision: decidedOn === null ? null : 'approved',
      decidedOn,
      notifiedOn: decidedOn !== null && decidedOn < today ? decidedOn : null,
      handlingDays: counted?.handlingDays ?? null,
      overdueDays,
      acceptedByUser: null,
    });
    stats.cases++;
    if (decidedOn !== null) {
      stats.completed++;
      if (overdueDays === 0) stats.onTime++;
    }
    // 第一责任人: the chance shrinks with the volume so a person's records look the same at any scale
    const dereliction = (who.quality === 'weak' ? 0.08 : 0.01) / volume;
    if (decidedOn !== null && overdueDays > 0 && rand.chance(Math.min(1, dereliction))) {
      // the proposals of the case rules (policy D: B5 per overdue working day, F3 per case), confirmed
      for (const p of proposeOverdueSanctions(state, cal, CASE_RULES)) {
        batch.records.push(
          demoRecord(ctx.centerId, {
            scheme: schemeOf(p.item),
            staffId: who.id,
            windowId: null,
            item: p.item,
            qty: p.qty,
            date: p.date,
            source: 'case',
            // the case's index in the batch: writeBatch puts the case's id here once it is stored
            sourceId: batch.cases.length - 1,
            note: CASE_RULES.overdueSanctions.some((o) => o.item === p.item && o.per === 'overdueWorkingDay')
              ? `${matter.name} 超期${p.qty}个工作日`
              : `${matter.name} 超期`,
          }),
        );
      }
    }
    if (rand.chance(w.complaintRate / volume)) {
      const valid = rand.chance(0.55);
      const cause = rand.weighted([
        { value: 'attitude' as const, weight: who.quality === 'weak' ? 3 : 1 },
        { value: 'responsibility' as const, weight: 1.5 },
        { value: 'other' as const, weight: 1 },
      ]).value;
      batch.complaints.push({
        date: day,
        staff: who,
        windowId: w.id,
        channel: rand.weighted(CHANNELS).value,
        valid,
        cause,
      });
    }
  }
  return stats;
}

/** 巡查: morning and afternoon; a finding on a few per cent of patrols. */
/**
 * 规范化服务通知 三(二)1 不着工作服: one U1 finding on the day's morning patrol, a front-desk person drawn
 * from its own random stream (`rand`), so the rest of the demo stays as it was.
 */
export function demoUniformFinding(ctx: TDemoContext, rand: TRandom, batch: TDemoBatch): void {
  const morning = batch.patrols.at(-2);
  const front = ctx.assessed.filter((s) => s.post === 'front');
  if (morning?.session !== 'morning' || front.length === 0) return;
  morning.findings.push({ clause: 'U1', text: '工作时间未着工作服', staff: rand.pick(front) });
}

export function demoPatrolsOfDay(ctx: TDemoContext, day: string, batch: TDemoBatch): void {
  const { rand, assessed } = ctx;
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
    batch.patrols.push({ date: day, session, findings });
  }
}

/**
 * A bad quarter for a few people (基本称职, now and then 不称职): records spread over three weeks from
 * `day`, in the quarter's middle month.
 */
export function demoBadQuarter(ctx: TDemoContext, day: string, batch: TDemoBatch): void {
  const { rand, assessed, today } = ctx;
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
      batch.records.push(
        demoRecord(ctx.centerId, {
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
