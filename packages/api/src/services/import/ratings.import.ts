import {
  caseEventsOfKindOrUser,
  caseToRateAtAcceptance,
  type Db,
  findCasesByCodes,
  insertFollowUp,
  insertServiceRatings,
  listStaff,
  ratedStagesOfCases,
  type TCase,
  type TNewServiceRating,
  type TUser,
} from '@chuangkou/db';
import {
  isIsoDate,
  isPoorServiceRating,
  SERVICE_RATEABLE_STAGES,
  SERVICE_RATING_STAGE_LABELS,
  SERVICE_RATING_STAGES,
  serviceRatingLevelOfNational,
  type TServiceRatingStage,
} from '@chuangkou/rules';
import { centerCalendar } from '../calendar.service.ts';
import { caseRulesByDate } from '../cases/case-rules.ts';
import type { RowErrorList, TColumn, TRow, TRowBatches } from './import-columns.ts';

export const RATING_COLUMNS: TColumn[] = [
  { key: 'stage', header: '评价阶段', isRequired: true, example: '受理' },
  // the national 好差评 export writes 受理编码
  {
    key: 'code',
    header: '受理编号',
    aliases: ['受理编码'],
    isRequired: true,
    example: '2026110300000001',
  },
  { key: 'staffNo', header: '工号', isRequired: true, example: 'GX0001' },
  { key: 'level', header: '评价等级', isRequired: true, example: '5' },
  { key: 'time', header: '评价时间', isRequired: true, example: '2026-11-03 10:00:00' },
  { key: 'channel', header: '评价渠道', isRequired: false, example: '窗口评价器' },
  { key: 'comment', header: '评价内容', isRequired: false, example: '办事效率高' },
];

const STAGE_OF_LABEL = new Map<string, TServiceRatingStage>(
  SERVICE_RATING_STAGES.map((s) => [SERVICE_RATING_STAGE_LABELS[s].zh, s]),
);
/** 2026-11-03, 2026-11-03 10:00, 2026-11-03 10:00:00 (a T between them too) */
const TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const CHUNK = 2_000;

export interface TRatingImportCounts {
  rows: number;
  imported: number;
  skipped: number;
  /** ratings given after a reset of the query password: they count once a supervisor checked them */
  afterReset: number;
  followUps: number;
}

interface TPending {
  row: TRow;
  code: string;
  stage: TServiceRatingStage;
  staffId: number;
  level: number;
  day: string;
  ratedAt: string;
  channel: string | null;
  comment: string | null;
}

/**
 * 好差评 records as the national scheme exports them: the stage (受理/办结), the case by its acceptance
 * code, the person rated by 工号, the level 1–5 with 5 = 非常满意 (stored the other way round, as the
 * product counts levels), the time, the channel and the comment. A case and stage already rated is
 * skipped (importing the same file again changes nothing); the same case and stage with another level is
 * refused, since a rating is never changed.
 *
 * The rules of a rating given here hold for an imported one: a 办结 rating needs a decided case; a
 * rating given on or after the day the case's query password was reset at a window is marked and counts
 * once a supervisor checked it; a poor rating opens a follow-up due within the working days of the case
 * rules in force on the day it was given; and whoever handled a case cannot import its ratings.
 */
export async function importRatingRows(
  db: Db,
  user: TUser,
  today: string,
  rows: TRowBatches,
  errors: RowErrorList,
  onProgress: (rows: number) => void = () => {},
): Promise<TRatingImportCounts> {
  const staffByNo = new Map<string, number>();
  for (const s of await listStaff(db, { centerId: user.centerId, includeInactive: true }))
    if (s.staffNo !== null) staffByNo.set(s.staffNo, s.id);
  const calendar = await centerCalendar(db, user.centerId);
  const rulesOn = caseRulesByDate(db, user.centerId);
  const seen = new Set<string>();
  const counts: TRatingImportCounts = { rows: 0, imported: 0, skipped: 0, afterReset: 0, followUps: 0 };
  let chunk: TPending[] = [];

  const flush = async () => {
    const batch = chunk;
    chunk = [];
    if (batch.length === 0) return;
    const cases = await findCasesByCodes(
      db,
      user.centerId,
      batch.map((p) => p.code),
    );
    const ids = [...new Set([...cases.values()].map((c) => c.id))];
    const [rated, events] = await Promise.all([
      ratedStagesOfCases(db, ids),
      caseEventsOfKindOrUser(db, ids, 'resetQueryPassword', user.id),
    ]);
    const fresh: { p: TPending; c: TCase; isAfterReset: boolean }[] = [];
    for (const p of batch) {
      const c = cases.get(p.code);
      if (!c) {
        p.row.fail('code', `本中心没有受理编号为 ${p.code} 的办件`);
        continue;
      }
      const caseEvents = events.get(c.id) ?? [];
      // copying the platform's record of a case into the product (an imported step) is not handling it
      const hasHandled =
        (user.staffId !== null && user.staffId === c.staffId) ||
        caseEvents.some((e) => e.userId === user.id && e.payload.imported !== true);
      if (hasHandled) p.row.fail('code', '经办本办件的人员不能导入本办件的评价');
      const acceptedOn = c.acceptedOn ?? c.receivedOn;
      const isDecided = SERVICE_RATEABLE_STAGES.includes(c.stage);
      if (p.stage === 'decided' && !isDecided) p.row.fail('stage', '办件尚未办结，不能有办结评价');
      if (p.day < acceptedOn) p.row.fail('time', `评价时间早于办件受理日期 ${acceptedOn}`);
      else if (p.stage === 'decided' && isDecided && c.decidedOn !== null && p.day < c.decidedOn)
        p.row.fail('time', `办结评价的时间早于办结日期 ${c.decidedOn}`);
      const stored = rated.get(c.id)?.get(p.stage);
      if (stored !== undefined && stored !== p.level)
        p.row.fail(
          'level',
          `该办件已有${SERVICE_RATING_STAGE_LABELS[p.stage].zh}评价（等级不同），评价不能修改`,
        );
      if (p.row.isBad()) continue;
      if (stored !== undefined) {
        counts.skipped++;
        continue;
      }
      // on the reset's day or later the new password may have been used (its time of day is not kept)
      const isAfterReset = caseEvents.some((e) => e.kind === 'resetQueryPassword' && e.day <= p.day);
      fresh.push({ p, c, isAfterReset });
    }
    if (errors.count > 0 || fresh.length === 0) return;
    const records: TNewServiceRating[] = fresh.map(({ p, c, isAfterReset }) => ({
      caseId: c.id,
      centerId: c.centerId,
      windowId: c.windowId,
      staffId: p.staffId,
      level: p.level,
      comment: p.comment,
      day: p.day,
      stage: p.stage,
      channel: p.channel,
      ratedAt: p.ratedAt,
      isAfterReset,
    }));
    const ratingIds = await insertServiceRatings(db, records);
    counts.imported += records.length;
    counts.afterReset += records.filter((r) => r.isAfterReset).length;
    for (const [i, r] of records.entries()) {
      if (!isPoorServiceRating(r.level)) continue;
      const rules = await rulesOn(r.day);
      await insertFollowUp(db, {
        caseId: r.caseId,
        serviceRatingId: ratingIds[i]!,
        centerId: r.centerId,
        openedOn: r.day,
        dueOn: calendar.addWorkingDays(r.day, rules.serviceRatings.followUpWorkingDays),
      });
      counts.followUps++;
    }
  };

  for await (const read of rows)
    for (const row of read) {
      counts.rows++;
      const p = ratingOf(row, today, staffByNo, seen);
      if (p) chunk.push(p);
      if (chunk.length >= CHUNK) {
        await flush();
        onProgress(counts.rows);
      }
    }
  await flush();
  onProgress(counts.rows);
  return counts;
}

function ratingOf(
  row: TRow,
  today: string,
  staffByNo: Map<string, number>,
  seen: Set<string>,
): TPending | null {
  if (row.isBad()) return null;
  const stage = STAGE_OF_LABEL.get(row.get('stage'));
  if (!stage) row.fail('stage', `评价阶段须为 受理 或 办结，收到「${row.get('stage')}」`);
  const code = row.get('code');
  const key = `${code}|${stage}`;
  if (stage && seen.has(key)) row.fail('code', `受理编号 ${code} 的${row.get('stage')}评价在文件中重复`);
  seen.add(key);
  const staffId = staffByNo.get(row.get('staffNo'));
  if (staffId === undefined) row.fail('staffNo', `本中心没有工号为 ${row.get('staffNo')} 的工作人员`);
  const national = /^\d+$/.test(row.get('level')) ? Number(row.get('level')) : Number.NaN;
  const level = serviceRatingLevelOfNational(national);
  if (level === undefined)
    row.fail('level', `评价等级须为 1–5 的整数（5 = 非常满意，1 = 非常不满意），收到「${row.get('level')}」`);
  const m = TIME.exec(row.get('time'));
  const day = m?.[1] ?? '';
  const isTimeValid =
    m !== null &&
    isIsoDate(day) &&
    (m[2] === undefined || (Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60));
  if (!isTimeValid) row.fail('time', `时间无效：${row.get('time')}（格式 YYYY-MM-DD HH:MM:SS）`);
  else if (day > today) row.fail('time', `评价时间晚于今天（${today}）`);
  if (row.isBad() || !stage || staffId === undefined || level === undefined) return null;
  const opt = (k: string) => (row.get(k) === '' ? null : row.get(k).slice(0, 500));
  return {
    row,
    code,
    stage,
    staffId,
    level,
    day,
    ratedAt: m![2] === undefined ? day : `${day} ${m![2]}:${m![3]}:${m![4] ?? '00'}`,
    channel: opt('channel'),
    comment: opt('comment'),
  };
}

/** An example rating that imports cleanly into the center: a 受理 rating of a case not yet rated. */
export async function ratingExample(db: Db, centerId: number): Promise<Record<string, string>> {
  const c = await caseToRateAtAcceptance(db, centerId);
  if (!c) return {};
  return {
    stage: SERVICE_RATING_STAGE_LABELS.accepted.zh,
    code: c.acceptanceCode,
    staffNo: c.staffNo,
    time: `${c.acceptedOn} 10:00:00`,
  };
}
