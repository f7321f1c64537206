import type { TUser } from '@chuangkou/db';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { accessOf, passesGate } from '../trpc.ts';
import { PAGE_KEYS, PAGE_NEEDS, type TPageKey } from './pages.table.ts';

/** What the signed-in user may do, as the dashboard needs it for its menu and its buttons. */
export interface TPermissions {
  /** the pages the user may open, in the order of the menu */
  pages: TPageKey[];
  /**
   * the paths of the procedures whose gate the user passes (`TProcedurePath`; what a page then shows is
   * scoped by the procedure). Typed as strings here: the router's own type cannot name itself.
   */
  procedures: string[];
}

/** The procedures of a router by path (`auth.login`, `cases.matters.list`, …). */
export function proceduresOf(router: AnyRouter): Readonly<Record<string, AnyProcedure>> {
  // at run time `procedures` is flat, path → procedure (its type follows the nested record)
  return router._def.procedures as Record<string, AnyProcedure>;
}

/**
 * The permissions of a user (or of nobody), read from the gates of the procedures themselves
 * of `router`, so the menu never says more or less than the API answers.
 */
export function permissionsOf(router: AnyRouter, user: TUser | null): TPermissions {
  const allowed = new Set<string>();
  for (const [path, procedure] of Object.entries(proceduresOf(router))) {
    if (passesGate(accessOf(procedure), user)) allowed.add(path);
  }
  const pages = PAGE_KEYS.filter((page) => {
    const needs = PAGE_NEEDS[page];
    if (needs.isPersonal && !passesGate('person', user)) return false;
    return needs.procedures.every((path) => allowed.has(path));
  });
  return { pages, procedures: [...allowed] };
}
