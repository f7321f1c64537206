import type { QueryClient } from '@tanstack/react-query';
import { analyticsInput, quarterInput, yearInput } from '../../lib/analytics-input.ts';
import type { TFilters } from '../../lib/filters.ts';
import type { trpcProxy } from '../../lib/trpc.ts';

type TProxy = typeof trpcProxy;

/** The overview's queries, shared by the page and the prefetch that starts with the app. */
export function overviewQueries(trpc: TProxy, filters: TFilters) {
  const input = analyticsInput(filters);
  return {
    efficiency: trpc.analytics.windowEfficiency.queryOptions(input),
    complaints: trpc.analytics.complaintRate.queryOptions(input),
    grades: trpc.analytics.grades.queryOptions(quarterInput(filters)),
    awards: trpc.analytics.awards.queryOptions(input),
    trends: trpc.analytics.trends.queryOptions(yearInput(filters)),
  };
}

export function prefetchOverview(queryClient: QueryClient, trpc: TProxy, filters: TFilters): void {
  for (const options of Object.values(overviewQueries(trpc, filters)))
    void queryClient.prefetchQuery(options as never);
}
