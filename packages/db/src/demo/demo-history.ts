import { complaintLinks, DEFAULT_POLICIES } from '@chuangkou/rules';
import { insertCases } from '../cases/cases.repository.ts';
import type { DbRoot } from '../client.ts';
import { insertComplaint, setComplaintVerification } from '../complaints/complaints.repository.ts';
import { insertPatrolSheet } from '../patrols/patrol-sheets.repository.ts';
import { insertPatrol, insertPatrolFinding } from '../patrols/patrols.repository.ts';
import { insertRecord } from '../records/records.repository.ts';
import { COMPLAINT_TEXTS } from './demo-catalog.ts';
import {
  demoBadQuarter,
  demoCasesOfDay,
  demoPatrolsOfDay,
  demoRecord,
  demoUniformFinding,
  emptyBatch,
  schemeOf,
  type TDemoBatch,
  type TDemoContext,
} from './demo-day.ts';
import type { TDemoWindow } from './demo-organisation.ts';
import { addDays, createRandom } from './demo-random.ts';

/** A window's cases of a month, for the red-flag ranking. */
export type TMonthStats = Map<string, Map<number, { cases: number; onTime: number; completed: number }>>;

export interface THistory {
  cases: number;
  records: number;
  patrols: number;
  complaints: number;
  monthly: TMonthStats;
  /** month → windows with an F5 exposure that month (barred from its red flag) */
  exposures: Map<string, Set<number>>;
}

/**
 * Two years of working days, one after the other: each window's cases, the patrols, a bad quarter for
 * a few people, the day's other records. Written a month at a time, each month in one transaction.
 */
export async function generateHistory(
  db: DbRoot,
  ctx: TDemoContext,
  windows: readonly TDemoWindow[],
  from: string,
  log: (line: string) => void,
): Promise<THistory> {
  const { cal, today } = ctx;
  const history: THistory = {
    cases: 0,
    records: 0,
    patrols: 0,
    complaints: 0,
    monthly: new Map(),
    exposures: new Map(),
  };
  let batch = emptyBatch();
  const flush = async () => {
    history.records += await writeBatch(db, ctx, batch);
    history.cases += batch.cases.length;
    history.records += batch.records.length;
    history.patrols += batch.patrols.length;
    history.complaints += batch.complaints.length;
    batch = emptyBatch();
  };

  const days: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) if (cal.isWorkingDay(d)) days.push(d);
  const badQuarters = new Set<string>();
  // five U1 findings (不着工作服) on working days of the last six weeks, from a stream of their own
  const uniformRand = createRandom(31_101);
  const uniformDays = new Set([3, 8, 14, 21, 27].map((k) => days[days.length - 1 - k]));
  let monthOfBatch: string | null = null;
  for (const day of days) {
    const month = day.slice(0, 7);
    if (monthOfBatch !== null && month !== monthOfBatch) {
      await flush();
      log(`${monthOfBatch}: ${history.cases} cases so far`);
    }
    monthOfBatch = month;
    const m = Number(day.slice(5, 7));
    // seasonal load: backlog after the Spring Festival, summer staff shortage
    const backlog = m === 2 || m === 3 ? 2.5 : m === 7 || m === 8 ? 1.8 : 1;
    let stats = history.monthly.get(month);
    if (!stats) {
      stats = new Map();
      history.monthly.set(month, stats);
    }
    for (const w of windows) {
      const ofDay = demoCasesOfDay(ctx, w, day, backlog, batch);
      const ws = stats.get(w.id) ?? { cases: 0, onTime: 0, completed: 0 };
      ws.cases += ofDay.cases;
      ws.completed += ofDay.completed;
      ws.onTime += ofDay.onTime;
      stats.set(w.id, ws);
    }
    demoPatrolsOfDay(ctx, day, batch);
    if (uniformDays.has(day)) demoUniformFinding(ctx, uniformRand, batch);
    const quarterKey = `${day.slice(0, 4)}Q${Math.ceil(m / 3)}`;
    if (m % 3 === 2 && !badQuarters.has(quarterKey)) {
      badQuarters.add(quarterKey);
      demoBadQuarter(ctx, day, batch);
    }
    demoOtherRecords(ctx, windows, day, batch, history.exposures);
  }
  await flush();
  return history;
}

/** Thanks letters, overtime, missed meetings, articles, media praise, the odd bad week, a rare F5. */
function demoOtherRecords(
  ctx: TDemoContext,
  windows: readonly TDemoWindow[],
  day: string,
  batch: TDemoBatch,
  exposures: Map<string, Set<number>>,
): void {
  const { rand, assessed, centerId } = ctx;
  const someone = (item: string, note: string, level: string | null = null) =>
    batch.records.push(
      demoRecord(centerId, {
        scheme: 'points',
        staffId: rand.pick(assessed).id,
        windowId: null,
        item,
        level,
        date: day,
        source: 'manual',
        note,
      }),
    );
  if (rand.chance(0.25)) someone('D1', '群众来信表扬');
  if (rand.chance(0.12)) someone('D5', '延时服务');
  if (rand.chance(0.05)) someone('A2', '未参加业务学习');
  if (rand.chance(0.02)) {
    // the level is drawn after the person, as a record's fields are filled in
    const staffId = rand.pick(assessed).id;
    const level = rand.pick(['center', 'city']);
    batch.records.push(
      demoRecord(centerId, {
        scheme: 'points',
        staffId,
        windowId: null,
        item: 'D4',
        level,
        date: day,
        source: 'manual',
        note: '信息稿件被采用',
      }),
    );
  }
  if (rand.chance(0.004)) someone('D2', '市电视台报道表扬', 'city');
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
    const aggravated = item === 'A4' && rand.chance(0.3);
    const manual = { staffId: who.id, windowId: null, qty, date: day, source: 'manual' as const };
    batch.records.push(
      demoRecord(centerId, { scheme: 'points', item, aggravated, note: '审管科登记', ...manual }),
    );
    if (item === 'C1')
      batch.records.push(demoRecord(centerId, { scheme: 'fine', item: 'F2', note: '旷工', ...manual }));
  }
  // F5: an exposure by official media, rare; it bars the window from that month's red flag
  if (rand.chance(0.003)) {
    const w = rand.pick(windows);
    const who = rand.pick(w.all);
    const exposed = { staffId: who.id, windowId: null, date: day, source: 'manual' as const };
    batch.records.push(
      demoRecord(centerId, { scheme: 'fine', item: 'F5', note: '被市纪委通报曝光', ...exposed }),
    );
    batch.records.push(
      demoRecord(centerId, { scheme: 'points', item: 'A1', note: '被通报曝光', ...exposed }),
    );
    const month = day.slice(0, 7);
    let set = exposures.get(month);
    if (!set) {
      set = new Set();
      exposures.set(month, set);
    }
    set.add(w.id);
  }
}

/**
 * Writes a batch in one transaction: cases (with their rollup), records, patrols with their findings
 * (each a record), complaints (a valid one about attitude with its A3 record; verified unless within
 * the last three days). Returns the records written beside the batch's own.
 */
async function writeBatch(db: DbRoot, ctx: TDemoContext, batch: TDemoBatch): Promise<number> {
  const { rand, centerId, today } = ctx;
  let records = 0;
  await db.transaction().execute(async (tx) => {
    const caseIds = await insertCases(tx, batch.cases);
    for (const r of batch.records) {
      const caseId = r.source === 'case' && r.sourceId !== null ? caseIds[r.sourceId] : undefined;
      await insertRecord(tx, caseId === undefined ? r : { ...r, sourceId: caseId });
    }
    const sheets = new Set<string>();
    for (const p of batch.patrols) {
      const signers = {
        dutyLeader: rand.pick(['周主任', '吴副主任', '孙副主任']),
        inspectors: rand.pick(['审管科 郑干事', '审管科 冯干事', '审管科 陈科长']),
      };
      if (!sheets.has(p.date)) {
        // the day's sheet, signed by the first session's patrol; the paper copy of an older day is filed
        sheets.add(p.date);
        await insertPatrolSheet(tx, {
          centerId,
          date: p.date,
          ...signers,
          createdBy: null,
          filedAt: p.date < addDays(today, -3) ? `${addDays(p.date, 1)}T09:00:00.000Z` : null,
        });
      }
      const id = await insertPatrol(tx, {
        centerId,
        date: p.date,
        session: p.session,
        ...signers,
        createdBy: null,
      });
      for (const f of p.findings) {
        const r = await insertRecord(
          tx,
          demoRecord(centerId, {
            scheme: schemeOf(f.clause),
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
        records++;
      }
    }
    for (const c of batch.complaints) {
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
      // verified unless within the last three days; only a complaint verified as valid records the
      // items its cause links to (A3 for attitude, F7b for every valid one), never a pending one
      const isVerified = c.date < addDays(today, -3);
      if (isVerified && c.valid) {
        for (const [scheme, policy] of [
          ['points', DEFAULT_POLICIES.A],
          ['fine', DEFAULT_POLICIES.B],
        ] as const) {
          for (const link of complaintLinks(policy, c.cause)) {
            const r = await insertRecord(
              tx,
              demoRecord(centerId, {
                scheme,
                staffId: c.staff.id,
                windowId: null,
                item: link.item,
                date: c.date,
                source: 'complaint',
                sourceId: saved.id,
                note: `投诉 #${saved.id}：${text}`,
              }),
            );
            recordId ??= r.id;
            records++;
          }
        }
      }
      if (isVerified) {
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
  return records;
}
