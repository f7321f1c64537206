import { BulletinError } from './bulletin.errors.ts';
import type { TQuarterResult, TResultsRow, TStaffNames } from './bulletin.types.ts';

/**
 * Adds names to the engine's results: `assessQuarter(policy, scenario).results` + a directory of
 * staff → `TResultsRow[]`, in the engine's order. A staff id missing from the directory is an error
 * naming the id (a bulletin never prints an id in place of a name).
 */
export function toResultsRows(
  results: readonly TQuarterResult[],
  directory: ReadonlyMap<string, TStaffNames> | Readonly<Record<string, TStaffNames>>,
): TResultsRow[] {
  const lookup = (id: string): TStaffNames | undefined =>
    directory instanceof Map ? directory.get(id) : (directory as Readonly<Record<string, TStaffNames>>)[id];
  return results.map((result, index) => {
    const names = lookup(result.staff);
    if (!names) {
      throw new BulletinError(
        'INVALID_INPUT',
        `第${index + 1}条考核结果的人员 ${result.staff} 不在人员名单中`,
        `result ${index + 1}: staff ${result.staff} is missing from the directory`,
        `rows[${index}].staff`,
      );
    }
    return { ...result, name: names.name, window: names.window, unit: names.unit };
  });
}
