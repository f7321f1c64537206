import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { TQueryLike } from '../components/query-view.tsx';

/** A list read a page at a time (keyset: each page after the last row of the one before). */
export interface TKeysetList<TRow> extends TQueryLike<TRow[]> {
  /** a full page came last: there may be more */
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
}

/**
 * The API's lists answer a page of at most 200 rows, newest first, and the next page after a cursor
 * (the last row seen). This keeps the pages read so far as one list and asks for the next on demand
 * (加载更多). `key` is the procedure's query key for the input without a cursor (`trpc.x.list.queryKey(input)`),
 * so invalidating the procedure's path refreshes the pages too.
 */
export function useKeysetList<TRow, TCursor>(opts: {
  key: QueryKey;
  page: (cursor: TCursor | undefined) => Promise<TRow[]>;
  cursorOf: (row: TRow) => TCursor;
  pageSize: number;
  enabled?: boolean;
}): TKeysetList<TRow> {
  const q = useInfiniteQuery({
    queryKey: [...opts.key, 'keyset-pages'],
    queryFn: ({ pageParam }) => opts.page(pageParam as TCursor | undefined),
    initialPageParam: undefined as TCursor | undefined,
    getNextPageParam: (last: TRow[]) =>
      last.length < opts.pageSize || last.length === 0 ? undefined : opts.cursorOf(last[last.length - 1]!),
    enabled: opts.enabled ?? true,
  });
  return {
    data: q.data?.pages.flat(),
    error: q.error,
    isPending: q.isPending,
    isError: q.isError,
    refetch: q.refetch,
    hasMore: q.hasNextPage,
    isLoadingMore: q.isFetchingNextPage,
    loadMore: () => void q.fetchNextPage(),
  };
}
