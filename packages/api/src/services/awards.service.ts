import {
  type Db,
  insertAward,
  listAssignmentsDuring,
  listAwards,
  listRecords,
  type TAwardKind,
  type TUser,
  type TWindowAward,
} from '@chuangkou/db';
import {
  AWARD_KIND_LABELS,
  assignmentOn,
  awardBarringRecords,
  awardLink,
  monthRange,
  type TSpan,
} from '@chuangkou/rules';
import { badInput, conflict } from '../errors.ts';
import { audit } from './audit.ts';
import { policyInForce, recordPoliciesInForce } from './policy.service.ts';
import { createRecord } from './records.service.ts';
import { windowInCenter } from './scope.ts';

const kindZh = (kind: TAwardKind) => AWARD_KIND_LABELS[kind].zh;

/**
 * Grants a red-flag award or a yellow card to a window and records, for every person of the window,
 * the item the policies in force link to the award (`awardLink`: D6 monthly / annual and B8 under the
 * default policy A). A window whose people had an exposure that bars the month's awards (处罚办法 一、5)
 * cannot be the month's red-flag window.
 */
export async function grantAward(
  db: Db,
  user: TUser,
  today: string,
  input: {
    windowId: number;
    kind: TAwardKind;
    year: number;
    month?: number | undefined;
    date?: string | undefined;
    reason?: string | undefined;
    correctionReason?: string | undefined;
  },
): Promise<TWindowAward> {
  const window = await windowInCenter(db, user, input.windowId);
  let date: string;
  if (input.kind === 'redFlagAnnual') {
    if (input.month !== undefined) throw badInput('month', '年度红旗窗口不填月份');
    date = `${input.year}-12-31`;
    if (date > today) throw badInput('year', `${input.year}年尚未结束，不能评年度红旗窗口`);
  } else {
    if (input.month === undefined) throw badInput('month', `${kindZh(input.kind)}须填写月份`);
    const r = monthRange(input.year, input.month);
    if (input.kind === 'redFlagMonthly') {
      date = r.end;
      if (r.end > today)
        throw badInput('month', `${input.year}年${input.month}月尚未结束，不能评月度红旗窗口`);
      // 处罚办法 一、5: an exposure bars the window from that month's excellence awards
      const [policyB, records, assignments] = await Promise.all([
        policyInForce(db, user.centerId, 'B', r.end),
        listRecords(db, {
          centerId: user.centerId,
          from: r.start,
          to: r.end,
          status: 'active',
          scheme: 'fine',
        }),
        listAssignmentsDuring(db, { centerId: user.centerId, from: r.start, to: r.end }),
      ]);
      // the bar falls on the window the person served on the exposure's own date
      const spans = new Map<string, (TSpan & { windowId: number | null })[]>();
      for (const a of assignments) spans.set(String(a.staffId), [...(spans.get(String(a.staffId)) ?? []), a]);
      const [barred] = awardBarringRecords(
        policyB.policy,
        records.map((rec) => ({
          item: rec.item,
          date: rec.date,
          staff: rec.staffId?.toString(),
          window: rec.windowId?.toString(),
        })),
        String(window.id),
        (rec) => assignmentOn(spans.get(rec.staff!) ?? [], rec.date)?.windowId === window.id,
      );
      if (barred) {
        throw conflict(
          `${window.name} ${input.year}年${input.month}月有${barred.item}曝光记录，当月不得评为红旗窗口`,
          'windowId',
        );
      }
    } else {
      date = input.date ?? (r.end < today ? r.end : today);
      if (date > today || date < r.start || date > r.end)
        throw badInput('date', `日期须在${input.year}年${input.month}月内且不晚于今天`);
    }
  }
  const existing = await listAwards(db, {
    centerId: user.centerId,
    year: input.year,
    windowId: window.id,
    kind: input.kind,
  });
  if (input.kind !== 'yellowCard' && existing.some((a) => a.month === (input.month ?? null))) {
    throw conflict(`${window.name} 已获得该期${kindZh(input.kind)}`, 'windowId');
  }
  let recordId: number | null = null;
  for (const { policy } of await recordPoliciesInForce(db, user.centerId, date)) {
    const link = awardLink(policy, input.kind);
    if (!link) continue;
    const record = await createRecord(
      db,
      user,
      today,
      {
        windowId: window.id,
        item: link.item,
        level: link.level,
        date,
        note: `${kindZh(input.kind)}${input.reason ? `：${input.reason}` : ''}`,
        correctionReason: input.correctionReason,
      },
      'award',
      null,
    );
    recordId ??= record.id;
  }
  const award = await insertAward(db, {
    centerId: user.centerId,
    windowId: window.id,
    kind: input.kind,
    year: input.year,
    month: input.month ?? null,
    date,
    reason: input.reason ?? null,
    recordId,
    createdBy: user.id,
  });
  await audit(db, user, 'award', award.id, 'create', null, award);
  return award;
}
