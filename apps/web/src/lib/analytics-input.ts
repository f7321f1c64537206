import type { TFilters } from './filters.ts';
import { quarterOf } from './period.ts';

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

/** The input of the per-quarter analytics (grades, peer tiers): a month maps to its quarter. */
export function quarterInput(filters: TFilters) {
  return {
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.windowId ? { windowId: filters.windowId } : {}),
    ...quarterOf(filters.period),
  };
}

/** A year-only input for the trends (twelve months of the period's year). */
export function yearInput(filters: TFilters) {
  return {
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.windowId ? { windowId: filters.windowId } : {}),
    year: filters.period.year,
  };
}
