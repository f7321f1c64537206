import type { TFineLine, TStaffFines } from './monthly-fines.ts';

/** One person's change between a signed month and the month as it stands (补充汇总: the changes only). */
export interface TFineChange {
  staff: string;
  /** the lines and total as signed; null for a person the signed summary did not list */
  before: { lines: TFineLine[]; total: number } | null;
  /** the lines and total now; null for a person no longer fined */
  after: { lines: TFineLine[]; total: number } | null;
  /** after − before, in yuan */
  difference: number;
}

const key = (lines: ReadonlyArray<TFineLine>) =>
  lines.map((l) => `${l.item}:${l.count}:${l.amount}`).join('|');

/**
 * The changes of a month's fines after signing (处罚办法: the three-line sign-off; domain "Time": a
 * signed month that changes gets a supplement, 补充汇总, with the changes only, signed on the same lines;
 * the first signatures stay). People whose lines are as signed are left out.
 */
export function finesChanges(
  signed: ReadonlyArray<Pick<TStaffFines, 'staff' | 'lines' | 'total'>>,
  now: ReadonlyArray<Pick<TStaffFines, 'staff' | 'lines' | 'total'>>,
): TFineChange[] {
  const before = new Map(signed.map((s) => [s.staff, s]));
  const after = new Map(now.map((s) => [s.staff, s]));
  const changes: TFineChange[] = [];
  for (const staff of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(staff);
    const a = after.get(staff);
    const bLines = b && b.total !== 0 ? b : undefined;
    const aLines = a && a.total !== 0 ? a : undefined;
    if (
      key(bLines?.lines ?? []) === key(aLines?.lines ?? []) &&
      (bLines?.total ?? 0) === (aLines?.total ?? 0)
    )
      continue;
    changes.push({
      staff,
      before: bLines ? { lines: bLines.lines, total: bLines.total } : null,
      after: aLines ? { lines: aLines.lines, total: aLines.total } : null,
      difference: (aLines?.total ?? 0) - (bLines?.total ?? 0),
    });
  }
  return changes.sort((x, y) => (x.staff < y.staff ? -1 : x.staff > y.staff ? 1 : 0));
}
