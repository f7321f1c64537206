import type { TPageKey, TProcedurePath, TRole } from '@chuangkou/api';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from './trpc.ts';

export type { TPageKey, TRole };

/** The page a signed-in user lands on: the first of these they may open (else their first page). */
const HOME_ORDER: readonly TPageKey[] = ['overview', 'myScore', 'admin'];

export function homePageOf(pages: readonly TPageKey[]): TPageKey {
  // a user who may open nothing lands on a page that answers 403
  return HOME_ORDER.find((page) => pages.includes(page)) ?? pages[0] ?? 'overview';
}

/**
 * `auth.permissions`: the pages the signed-in user may open and the procedures they may call, as the
 * server reads them from its procedures' own gates. The menu, the pages and their buttons ask here,
 * never the user's role.
 */
export function usePermissions() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.auth.permissions.queryOptions(),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const data = query.data;
  return useMemo(() => {
    const procedures = new Set(data?.procedures ?? []);
    return {
      query,
      pages: (data?.pages ?? []) as readonly TPageKey[],
      /** whether the server lets the user call the procedure */
      can: (path: TProcedurePath) => procedures.has(path),
    };
  }, [data, query]);
}
