import type { TFinesBulletin } from '@chuangkou/bulletin';
import type { Db, TSignOffLine } from '@chuangkou/db';
import { monthRange, periodState, SIGN_OFF_LINES } from '@chuangkou/rules';
import { centerName, directoryOf, namesOf, withNamesOf } from './bulletin.service.ts';
import { monthlySummaryFor, type TNamedFineChange } from './fines.service.ts';
import { policyInForce } from './policy.service.ts';

/** 月度处罚汇总（签批）: the summary `fines.monthly` shows (as signed, once 审管科 has signed). */
export async function finesBulletin(
  db: Db,
  centerId: number,
  today: string,
  input: { year: number; month: number },
): Promise<TFinesBulletin> {
  const { year, month } = input;
  const { end } = monthRange(year, month);
  const fines = await monthlySummaryFor(db, centerId, today, input);
  const [center, directory, policy, uniformPolicy] = await Promise.all([
    centerName(db, centerId),
    directoryOf(db, centerId),
    policyInForce(db, centerId, 'B', end),
    policyInForce(db, centerId, 'C', end),
  ]);
  const bulletin: TFinesBulletin = {
    kind: 'fines',
    center,
    period: { year, month },
    policyTitle: policy.policy.name,
    // the 处罚办法's clauses, and the 规范化服务通知's uniform fine (U1) when the month has one
    itemTexts: Object.fromEntries(
      [...policy.policy.items, ...uniformPolicy.policy.items].map((i) => [i.code, i.text]),
    ),
    compiledOn: today,
    staff: fines.staff.map((s) => withNamesOf(directory.names, s)),
    reportToUnit: fines.reportToUnit.map((r) => ({
      staff: r.staff,
      items: r.items,
      counts: r.counts,
      ...(r.groupCounts && { groupCounts: r.groupCounts }),
    })),
    barredFromAwards: { staff: fines.barredFromAwards.staff.map((s) => String(s.staffId)) },
  };
  if (periodState(input, today) === 'running') return { ...bulletin, runningAsOf: today };
  // who signed each line and when, or 未签; the changes since, as supplements
  const byLine = (signatures: { role: TSignOffLine; userName: string; signedAt: string }[]) =>
    SIGN_OFF_LINES.map((line) => signatures.find((x) => x.role === line) ?? null);
  const changeRows = (changes: TNamedFineChange[]) =>
    changes.map((c) => ({
      ...namesOf(directory.names, c.staff),
      items: (c.after?.lines ?? []).map((l) => `${l.item}×${l.count}`).join('、'),
      before: c.before?.total ?? null,
      after: c.after?.total ?? null,
      difference: c.difference,
    }));
  return {
    ...bulletin,
    signatures: byLine(fines.signOff.signatures),
    isChangedSinceSigned: fines.signOff.isChangedSinceSigned,
    supplements: [
      ...fines.supplements.map((x) => ({
        number: x.supplement,
        changes: changeRows(x.changes),
        signatures: byLine(x.signOff.signatures),
      })),
      ...(fines.pendingChanges.length > 0
        ? [{ number: null, changes: changeRows(fines.pendingChanges), signatures: byLine([]) }]
        : []),
    ],
  };
}
