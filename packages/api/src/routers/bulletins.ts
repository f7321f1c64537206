import { z } from 'zod';
import { badInput } from '../errors.ts';
import { ZDate, ZId, ZMonth, ZQuarter, ZQuarterInput, ZYear } from '../schemas.ts';
import {
  awardsBulletin,
  behavioursBulletin,
  cadresBulletin,
  finesBulletin,
  patrolBulletin,
  resultsBulletin,
  yearEndBulletin,
} from '../services/bulletin.service.ts';
import { ballotBulletin, unitLettersBulletin, yellowCardBulletin } from '../services/notices.service.ts';
import { complaintLadderBulletin, uniformBulletin } from '../services/policy-c-bulletin.service.ts';
import { viewerOf } from '../services/scope.ts';
import { authedProcedure, leaderProcedure, router, supervisorProcedure } from '../trpc.ts';

/**
 * The bulletins (printed notices and forms) as domain data; `/api/bulletins/<kind>` renders them.
 * Each has the base procedure, the scoping and the period checks of its matching query
 * (`DOWNLOADS` in access/access.table.ts), read through the same service function, so a download
 * shows exactly what the query shows the same user.
 */
export const bulletinsRouter = router({
  /** 季度考核结果公示 ↔ `assessment.quarter`: staff get their own row, heads their window's. */
  results: authedProcedure
    .input(ZQuarterInput)
    .query(async ({ ctx, input }) =>
      resultsBulletin(ctx.db, await viewerOf(ctx.db, ctx.user), ctx.today(), input),
    ),
  /** 不规范行为通报 of a quarter or a month ↔ `records.list` over that period. */
  behaviours: authedProcedure
    .input(z.object({ year: ZYear, quarter: ZQuarter.optional(), month: ZMonth.optional() }))
    .query(async ({ ctx, input }) =>
      behavioursBulletin(ctx.db, await viewerOf(ctx.db, ctx.user), ctx.today(), input),
    ),
  /** 月度处罚汇总（签批） ↔ `fines.monthly`. */
  fines: supervisorProcedure
    .input(z.object({ year: ZYear, month: ZMonth }))
    .query(({ ctx, input }) => finesBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 巡查值班记录表, blank or filled from a day's patrols ↔ `patrols.list`. */
  patrol: supervisorProcedure
    .input(z.object({ date: ZDate.optional() }).optional())
    .query(({ ctx, input }) => patrolBulletin(ctx.db, ctx.user.centerId, ctx.today(), input?.date)),
  /** 红旗窗口通报 of a month, or of the year without a month ↔ `awards.list`. */
  awards: authedProcedure
    .input(z.object({ year: ZYear, month: ZMonth.optional() }))
    .query(({ ctx, input }) => awardsBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 年终总评 ↔ `assessment.yearEnd`, the public year-end result. */
  yearend: supervisorProcedure
    .input(z.object({ year: ZYear }))
    .query(({ ctx, input }) => yearEndBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 后备干部推荐名单 ↔ `assessment.cadreCandidates`: an internal file of its own, for the leaders. */
  cadres: leaderProcedure
    .input(z.object({ year: ZYear }))
    .query(({ ctx, input }) => cadresBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 投诉处理决定 of one person ↔ `complaints.ladder` (规范化服务通知 一(一)). */
  complaintLadder: supervisorProcedure
    .input(z.object({ year: ZYear, staffId: ZId }))
    .query(({ ctx, input }) => {
      if (`${input.year}-01-01` > ctx.today()) throw badInput('year', `${input.year}年尚未开始`);
      return complaintLadderBulletin(ctx.db, ctx.user.centerId, ctx.today(), input);
    }),
  /** 没收工作服通知 of a month ↔ `fines.monthly` (规范化服务通知 三(二)1). */
  uniform: supervisorProcedure
    .input(z.object({ year: ZYear, month: ZMonth }))
    .query(({ ctx, input }) => uniformBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 黄牌警告通报 of a month, or of the year without a month ↔ `awards.list`. */
  yellowcard: authedProcedure
    .input(z.object({ year: ZYear, month: ZMonth.optional() }))
    .query(({ ctx, input }) => yellowCardBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 通报所在单位 / 退回所在单位: a month's letters, one per unit ↔ `fines.monthly` (its report list). */
  unitletters: supervisorProcedure
    .input(z.object({ year: ZYear, month: ZMonth }))
    .query(({ ctx, input }) => unitLettersBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
  /** 季度互评表 on paper, one sheet per window's group ↔ `org.colleagues`. */
  ballot: authedProcedure
    .input(ZQuarterInput)
    .query(({ ctx, input }) => ballotBulletin(ctx.db, ctx.user.centerId, ctx.today(), input)),
});
