import { uniformConfiscation } from '../complaints/complaint-ladder.ts';
import type { TPolicy } from '../policy/policy.schema.ts';
import { monthKey } from '../shared/dates.ts';
import {
  monthlyFines,
  type TFineRecord,
  type TMonthlyFines,
  type TMonthlyFinesInput,
} from './monthly-fines.ts';

/** A record of the month with the patrol that found it, where known (`"2026-07-01 morning"`). */
export type TUniformFineRecord = TFineRecord & { patrol?: string | undefined };

/** 没收工作服: a person whose uniform is confiscated this month, with the violations that led there. */
export interface TUniformConfiscation {
  staff: string;
  count: number;
  /** yuan, that month's fines for it */
  fine: number;
  /** the dates of the month's violations, in order, each once */
  dates: string[];
}

/** The month's uniform rule as applied: its reading (the center's) and who loses the uniform. */
export interface TUniformMonth {
  /** the uniform item's code (U1) */
  item: string;
  finePerTime: number;
  confiscateAt: number;
  requiresConsecutive: boolean;
  /** the center's reading of 连续 ({@link uniformReading}), printed apart from the seed's text */
  reading: { zh: string; en: string };
  confiscations: TUniformConfiscation[];
}

export type TMonthlyFinesWithUniform = TMonthlyFines & { uniform: TUniformMonth | null };

/**
 * The center's reading of 一个月连续违反3次及以上 (规范化服务通知 三(二)1), to print apart from the seed's
 * text (本中心细则): "连续" read as within one calendar month (domain.md), or, with the setting
 * `requiresConsecutive`, as consecutive patrols.
 */
export function uniformReading(rule: { confiscateAt: number; requiresConsecutive: boolean }): {
  zh: string;
  en: string;
} {
  return rule.requiresConsecutive
    ? {
        zh: `“连续违反”指连续${rule.confiscateAt}次及以上巡查（上午、下午各为一次）均发现未着工作服`,
        en: `"Consecutive" means found out of uniform on ${rule.confiscateAt} or more patrols in a row (morning and afternoon each count)`,
      }
    : {
        zh: `“一个月连续违反${rule.confiscateAt}次及以上”按同一自然月内累计${rule.confiscateAt}次及以上计，不要求相邻两次巡查`,
        en: `"${rule.confiscateAt} or more in a month" counts every violation in the calendar month, not only consecutive patrols`,
      };
}

/**
 * One month's fines under policy B together with policy C's uniform rule (规范化服务通知 三(二)1: 一次罚款
 * 10元，罚款直接从当月工资中扣除): the uniform fines join the month's summary, each person's line beside
 * the 处罚办法 ones, and the month's confiscations (没收工作服) are listed. Without a uniform rule in the
 * second policy, this is {@link monthlyFines}. `patrols` (the month's patrols in order) is needed only
 * when the policy counts consecutive patrols.
 */
export function monthlyFinesWithUniform(
  finesPolicy: TPolicy,
  uniformPolicy: TPolicy | null,
  input: Omit<TMonthlyFinesInput, 'records'> & {
    records: ReadonlyArray<TUniformFineRecord>;
    patrols?: ReadonlyArray<string>;
  },
): TMonthlyFinesWithUniform {
  const rule = uniformPolicy?.uniform;
  if (!uniformPolicy || !rule) return { ...monthlyFines(finesPolicy, input), uniform: null };
  const isUniform = (r: TFineRecord) => r.item === rule.item;
  const base = monthlyFines(finesPolicy, { ...input, records: input.records.filter((r) => !isUniform(r)) });
  const prefix = `${monthKey(input.year, input.month)}-`;
  const violations = input.records.filter((r) => isUniform(r) && r.date.startsWith(prefix));
  const results = uniformConfiscation(uniformPolicy, {
    year: input.year,
    month: input.month,
    violations: violations.map((v) => ({
      staff: v.staff,
      date: v.date,
      ...(v.qty !== undefined && { qty: v.qty }),
      ...(v.patrol !== undefined && { patrol: v.patrol }),
    })),
    ...(input.patrols !== undefined && { patrols: input.patrols }),
  });
  const datesOf = (staff: string) =>
    [...new Set(violations.filter((v) => v.staff === staff).map((v) => v.date))].sort();
  const staff = [...base.staff];
  let total = base.total;
  for (const r of results) {
    const line = { item: rule.item, count: r.count, amount: r.fine, dates: datesOf(r.staff) };
    const at = staff.findIndex((s) => s.staff === r.staff);
    const entry = staff[at];
    if (entry) staff[at] = { ...entry, lines: [...entry.lines, line], total: entry.total + r.fine };
    else
      staff.push({
        staff: r.staff,
        lines: [line],
        total: r.fine,
        forfeitsMonthlyBonus: false,
        forfeitItems: [],
        reportItems: [],
      });
    total += r.fine;
  }
  staff.sort((a, b) => (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : 0));
  return {
    ...base,
    staff,
    total,
    uniform: {
      item: rule.item,
      finePerTime: rule.finePerTime,
      confiscateAt: rule.confiscateAt,
      requiresConsecutive: rule.requiresConsecutive,
      reading: uniformReading(rule),
      confiscations: results
        .filter((r) => r.confiscate)
        .map((r) => ({ staff: r.staff, count: r.count, fine: r.fine, dates: datesOf(r.staff) })),
    },
  };
}
