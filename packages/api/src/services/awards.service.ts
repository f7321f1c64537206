import {
  type Db,
  insertAward,
  listAwards,
  listRecords,
  type TAwardKind,
  type TUser,
  type TWindowAward,
} from '@chuangkou/db';
import { monthRange } from '@chuangkou/rules';
import { badInput, conflict } from '../errors.ts';
import { audit } from './audit.ts';
import { itemOf, policyInForce } from './policy.service.ts';
import { createRecord } from './records.service.ts';
import { windowInCenter } from './scope.ts';

const KIND_ZH: Record<TAwardKind, string> = {
  redFlagMonthly: '月度红旗窗口',
  redFlagAnnual: '年度红旗窗口',
  yellowCard: '黄牌警告',
};

/**
 * Grants a red-flag award or a yellow card to a window and records its points for every person of the
 * window (D6 monthly / annual, B8). A window whose people had an F5 exposure that month cannot be the
 * month's red-flag window (处罚办法 F5).
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
    if (input.month === undefined) throw badInput('month', `${KIND_ZH[input.kind]}须填写月份`);
    const r = monthRange(input.year, input.month);
    if (input.kind === 'redFlagMonthly') {
      date = r.end;
      if (r.end > today)
        throw badInput('month', `${input.year}年${input.month}月尚未结束，不能评月度红旗窗口`);
      // 处罚办法 五: F5 exposure bars the window from that month's excellence awards
      const policyB = await policyInForce(db, user.centerId, 'B', r.end);
      const barring = new Set(
        policyB.policy.items.filter((i) => i.fine?.barsMonthlyAwards).map((i) => i.code),
      );
      const records = await listRecords(db, {
        centerId: user.centerId,
        from: r.start,
        to: r.end,
        status: 'active',
        scheme: 'fine',
      });
      const staffOfWindow = await db
        .selectFrom('staff')
        .select('id')
        .where('window_id', '=', window.id)
        .execute();
      const ids = new Set(staffOfWindow.map((s) => s.id));
      const barred = records.find(
        (rec) =>
          barring.has(rec.item) &&
          ((rec.staffId !== null && ids.has(rec.staffId)) || rec.windowId === window.id),
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
    throw conflict(`${window.name} 已获得该期${KIND_ZH[input.kind]}`, 'windowId');
  }
  const policyA = await policyInForce(db, user.centerId, 'A', date);
  const code = input.kind === 'yellowCard' ? 'B8' : 'D6';
  const item = itemOf(policyA.policy, code);
  let recordId: number | null = null;
  if (item) {
    const record = await createRecord(
      db,
      user,
      today,
      {
        windowId: window.id,
        item: code,
        level: code === 'D6' ? (input.kind === 'redFlagMonthly' ? 'monthly' : 'annual') : undefined,
        date,
        note: `${KIND_ZH[input.kind]}${input.reason ? `：${input.reason}` : ''}`,
        correctionReason: input.correctionReason,
      },
      'award',
      null,
    );
    recordId = record.id;
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
