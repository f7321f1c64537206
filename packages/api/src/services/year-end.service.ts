import { type Db, listComplaints } from '@chuangkou/db';
import {
  assessYear,
  cadreCandidates,
  notEndedRefusal,
  periodRefusal,
  periodState,
  type TQuarterAssessment,
} from '@chuangkou/rules';
import { badInput } from '../errors.ts';
import { quarterView, type TNamedResult } from './assessment.service.ts';
import { assertPeriodShown } from './periods.ts';
import { policyInForce } from './policy.service.ts';

/**
 * 年终总评 from the year's ended quarters (published snapshots, else live drafts); a running year is
 * provisional (`isProvisional`): it averages the quarters that have ended only.
 */
export async function yearEnd(db: Db, centerId: number, today: string, year: number) {
  await assertPeriodShown(db, centerId, { year }, today, 'year');
  const quarters: TQuarterAssessment[] = [];
  const names = new Map<string, TNamedResult>();
  for (const q of [1, 2, 3, 4] as const) {
    if (periodState({ year, quarter: q }, today) !== 'ended') continue;
    const view = await quarterView(db, centerId, year, q);
    if (view.results.length === 0) continue;
    quarters.push({ period: view.period, results: view.results });
    for (const r of view.results) names.set(r.staff, r);
  }
  const isProvisional = periodState({ year }, today) === 'running';
  if (quarters.length === 0) {
    throw badInput(
      'year',
      isProvisional
        ? `${year}年尚无已结束的季度，年终总评须待第一季度结束`
        : periodRefusal({ year }, today, { beganOn: '0000-01-01', hasData: false })!,
    );
  }
  const policy = await policyInForce(db, centerId, 'A', `${year}-12-31`);
  const complaints = await listComplaints(db, {
    centerId,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    isValid: true,
  });
  // the home unit of the person's latest assessed quarter, for a quota taken per unit (考核细则 二(一))
  const units: Record<string, string> = {};
  // (no unit: the group of those without one, as the quarter ranks them)
  for (const [staff, n] of names) units[staff] = n.unitId === null ? '' : String(n.unitId);
  const assessment = assessYear(policy.policy, {
    year,
    quarters,
    units,
    complaints: complaints
      .filter((c) => c.staffId !== null && names.has(String(c.staffId)))
      .map((c) => ({ staff: String(c.staffId), date: c.date, valid: true, channel: c.channel })),
  });
  const named = assessment.results.map((r) => {
    const n = names.get(r.staff);
    return {
      staffId: Number(r.staff),
      staffName: n?.staffName ?? r.staff,
      windowName: n?.windowName ?? null,
      unitName: n?.unitName ?? null,
      windowId: n?.windowId ?? null,
      ...r,
    };
  });
  return {
    assessment,
    results: named,
    names,
    isProvisional,
    endedQuarters: quarters.map((q) => q.period.quarter),
  };
}

/** 后备干部 proposals for a year; leaders confirm them against the cadre conditions. */
export async function cadreCandidatesOf(db: Db, centerId: number, today: string, year: number) {
  // a year not begun is refused as every period is; a running year's grades are provisional, so the
  // candidates are proposed only once it has ended
  if (periodState({ year }, today) === 'future')
    throw badInput('year', periodRefusal({ year }, today, { beganOn: null })!);
  const notEnded = notEndedRefusal({ year }, today, 'cadres');
  if (notEnded) throw badInput('year', notEnded);
  const { assessment, names } = await yearEnd(db, centerId, today, year);
  return cadreCandidates(assessment).map((c) => {
    const n = names.get(c.staff);
    return {
      staffId: Number(c.staff),
      staffName: n?.staffName ?? c.staff,
      windowName: n?.windowName ?? null,
      unitName: n?.unitName ?? null,
      ...c,
    };
  });
}
