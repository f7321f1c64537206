import type {
  TBallotBulletin,
  TUnitLetter,
  TUnitLetterEntry,
  TUnitLettersBulletin,
  TYellowCardBulletin,
} from '@chuangkou/bulletin';
import { type Db, listAssignmentsDuring } from '@chuangkou/db';
import {
  awardLink,
  monthRange,
  periodRoster,
  periodState,
  policyItem,
  quarterRange,
  recordPoints,
  type TItem,
} from '@chuangkou/rules';
import { quarterView } from './assessment.service.ts';
import { quarterColleagues } from './assignments.service.ts';
import { listAwardsFor } from './award-list.service.ts';
import { centerName, directoryOf } from './bulletin.service.ts';
import { monthlySummaryFor } from './fines.service.ts';
import { policyInForce } from './policy.service.ts';
import { listRecordsFor } from './record-list.service.ts';
import { centerViewer } from './scope.ts';

/**
 * The notices of issue 14's items 13, 14 and 16 from the database, each read through the functions of
 * its matching query (`awards.list`, `fines.monthly`, `org.colleagues`), as every bulletin is.
 */

/** 黄牌警告通报 of a month, or of a year without a month: the yellow cards `awards.list` gives. */
export async function yellowCardBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month?: number | undefined },
): Promise<TYellowCardBulletin> {
  const { year, month } = input;
  const cards = (await listAwardsFor(db, centerId, today, { year, kind: 'yellowCard' }))
    .filter((a) => month === undefined || a.month === month)
    .sort((a, b) => a.date.localeCompare(b.date));
  const [center, directory, policy] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', month === undefined ? `${year}-12-31` : monthRange(year, month).end),
  ]);
  // 考核细则 一(二)8: the card's deduction for every person of the window on its date
  const link = awardLink(policy.policy, 'yellowCard');
  const item = link && policyItem(policy.policy, link.item);
  const points = item ? recordPoints(item, {}) : null;
  return {
    kind: 'yellowcard',
    center,
    period: month === undefined ? { year } : { year, month },
    policyTitle: policy.policy.name,
    clause: item ? { clause: item.clause, text: item.text } : null,
    publishedOn: cards.at(-1)?.date ?? today,
    rows: cards.map((card) => {
      const window = directory.windows.find((w) => w.id === card.windowId);
      return {
        window: window?.name ?? String(card.windowId),
        unit: window ? (directory.unitName.get(window.unitId) ?? '—') : '—',
        date: card.date,
        staff: directory.membersOn(card.windowId, card.date).map((a) => a.staffName),
        reason: card.reason ?? '',
        pointsPerPerson: points,
      };
    }),
  };
}

/**
 * 通报所在单位 / 退回所在单位 for a month, one letter per home unit (考核细则 二(二) 向所在单位领导通报):
 * the month's report-to-unit list of `fines.monthly` (处罚办法: 一月内出现三次以上), the month's records
 * of items that notify the unit (考核细则 一(三)1–3) or are circulated (一(一)5 通报批评), and, in a
 * quarter's last month once the quarter has ended, the people returned to their unit (二(一): 连续二次考核为
 * “不称职”). Each person is put under the unit of their assignment in the month (the quarter for a return).
 */
export async function unitLettersBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month: number },
): Promise<TUnitLettersBulletin> {
  const { year, month } = input;
  const range = monthRange(year, month);
  const fines = await monthlySummaryFor(db, centerId, today, input);
  const [center, directory, points, finesPolicy, assignments, records] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', range.end),
    policyInForce(db, centerId, 'B', range.end),
    listAssignmentsDuring(db, { centerId, from: range.start, to: range.end }),
    listRecordsFor(db, centerViewer(centerId), today, {
      from: range.start,
      to: range.end,
      status: 'active',
      limit: 1_000_000,
    }),
  ]);
  const roster = new Map(periodRoster(assignments, range.start, range.end).map((e) => [e.staffId, e.main]));
  const windowName = (id: number | null) => (id === null ? '—' : (directory.windowName.get(id) ?? '—'));
  const unitName = (id: number | null) => (id === null ? '—' : (directory.unitName.get(id) ?? '—'));
  const byUnit = new Map<string, { entries: TUnitLetterEntry[]; readings: Set<string> }>();
  // the center's readings behind each letter's entries, printed apart from the seed's words
  let readings = new Set<string>();
  const add = (unit: string, entry: TUnitLetterEntry) => {
    let letter = byUnit.get(unit);
    if (!letter) {
      letter = { entries: [], readings: new Set() };
      byUnit.set(unit, letter);
    }
    letter.entries.push(entry);
    readings = letter.readings;
  };
  const personOf = (staffId: number) => {
    const main = roster.get(staffId);
    const n = directory.names.get(staffId);
    return {
      name: n?.name ?? String(staffId),
      window: main ? windowName(main.windowId) : (n?.window ?? '—'),
      unit: main ? unitName(main.unitId) : (n?.unit ?? '—'),
    };
  };
  const reading = (item: TItem) => {
    if (item.centerRule) readings.add(`${item.clause}：${item.centerRule}`);
  };

  // 处罚办法: 一月内出现三次以上行为，向科室、窗口的主管单位通报 (and F5, reported every time)
  const finesItems = new Map(finesPolicy.policy.items.map((i) => [i.code, i]));
  for (const report of fines.reportToUnit) {
    const person = personOf(report.staffId);
    for (const code of report.items) {
      const item = finesItems.get(code);
      if (!item) continue;
      const count = report.groupCounts?.[code] ?? report.counts[code] ?? 0;
      const own = report.counts[code] ?? 0;
      add(person.unit, {
        name: person.name,
        window: person.window,
        cause: 'report',
        fact: item.fine?.reportAlways
          ? `${month}月${own}次`
          : `${month}月${count}次${count !== own ? `（本项${own}次）` : ''}`,
        clause: `《${finesPolicy.policy.name}》${item.clause.replace(/^\S+\s*/, '')}`,
        seedText: item.text,
      });
      reading(item);
      if (!item.fine?.reportAlways)
        readings.add('“三次以上”含三次：一个月内同一条款第三次起即通报所在单位。');
      if (count !== own) readings.add('同一条款下的各项（如缺勤缺岗与未挂胸牌）合并计次，达三次即通报。');
    }
  }

  // 考核细则: the items that notify the unit (一(三)1–3) or circulate a criticism (一(一)5), each record
  const pointsItems = new Map(points.policy.items.map((i) => [i.code, i]));
  for (const record of records) {
    const item = pointsItems.get(record.item);
    const flags = item?.flags ?? [];
    const cause = flags.includes('circulatedCriticism')
      ? 'circulatedCriticism'
      : flags.includes('notifyUnit')
        ? 'notifyUnit'
        : null;
    if (!item || !cause || record.staffId === null) continue;
    const person = personOf(record.staffId);
    add(person.unit, {
      name: person.name,
      window: person.window,
      cause,
      fact: `${record.date}${record.qty > 1 ? ` ×${record.qty}` : ''}${record.note ? `：${record.note}` : ''}`,
      clause: `《${points.policy.name}》${item.clause.replace(/^\S+\s*/, '')}`,
      seedText: item.text,
    });
    reading(item);
  }

  // 考核细则 二(一): 连续二次考核为“不称职”的人员将退回所在单位, in the quarter's last month once it has ended
  const quarter = month % 3 === 0 ? ((month / 3) as 1 | 2 | 3 | 4) : null;
  if (quarter !== null && periodState({ year, quarter }, today) === 'ended') {
    const view = await quarterView(db, centerId, year, quarter);
    for (const r of view.results) {
      if (!r.flags.includes('returnToUnit')) continue;
      const previous = quarter === 1 ? `${year - 1}年第4季度` : `第${quarter - 1}季度`;
      add(r.unitName ?? '—', {
        name: r.staffName,
        window: r.windowName ?? '—',
        cause: 'returnToUnit',
        fact: `${year}年${previous}、第${quarter}季度连续“不称职”（本季度${r.total}分）`,
        clause: `《${points.policy.name}》二(一)`,
        seedText: '对季度考核为“不称职”的人员给予批评教育，连续二次考核为“不称职”的人员将退回所在单位。',
      });
      if (quarter === 1) readings.add('上一年第四季度与本年第一季度视为连续二次考核。');
    }
  }

  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const letters: TUnitLetter[] = [...byUnit]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([unit, letter]) => ({
      unit,
      entries: letter.entries.sort(
        (a, b) => collator.compare(a.window, b.window) || collator.compare(a.name, b.name),
      ),
      interpretations: [...letter.readings],
    }));
  const cited = [points.policy.name];
  if (fines.reportToUnit.length > 0) cited.push(finesPolicy.policy.name);
  return {
    kind: 'unitletters',
    center,
    period: { year, month },
    policyTitles: cited,
    publishedOn: today,
    letters,
    ...(periodState(input, today) === 'running' && { runningAsOf: today }),
  };
}

/**
 * 季度互评表 (考核细则 一(三)7 好中差三档互评) on paper: the colleagues `org.colleagues` gives for the
 * quarter, grouped by the window where each served the most days of it.
 */
export async function ballotBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; quarter: 1 | 2 | 3 | 4 },
): Promise<TBallotBulletin> {
  const { end } = quarterRange(input.year, input.quarter);
  const [colleagues, center, directory, policy] = await Promise.all([
    quarterColleagues(db, centerId, input, today),
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'A', end),
  ]);
  const peer = policy.policy.assessment?.peer;
  const item = peer ? policyItem(policy.policy, peer.item) : undefined;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const groups = new Map<number | null, string[]>();
  for (const c of colleagues) {
    const list = groups.get(c.windowId);
    if (list) list.push(c.name);
    else groups.set(c.windowId, [c.name]);
  }
  return {
    kind: 'ballot',
    center,
    period: { year: input.year, quarter: input.quarter },
    policyTitle: policy.policy.name,
    clause: item ? { clause: item.clause, text: item.text } : null,
    groups: [...groups]
      .map(([windowId, members]) => {
        const window = directory.windows.find((w) => w.id === windowId);
        return {
          window: window?.name ?? '未分配窗口',
          unit: window ? (directory.unitName.get(window.unitId) ?? '—') : '—',
          members: members.sort((a, b) => collator.compare(a, b)),
        };
      })
      .sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.window, b.window)),
  };
}
