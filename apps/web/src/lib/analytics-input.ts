import type { TFilters } from './filters.ts';

/** The filter input every analytics procedure takes. */
export function analyticsInput(filters: TFilters) {
  return {
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.windowId ? { windowId: filters.windowId } : {}),
    year: filters.period.year,
    ...(filters.period.quarter ? { quarter: filters.period.quarter } : {}),
    ...(filters.period.month ? { month: filters.period.month } : {}),
  };
}
