import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

export type TOrgUnit = { id: number; name: string };
export type TOrgWindow = { id: number; name: string; unitId: number };

/** Units and windows of the user's center, for the filters and the entry forms. */
export function useOrg() {
  const trpc = useTRPC();
  const units = useQuery({ ...trpc.org.units.queryOptions(), staleTime: 10 * 60_000 });
  const windows = useQuery({ ...trpc.org.windows.queryOptions(), staleTime: 10 * 60_000 });
  const data =
    units.data && windows.data
      ? {
          units: units.data.map((unit): TOrgUnit => ({ id: unit.id, name: unit.name })),
          windows: windows.data.map(
            (window): TOrgWindow => ({ id: window.id, name: window.name, unitId: window.unitId }),
          ),
        }
      : undefined;
  return {
    data,
    isPending: units.isPending || windows.isPending,
    isError: units.isError || windows.isError,
    error: units.error ?? windows.error,
    refetch: () => Promise.all([units.refetch(), windows.refetch()]),
  };
}

/** The staff the user may see (the center; a head: the window; staff: themselves). */
export function useStaffList(filter?: { windowId?: number; unitId?: number }) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.staff.queryOptions(filter ?? undefined), staleTime: 10 * 60_000 });
}

/** A name from a list by id, or `#id` when unknown. */
export function nameOf(
  list: readonly { id: number; name: string }[] | undefined,
  id: number | null | undefined,
): string {
  if (id === null || id === undefined) return '—';
  return list?.find((item) => item.id === id)?.name ?? `#${id}`;
}
