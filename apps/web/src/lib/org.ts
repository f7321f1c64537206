import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

export type TOrgUnit = { id: number; name: string };
export type TOrgWindow = { id: number; name: string; unitId: number };
export type TOrgStaff = { id: number; name: string; windowId: number | null; unitId: number | null };
export type TOrg = { units: TOrgUnit[]; windows: TOrgWindow[]; staff: TOrgStaff[] };

/** Units, windows and staff of the user's center, for the filters and the entry forms. */
export function useOrg() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.structure.queryOptions(), staleTime: 10 * 60_000 });
}

/** Lookup helpers over the org structure. */
export function nameOf(list: readonly { id: number; name: string }[] | undefined, id: number | null | undefined): string {
  if (id === null || id === undefined) return '—';
  return list?.find((item) => item.id === id)?.name ?? `#${id}`;
}
