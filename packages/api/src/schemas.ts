import { COMPLAINT_CAUSES, COMPLAINT_CHANNELS, isIsoDate, PEER_TIERS, STAFF_POSTS } from '@chuangkou/rules';
import { z } from 'zod';

/** A database id. */
export const ZId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
/** An ISO calendar date `YYYY-MM-DD` that exists. */
export const ZDate = z.string().refine(isIsoDate, { error: '须为有效日期，格式 YYYY-MM-DD' });
export const ZYear = z.number().int().min(2000).max(2100);
export const ZQuarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: '季度须为 1、2、3 或 4',
});
export const ZMonth = z.number().int().min(1).max(12);
/** A reason (revocation, correction): said in words, not a blank. */
export const ZReason = z.string().trim().min(2, { error: '请填写原因（至少2个字）' }).max(500);
export const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZQuarterInput = z.object({ year: ZYear, quarter: ZQuarter });
export type TQuarterInput = z.infer<typeof ZQuarterInput>;

/** Analytics filters: a year, optionally a quarter or a month, a unit or a window. */
const ZAnalyticsBase = z.object({
  year: ZYear,
  quarter: ZQuarter.optional(),
  month: ZMonth.optional(),
  unitId: ZId.optional(),
  windowId: ZId.optional(),
});
export const ZAnalyticsInput = ZAnalyticsBase.refine(
  (v) => v.quarter === undefined || v.month === undefined,
  {
    error: '季度和月份只能选一个',
    path: ['month'],
  },
);
export type TAnalyticsInput = z.infer<typeof ZAnalyticsInput>;
/** Analytics of one window's people (the window is required). */
export const ZStaffEfficiencyInput = ZAnalyticsBase.extend({ windowId: ZId }).refine(
  (v) => v.quarter === undefined || v.month === undefined,
  { error: '季度和月份只能选一个', path: ['month'] },
);
/** Analytics of one quarter (peer tiers, grades). */
export const ZQuarterAnalyticsInput = ZAnalyticsBase.omit({ month: true }).extend({ quarter: ZQuarter });

export const ZPeerTier = z.enum(PEER_TIERS);
export const ZChannel = z.enum(COMPLAINT_CHANNELS);
export const ZCause = z.enum(COMPLAINT_CAUSES);
export const ZPost = z.enum(STAFF_POSTS);
export const ZRole = z.enum(['admin', 'leader', 'supervisor', 'head', 'staff']);
export const ZItemCode = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,9}$/, { error: '条款编号格式不正确（如 A4、F8）' });

export const ZCreateRecordInput = z.object({
  staffId: ZId.optional(),
  windowId: ZId.optional(),
  item: ZItemCode,
  qty: z.number().int().min(1).max(1000).optional(),
  level: z.string().max(40).optional(),
  aggravated: z.boolean().optional(),
  date: ZDate,
  note: z.string().max(1000).optional(),
  correctionReason: ZReason.optional(),
});
export type TCreateRecordInput = z.infer<typeof ZCreateRecordInput>;
