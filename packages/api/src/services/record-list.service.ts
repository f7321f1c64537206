import { type Db, listRecords, type TConductRecord } from '@chuangkou/db';
import { forbidden } from '../errors.ts';
import { assertRangeBegun } from './periods.ts';
import { staffInCenter, type TViewer, windowInCenter } from './scope.ts';

export interface TRecordListInput {
  from?: string | undefined;
  to?: string | undefined;
  staffId?: number | undefined;
  windowId?: number | undefined;
  scheme?: 'points' | 'fine' | undefined;
  status?: 'active' | 'revoked' | undefined;
  /** at most this many records, newest first (the repository's default otherwise) */
  limit?: number | undefined;
  /** keyset: continue after this record (newest first) */
  before?: { date: string; id: number } | undefined;
}

/**
 * `records.list`: the records a viewer may see, a person's own (staff), a window's (head: its people's
 * and the window-level ones), or the center's; a period that has not begun is refused (`periodField`
 * names the field of the caller's own input). The behaviours bulletin reads through the same function.
 */
export async function listRecordsFor(
  db: Db,
  viewer: TViewer,
  today: string,
  input: TRecordListInput,
  periodField = 'from',
): Promise<TConductRecord[]> {
  if (input.from !== undefined) assertRangeBegun(input.from, today, periodField);
  const { scope, centerId } = viewer;
  let staffId = input.staffId;
  const windowId = input.windowId;
  if (staffId !== undefined) {
    const s = await staffInCenter(db, viewer, staffId);
    if (scope.kind === 'self' && s.id !== scope.staffId) throw forbidden('只能查看本人的记录');
    if (scope.kind === 'window' && s.windowId !== scope.windowId) throw forbidden('只能查看本窗口的记录');
  }
  if (windowId !== undefined) {
    await windowInCenter(db, viewer, windowId);
    if (scope.kind === 'self') throw forbidden('只能查看本人的记录');
    if (scope.kind === 'window' && windowId !== scope.windowId) throw forbidden('只能查看本窗口的记录');
  }
  if (scope.kind === 'self') staffId = scope.staffId;
  const filter = {
    centerId,
    from: input.from,
    to: input.to,
    scheme: input.scheme,
    status: input.status,
    limit: input.limit,
    before: input.before,
  };
  // a head's view: the window's people's records and the window-level ones, chosen in SQL so a page
  // is a page
  if (scope.kind === 'window' && staffId === undefined)
    return listRecords(db, { ...filter, windowIds: [scope.windowId] });
  return listRecords(db, { ...filter, staffId, windowId });
}
