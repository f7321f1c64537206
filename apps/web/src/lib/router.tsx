import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A small router over the History API: the path picks the page, the search params hold the filters
 * (center, unit, window, period), so a view can be shared and reloaded as it is.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Moves to `to` (path and search) and re-renders every subscriber. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The pages open without signing in: they must make no request that needs a session. */
export const PUBLIC_PATHS: readonly string[] = ['/login', '/status'];

export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(href, 'http://local');
  return { path: url.pathname, search: url.searchParams, href };
}

/** Sets or removes search params on the current path; `undefined` or '' removes a key. */
export function updateSearch(
  patch: Record<string, string | number | undefined>,
  options: { replace?: boolean } = {},
) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  navigate(window.location.pathname + (query ? `?${query}` : ''), options);
}

/** The current path with search params changed (for links that change a filter). */
export function hrefWith(patch: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return window.location.pathname + (query ? `?${query}` : '');
}

/** Matches `/assessment/person/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

type TLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; keepSearch?: boolean };

/** An anchor that navigates without a reload; `keepSearch` carries the current filters along. */
export function Link({ to, keepSearch = false, onClick, ...rest }: TLinkProps) {
  const { search } = useLocation();
  const query = keepSearch ? search.toString() : '';
  const href = query && !to.includes('?') ? `${to}?${query}` : to;
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
