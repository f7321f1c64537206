import { formatPeriodParam, lastEndedQuarter, parsePeriod, type TPeriod } from './period.ts';
import { useLocation } from './router.tsx';

/** The filters every analytics page reads from the URL: ?center=&unit=&window=&period=2026-Q3 */
export type TFilters = { centerId?: number; unitId?: number; windowId?: number; period: TPeriod };

function toId(text: string | null): number | undefined {
  if (!text) return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Without a period in the URL, a page opens on the last quarter that has ended. */
export function defaultPeriod(today = new Date()): TPeriod {
  return lastEndedQuarter(today);
}

export function parseFilters(search: URLSearchParams, today = new Date()): TFilters {
  return {
    centerId: toId(search.get('center')),
    unitId: toId(search.get('unit')),
    windowId: toId(search.get('window')),
    period: parsePeriod(search.get('period')) ?? defaultPeriod(today),
  };
}

/** Search params for filters; the default period is written too, so a shared link means the same later. */
export function filtersToSearch(filters: TFilters): Record<string, string | undefined> {
  return {
    center: filters.centerId ? String(filters.centerId) : undefined,
    unit: filters.unitId ? String(filters.unitId) : undefined,
    window: filters.windowId ? String(filters.windowId) : undefined,
    period: formatPeriodParam(filters.period),
  };
}

export function useFilters(): TFilters {
  const { search } = useLocation();
  return parseFilters(search);
}
