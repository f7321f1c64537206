import { type Db, listRecords, listStaff, listWindows } from '@chuangkou/db';
import { monthlyFines, monthRange } from '@chuangkou/rules';
import { policyInForce } from './policy.service.ts';

/** Policy B for one month: fines per person, bonus forfeits, the report-to-unit list, awards barred. */
export async function finesOfMonth(db: Db, centerId: number, year: number, month: number) {
  const { start, end } = monthRange(year, month);
  const [policy, staff, windows, records] = await Promise.all([
    policyInForce(db, centerId, 'B', end),
    listStaff(db, { centerId, includeInactive: true }),
    listWindows(db, centerId),
    listRecords(db, { centerId, from: start, to: end, scheme: 'fine', status: 'active', limit: 1_000_000 }),
  ]);
  const result = monthlyFines(policy.policy, {
    year,
    month,
    staff: staff.map((s) => ({
      id: String(s.id),
      post: s.post,
      ...(s.windowId !== null && { window: String(s.windowId) }),
    })),
    records: records
      .filter((r) => r.staffId !== null)
      .map((r) => ({ staff: String(r.staffId), item: r.item, date: r.date, qty: r.qty })),
  });
  const staffName = new Map(staff.map((s) => [String(s.id), s]));
  const windowName = new Map(windows.map((w) => [String(w.id), w.name]));
  const named = (id: string) => {
    const s = staffName.get(id);
    return {
      staffId: Number(id),
      staffName: s?.name ?? id,
      windowName: s?.windowId != null ? (windowName.get(String(s.windowId)) ?? null) : null,
    };
  };
  return {
    ...result,
    policy: { code: policy.code, version: policy.version },
    staff: result.staff.map((s) => ({ ...s, ...named(s.staff) })),
    reportToUnit: result.reportToUnit.map((r) => ({ ...r, ...named(r.staff) })),
    barredFromAwards: {
      staff: result.barredFromAwards.staff.map(named),
      windows: result.barredFromAwards.windows.map((w) => ({
        windowId: Number(w),
        windowName: windowName.get(w) ?? w,
      })),
    },
  };
}
