import {
  patrolClauses,
  type TAwardsBulletin,
  type TBehaviourRow,
  type TBehavioursBulletin,
  type TBulletin,
  type TCadresBulletin,
  type TPatrolBulletin,
  type TPatrolFinding,
  type TResultsBulletin,
  type TStaffNames,
  type TYearEndBulletin,
} from '@chuangkou/bulletin';
import {
  type Db,
  findCenter,
  listAssignmentsDuring,
  listCadreReserve,
  listComplaints,
  listLatestPublished,
  listStaff,
  listUnits,
  listWindows,
} from '@chuangkou/db';
import {
  annualAwardPending,
  awardLink,
  COMPLAINT_CAUSE_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  complaintVetoes,
  findingRowItem,
  holdsOn,
  monthRange,
  noticePeriod,
  policyItem,
  quarterRange,
  recordFine,
  recordPoints,
  reserveStanding,
  type TItem,
} from '@chuangkou/rules';
import { badInput } from '../errors.ts';
import { quarterFor } from './assessment.service.ts';
import { listAwardsFor } from './award-list.service.ts';
import { centerCalendar } from './calendar.service.ts';
import { finesBulletin } from './fines-bulletin.service.ts';
import { listPatrolsFor } from './patrols.service.ts';
import { policyInForce } from './policy.service.ts';
import { listRecordsFor } from './record-list.service.ts';

export { finesBulletin };

import { ballotBulletin, unitLettersBulletin, yellowCardBulletin } from './notices.service.ts';
import { complaintLadderBulletin, uniformBulletin } from './policy-c-bulletin.service.ts';
import { centerViewer, scopeCoversStaff, type TViewer } from './scope.ts';
import { cadreCandidatesOf, yearEnd } from './year-end.service.ts';

/**
 * Bulletins from the database: what each kind of @chuangkou/bulletin needs, read through the very
 * functions of the matching query (`assessment.quarter`, `records.list`, `fines.monthly`,
 * `patrols.list`, `awards.list`, `assessment.yearEnd`), with their scoping and their period checks, so a
 * printed bulletin and the screen never disagree and a download shows no more than the query would.
 * The `bulletins` procedures call them for the signed-in user; the command line as the center's
 * operator. The workbook itself is written by @chuangkou/bulletin (`writeBulletinFile`,
 * `renderBulletin`); an empty period surfaces there as a `BulletinError` (EMPTY_PERIOD).
 */

type TQuarter = 1 | 2 | 3 | 4;

export type TBulletinRequest =
  | { kind: 'results'; year: number; quarter: TQuarter }
  | { kind: 'behaviours'; year: number; quarter?: TQuarter | undefined; month?: number | undefined }
  | { kind: 'fines'; year: number; month: number }
  /** Without a date: the blank form. */
  | { kind: 'patrol'; date?: string | undefined }
  /** With a month: the monthly award; without: the annual one. */
  | { kind: 'awards'; year: number; month?: number | undefined }
  | { kind: 'yearend'; year: number }
  | { kind: 'cadres'; year: number }
  | { kind: 'complaintLadder'; year: number; staffId: number }
  | { kind: 'uniform'; year: number; month: number }
  /** With a month: that month's cards; without: the year's. */
  | { kind: 'yellowcard'; year: number; month?: number | undefined }
  | { kind: 'unitletters'; year: number; month: number }
  | { kind: 'ballot'; year: number; quarter: TQuarter };

export interface TBulletinSettings {
  /** 异议电话 printed on the results notice instead of the center's setting (the command line's --phone). */
  objectionPhone?: string | undefined;
}

/** Names of every staff member of the center (inactive included: a bulletin may cover the past). */
export async function directoryOf(db: Db, centerId: number) {
  const [staff, windows, units, assignments] = await Promise.all([
    listStaff(db, { centerId, includeInactive: true }),
    listWindows(db, centerId),
    listUnits(db, centerId),
    listAssignmentsDuring(db, { centerId, from: '0000-01-01', to: '9999-12-31' }),
  ]);
  /** The people assigned to a window on a date (people move: a fact reaches who served then). */
  const membersOn = (windowId: number | null, date: string) =>
    assignments.filter((a) => a.windowId === windowId && holdsOn(a, date));
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const names = new Map<number, TStaffNames>(
    staff.map((s) => [
      s.id,
      {
        name: s.name,
        window: s.windowId === null ? '—' : (windowName.get(s.windowId) ?? '—'),
        unit: s.unitId === null ? '—' : (unitName.get(s.unitId) ?? '—'),
      },
    ]),
  );
  return { staff, windows, units, names, windowName, unitName, membersOn };
}

export function namesOf(names: Map<number, TStaffNames>, id: number | string): TStaffNames {
  return names.get(Number(id)) ?? { name: String(id), window: '—', unit: '—' };
}

/** A row with its person's names: named fields first, the row's spread last (README, Development). */
export function withNamesOf<T extends { staff: string }>(
  names: Map<number, TStaffNames>,
  row: T,
): T & TStaffNames {
  const n = namesOf(names, row.staff);
  return { name: n.name, window: n.window, unit: n.unit, ...row };
}

async function centerOf(db: Db, centerId: number) {
  const center = await findCenter(db, centerId);
  if (!center) throw badInput('centerId', `中心 ${centerId} 不存在`);
  return center;
}

export async function centerName(db: Db, centerId: number): Promise<string> {
  return (await centerOf(db, centerId)).name;
}

/** 季度考核结果公示: the rows of `assessment.quarter` for the viewer. */
export async function resultsBulletin(
  db: Db,
  viewer: TViewer,
  today: string,
  input: { year: number; quarter: TQuarter },
  settings: TBulletinSettings = {},
): Promise<TResultsBulletin> {
  const { centerId } = viewer;
  const { end } = quarterRange(input.year, input.quarter);
  const view = await quarterFor(db, viewer, today, input);
  const [center, policy, calendar] = await Promise.all([
    centerOf(db, centerId),
    policyInForce(db, centerId, 'A', end),
    centerCalendar(db, centerId),
  ]);
  const publishedOn = view.publishedAt?.slice(0, 10) ?? today;
  const rules = policy.policy.assessment;
  return {
    kind: 'results',
    center: center.name,
    period: view.period,
    status: view.status,
    // a revision after the first is a correction (更正), printed with its reason
    ...(view.revision !== null &&
      view.revision > 1 && { correction: { revision: view.revision, reason: view.reason ?? '' } }),
    policyTitle: policy.policy.name,
    categories: (policy.policy.assessment?.categories ?? []).map((c) => ({
      key: c.key,
      name: c.name,
      base: c.base,
    })),
    publishedOn,
    // 公示期 on the center's calendar, as case deadlines count
    noticePeriod: rules ? noticePeriod(calendar, publishedOn, rules) : { from: publishedOn, to: publishedOn },
    // the center's objection contact (a setting; no number is printed until it is set)
    objectionPhone: settings.objectionPhone ?? center.objectionPhone,
    ...(center.objectionOffice !== null && { objectionOffice: center.objectionOffice }),
    ...(view.state === 'running' && { runningAsOf: today }),
    rows: view.results.map((r) => ({
      name: r.staffName,
      window: r.windowName ?? '—',
      unit: r.unitName ?? '—',
      ...r,
    })),
  };
}

/** 不规範行为通报: the deductions and fines among the records `records.list` shows the viewer. */
export async function behavioursBulletin(
  db: Db,
  viewer: TViewer,
  today: string,
  input: { year: number; quarter?: TQuarter | undefined; month?: number | undefined },
): Promise<TBehavioursBulletin> {
  const { centerId } = viewer;
  const { year, quarter, month } = input;
  if ((quarter === undefined) === (month === undefined)) {
    throw badInput('quarter', '不规范行为通报须指定季度或月份（二选一）');
  }
  const range = month !== undefined ? monthRange(year, month) : quarterRange(year, quarter!);
  const records = await listRecordsFor(
    db,
    viewer,
    today,
    { from: range.start, to: range.end, status: 'active', limit: 1_000_000 },
    month !== undefined ? 'month' : 'quarter',
  );
  const [center, directory, points, fines, service] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', range.end),
    policyInForce(db, centerId, 'B', range.end),
    // 规范化服务通知 三(二)1: 不着工作服 (U1) is a non-standard behaviour posted like the others
    policyInForce(db, centerId, 'C', range.end),
  ]);
  // each item with the document it comes from, so the notice cites every document its rows come from
  const items = new Map<string, TItem>();
  const documentOf = new Map<string, string>();
  for (const p of [points, fines, service]) {
    for (const i of p.policy.items) {
      if (items.has(i.code)) continue;
      items.set(i.code, i);
      documentOf.set(i.code, p.policy.name);
    }
  }
  const rows: TBehaviourRow[] = [];
  for (const record of records) {
    const item = items.get(record.item);
    if (!item || (item.kind !== 'deduction' && item.kind !== 'fine')) continue;
    // A window-level record (黄牌警告) concerns every person of the window on its date (that the
    // viewer may see).
    const people =
      record.staffId !== null
        ? [record.staffId]
        : directory
            .membersOn(record.windowId, record.date)
            .filter((a) => scopeCoversStaff(viewer.scope, { id: a.staffId, windowId: a.windowId }))
            .map((a) => a.staffId);
    for (const id of people) {
      const n = namesOf(directory.names, id);
      const row: TBehaviourRow = {
        name: n.name,
        window: n.window,
        unit: n.unit,
        date: record.date,
        item: item.code,
        text: item.text,
        qty: record.qty,
      };
      if (item.kind === 'fine') row.fine = recordFine(item, record.qty);
      else row.points = recordPoints(item, record);
      if (record.note) row.note = record.note;
      // one case or one complaint recorded under both documents (B5 and F3, A3 and F7b) is one 人次
      if ((record.source === 'case' || record.source === 'complaint') && record.sourceId !== null) {
        row.event = `${record.source}:${record.sourceId}`;
      }
      rows.push(row);
    }
  }
  // every valid complaint of the period the viewer may see, whatever its cause: each of the public is
  // a 一票否决 for an assessed person (考核细则 二(三)), which the results print as a remark
  const staffById = new Map(directory.staff.map((s) => [s.id, s]));
  const assessedPosts = new Set(points.policy.assessment?.posts ?? []);
  const complaints = (
    await listComplaints(db, { centerId, from: range.start, to: range.end, isValid: true })
  ).flatMap((c) => {
    const person = c.staffId === null ? undefined : staffById.get(c.staffId);
    if (!person || !scopeCoversStaff(viewer.scope, person)) return [];
    const n = namesOf(directory.names, person.id);
    return [
      {
        name: n.name,
        window: n.window,
        unit: n.unit,
        date: c.date,
        channel: COMPLAINT_CHANNEL_LABELS[c.channel]?.zh ?? c.channel,
        cause: c.cause ? (COMPLAINT_CAUSE_LABELS[c.cause]?.zh ?? c.cause) : '—',
        // 考核细则 二(三) 群众投诉一票否决: an internal complaint is listed without the veto
        vetoes: assessedPosts.has(person.post) && complaintVetoes(c.channel),
      },
    ];
  });
  const cited = [points.policy.name];
  for (const row of rows) {
    const document = documentOf.get(row.item);
    if (document !== undefined && !cited.includes(document)) cited.push(document);
  }
  // the documents in the order of the policies (考核细则, 处罚办法, 规范化服务通知)
  const order = [points, fines, service].map((p) => p.policy.name);
  cited.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    kind: 'behaviours',
    center,
    period: month !== undefined ? { year, month } : { year, quarter: quarter! },
    policyTitles: cited,
    publishedOn: today,
    rows,
    complaints,
  };
}

/** 巡查值班记录表: blank, or filled from the patrols `patrols.list` gives for the day. */
export async function patrolBulletin(
  db: Db,
  centerId: number,
  today: string,
  date: string | undefined,
): Promise<TPatrolBulletin> {
  const [center, policy] = await Promise.all([
    centerName(db, centerId),
    policyInForce(db, centerId, 'B', date ?? '9999-12-31'),
  ]);
  const clauses = patrolClauses(policy.policy.items);
  const base: TPatrolBulletin = { kind: 'patrol', center, formOwner: center, clauses };
  if (date === undefined) return base;

  const patrols = await listPatrolsFor(db, centerId, today, { from: date, to: date }, 'date');
  if (patrols.length === 0) throw badInput('date', `${date}没有巡查记录`);
  const directory = await directoryOf(db, centerId);
  // The form's rows are the fines clauses: an F item goes to its clause's row; a finding under the
  // points policy goes to the row of the fines item the policy links it to (C4 迟到 → 一、1), else to a
  // last row 其他, with its code.
  const rowOfItem = new Map<string, number>();
  for (const item of policy.policy.items) {
    const match = /一、(\d+)$/.exec(item.clause);
    if (match) rowOfItem.set(item.code, Number(match[1]));
  }
  const rowOf = (code: string) => rowOfItem.get(findingRowItem(policy.policy, code) ?? code);
  const otherRow = Math.max(0, ...clauses.map((c) => c.no)) + 1;
  const findings: Record<number, TPatrolFinding> = {};
  let hasOther = false;
  for (const patrol of patrols) {
    for (const finding of patrol.findings) {
      const row = rowOf(finding.clause) ?? otherRow;
      const isOwnItem = rowOfItem.has(finding.clause);
      if (row === otherRow) hasOther = true;
      const who =
        finding.staffId !== null
          ? `${namesOf(directory.names, finding.staffId).window} ${namesOf(directory.names, finding.staffId).name}`
          : finding.windowId !== null
            ? (directory.windowName.get(finding.windowId) ?? '')
            : '';
      // a finding recorded under another policy's code keeps it beside the text (（C4）)
      const text = `${who}：${finding.finding}${isOwnItem ? '' : `（${finding.clause}）`}`;
      const cell = findings[row] ?? {};
      findings[row] = cell;
      cell[patrol.session] = cell[patrol.session] ? `${cell[patrol.session]}；${text}` : text;
    }
  }
  const unique = (values: string[]) => [...new Set(values.filter(Boolean))];
  return {
    ...base,
    clauses: hasOther ? [...clauses, { no: otherRow, text: '其他（《考核细则》所列不规范行为）' }] : clauses,
    patrol: {
      date,
      dutyLeader: unique(patrols.map((p) => p.dutyLeader)).join('、'),
      inspectors: unique(patrols.flatMap((p) => p.inspectors.split(/[、,，]/).map((s) => s.trim()))),
      findings,
    },
  };
}

/** 红旗窗口通报 (a month's, or the year's without a month): the awards `awards.list` gives. */
export async function awardsBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month?: number | undefined },
): Promise<TAwardsBulletin> {
  const { year, month } = input;
  const scope = month === undefined ? 'annual' : 'monthly';
  const awards = await listAwardsFor(db, centerId, today, {
    year,
    kind: scope === 'monthly' ? 'redFlagMonthly' : 'redFlagAnnual',
  });
  const [center, directory, policy] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', `${year}-12-31`),
  ]);
  const link = awardLink(policy.policy, scope === 'monthly' ? 'redFlagMonthly' : 'redFlagAnnual');
  const linked = link && policyItem(policy.policy, link.item);
  // the bonus the award records for every person of the window (考核细则 一(四)6); none without a link
  const bonus = linked ? recordPoints(linked, { level: link.level }) : null;
  // 考核细则 一(四)6: a year whose annual flag is not given yet prints its monthly flags so far,
  // marked as not the annual award (never "没有评出红旗窗口" while monthly flags stand)
  const pending = month === undefined ? annualAwardPending(year, today, awards.length > 0) : null;
  const monthly = pending
    ? (await listAwardsFor(db, centerId, today, { year, kind: 'redFlagMonthly' })).sort(
        (a, b) => (a.month ?? 0) - (b.month ?? 0) || a.date.localeCompare(b.date),
      )
    : [];
  const monthlyLink = pending ? awardLink(policy.policy, 'redFlagMonthly') : undefined;
  const monthlyItem = monthlyLink && policyItem(policy.policy, monthlyLink.item);
  const monthlyBonus = monthlyItem ? recordPoints(monthlyItem, { level: monthlyLink.level }) : null;
  const chosen = pending ? monthly : awards.filter((a) => month === undefined || a.month === month);
  // the notice states the window's valid complaints of the period from the complaints themselves, so
  // it never says 无有效投诉 of a window that has one (an award's reason is free text)
  const period =
    month === undefined ? { start: `${year}-01-01`, end: `${year}-12-31` } : monthRange(year, month);
  const validComplaints = await listComplaints(db, {
    centerId,
    from: period.start,
    to: period.end,
    isValid: true,
  });
  return {
    kind: 'awards',
    center,
    scope,
    period: month === undefined ? { year } : { year, month },
    policyTitle: policy.policy.name,
    publishedOn: chosen.at(-1)?.date ?? today,
    ...(pending && { annualPending: { asOf: today, reason: pending } }),
    rows: chosen.map((award) => {
      const window = directory.windows.find((w) => w.id === award.windowId);
      if (pending && award.month !== null) {
        // a monthly flag: its own month's complaints and the monthly bonus
        const { start, end } = monthRange(year, award.month);
        return {
          window: window?.name ?? String(award.windowId),
          unit: window ? (directory.unitName.get(window.unitId) ?? '—') : '—',
          staff: directory.membersOn(award.windowId, award.date).map((a) => a.staffName),
          reason: award.reason ?? '',
          validComplaints: validComplaints.filter(
            (c) => c.windowId === award.windowId && c.date >= start && c.date <= end,
          ).length,
          bonusPerPerson: monthlyBonus,
          month: award.month,
        };
      }
      return {
        window: window?.name ?? String(award.windowId),
        unit: window ? (directory.unitName.get(window.unitId) ?? '—') : '—',
        staff: directory.membersOn(award.windowId, award.date).map((a) => a.staffName),
        reason: award.reason ?? '',
        validComplaints: validComplaints.filter((c) => c.windowId === award.windowId).length,
        bonusPerPerson: bonus,
      };
    }),
  };
}

/** 年终总评: the rows of `assessment.yearEnd`, for the notice board (the cadre proposal is apart). */
export async function yearEndBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number },
): Promise<TYearEndBulletin> {
  const { year } = input;
  const year_ = await yearEnd(db, centerId, today, year);
  const [center, directory, policy, published] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', `${year}-12-31`),
    listLatestPublished(db, centerId, year, year),
  ]);
  return {
    kind: 'yearend',
    center,
    year,
    status: published.length === 4 ? 'published' : 'draft',
    policyTitle: policy.policy.name,
    publishedOn: today,
    ...(year_.isProvisional && {
      provisional: { asOf: today, endedQuarters: year_.endedQuarters },
    }),
    rows: year_.assessment.results.map((r) => withNamesOf(directory.names, r)),
  };
}

/**
 * 后备干部推荐名单: the candidates of `assessment.cadreCandidates` with their annual grade, an internal
 * document for the leaders, never part of the notice board's 年终总评.
 */
export async function cadresBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number },
): Promise<TCadresBulletin> {
  const { year } = input;
  const [year_, candidates, center, directory, published, pool] = await Promise.all([
    yearEnd(db, centerId, today, year),
    cadreCandidatesOf(db, centerId, today, year),
    centerName(db, centerId),
    directoryOf(db, centerId),
    listLatestPublished(db, centerId, year, year),
    listCadreReserve(db, { centerId }),
  ]);
  const grades = new Map(year_.assessment.results.map((r) => [r.staff, r.grade]));
  return {
    kind: 'cadres',
    center,
    year,
    status: published.length === 4 ? 'published' : 'draft',
    publishedOn: today,
    candidates: candidates.map((c) => ({
      ...withNamesOf(directory.names, c),
      grade: grades.get(c.staff) ?? null,
      // 考核细则 二(四) 推荐列入后备干部人才库: whether the pool holds the person already, and since when
      reserve: reserveStanding(pool.filter((e) => e.staffId === c.staffId)),
    })),
  };
}

/**
 * The bulletin of one kind and period as the center's operator reads it (the command line, which has
 * no user): the same functions the `bulletins` procedures call, over the whole center.
 */
export async function centerBulletinOf(
  db: Db,
  centerId: number,
  request: TBulletinRequest,
  today: string,
  settings: TBulletinSettings = {},
): Promise<TBulletin> {
  const viewer = centerViewer(centerId);
  switch (request.kind) {
    case 'results':
      return resultsBulletin(db, viewer, today, request, settings);
    case 'behaviours':
      return behavioursBulletin(db, viewer, today, request);
    case 'fines':
      return finesBulletin(db, centerId, today, request);
    case 'patrol':
      return patrolBulletin(db, centerId, today, request.date);
    case 'awards':
      return awardsBulletin(db, centerId, today, request);
    case 'yearend':
      return yearEndBulletin(db, centerId, today, request);
    case 'cadres':
      return cadresBulletin(db, centerId, today, request);
    case 'complaintLadder':
      return complaintLadderBulletin(db, centerId, today, request);
    case 'uniform':
      return uniformBulletin(db, centerId, today, request);
    case 'yellowcard':
      return yellowCardBulletin(db, centerId, today, request);
    case 'unitletters':
      return unitLettersBulletin(db, centerId, today, request);
    case 'ballot':
      return ballotBulletin(db, centerId, today, request);
  }
}
