import type { TComplaintLadderBulletin, TUniformBulletin } from '@chuangkou/bulletin';
import type { Db } from '@chuangkou/db';
import {
  COMPLAINT_CAUSE_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  monthRange,
  periodState,
  uniformReading,
} from '@chuangkou/rules';
import { badInput } from '../errors.ts';
import { centerName, directoryOf, namesOf } from './bulletin.service.ts';
import { complaintLadderOf } from './complaints.service.ts';
import { monthlySummaryFor } from './fines.service.ts';
import { itemOf, policyInForce } from './policy.service.ts';

/**
 * 投诉处理决定 (规范化服务通知 一(一)) for one person: their row of `complaints.ladder`, each counted
 * complaint with its channel and cause, the seed's clause and the consequence of the step reached.
 */
export async function complaintLadderBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; staffId: number },
): Promise<TComplaintLadderBulletin> {
  const [ladder, center, directory] = await Promise.all([
    complaintLadderOf(db, centerId, today, input.year),
    centerName(db, centerId),
    directoryOf(db, centerId),
  ]);
  if (!directory.staff.some((s) => s.id === input.staffId)) throw badInput('staffId', '没有该工作人员');
  const row = ladder.rows.find((r) => r.staffId === input.staffId);
  return {
    kind: 'complaintLadder',
    center,
    year: input.year,
    asOf: ladder.asOf,
    issuedOn: today,
    policyTitle: ladder.policy.name,
    clause: ladder.clause ?? '',
    text: ladder.text ?? '',
    reading: ladder.reading.zh,
    person: namesOf(directory.names, input.staffId),
    steps: (row?.steps ?? []).map((step) => ({
      count: step.count,
      date: step.date,
      channel: step.complaint ? COMPLAINT_CHANNEL_LABELS[step.complaint.channel].zh : '—',
      cause: step.complaint?.cause ? COMPLAINT_CAUSE_LABELS[step.complaint.cause].zh : '—',
      content: step.complaint?.content ?? '',
      decision: step.text,
    })),
    decision: row?.current.text ?? '',
  };
}

/**
 * 没收工作服通知 (规范化服务通知 三(二)1) of a month: the confiscations of `fines.monthly` (as signed once
 * 审管科 has signed), with the seed's text of U1 and the center's reading of 连续.
 */
export async function uniformBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month: number },
): Promise<TUniformBulletin> {
  const { end } = monthRange(input.year, input.month);
  const [fines, center, directory, policy] = await Promise.all([
    monthlySummaryFor(db, centerId, today, input),
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'C', end),
  ]);
  const rule = policy.policy.uniform;
  const item = rule ? itemOf(policy.policy, rule.item) : undefined;
  const uniform = fines.uniform ?? null;
  const bulletin: TUniformBulletin = {
    kind: 'uniform',
    center,
    period: input,
    issuedOn: today,
    policyTitle: policy.policy.name,
    clause: item?.clause ?? '',
    text: item?.text ?? '',
    reading: rule ? uniformReading(rule).zh : '',
    rows: (uniform?.confiscations ?? []).map((c) => ({
      ...namesOf(directory.names, c.staff),
      count: c.count,
      fine: c.fine,
      dates: c.dates,
    })),
  };
  return periodState(input, today) === 'running' ? { ...bulletin, runningAsOf: today } : bulletin;
}
