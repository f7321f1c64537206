import { type Db, listAwards, type TAwardKind, type TWindowAward } from '@chuangkou/db';
import { assertYearBegun } from './periods.ts';

/**
 * `awards.list`: the awards of a center (every signed-in user reads them, as the notice board shows
 * them), of a year that has begun. The red-flag bulletin reads through the same function.
 */
export async function listAwardsFor(
  db: Db,
  centerId: number,
  today: string,
  filter: { year?: number | undefined; windowId?: number | undefined; kind?: TAwardKind | undefined },
): Promise<TWindowAward[]> {
  if (filter.year !== undefined) assertYearBegun(filter.year, today);
  return listAwards(db, { centerId, year: filter.year, windowId: filter.windowId, kind: filter.kind });
}
