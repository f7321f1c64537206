import { BulletinError } from './bulletin.errors.ts';
import type { TQuarterResult, TResultsRow, TStaffNames } from './bulletin.types.ts';

export type TStaffDirectory = ReadonlyMap<string, TStaffNames> | Readonly<Record<string, TStaffNames>>;

/**
 * Adds names to anything the engine returns per person (`assessQuarter(...).results`,
 * `assessYear(...).results`, `cadreCandidates(...)`, `monthlyFines(...).staff`), keeping its order.
 * A staff id missing from the directory is an error naming it: a bulletin never prints an id for a name.
 */
export function withNames<T extends { staff: string }>(
  items: readonly T[],
  directory: TStaffDirectory,
  field = 'rows',
): (T & TStaffNames)[] {
  const lookup = (id: string): TStaffNames | undefined =>
    directory instanceof Map ? directory.get(id) : (directory as Readonly<Record<string, TStaffNames>>)[id];
  return items.map((item, index) => {
    const names = lookup(item.staff);
    if (!names) {
      throw new BulletinError(
        'INVALID_INPUT',
        `第${index + 1}条记录的人员 ${item.staff} 不在人员名单中`,
        `${field}[${index}]: staff ${item.staff} is missing from the directory`,
        `${field}[${index}].staff`,
      );
    }
    return { ...item, name: names.name, window: names.window, unit: names.unit };
  });
}

/** `assessQuarter(policy, scenario).results` + names → the rows of a results bulletin. */
export function toResultsRows(results: readonly TQuarterResult[], directory: TStaffDirectory): TResultsRow[] {
  return withNames(results, directory, 'results');
}
