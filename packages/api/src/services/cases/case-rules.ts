import type { Db } from '@chuangkou/db';
import { caseRulesOf, type TCaseRules } from '@chuangkou/rules';
import { policyInForce } from '../policy.service.ts';

/** The case rules (policy D) of a center in force on a date: limits, warnings, what an overdue case feeds. */
export async function caseRulesInForce(db: Db, centerId: number, date: string): Promise<TCaseRules> {
  return caseRulesOf((await policyInForce(db, centerId, 'D', date)).policy);
}

/** The case rules in force on each of several dates, read once per date. */
export function caseRulesByDate(db: Db, centerId: number): (date: string) => Promise<TCaseRules> {
  const byDate = new Map<string, Promise<TCaseRules>>();
  return (date) => {
    let rules = byDate.get(date);
    if (!rules) {
      rules = caseRulesInForce(db, centerId, date);
      byDate.set(date, rules);
    }
    return rules;
  };
}
