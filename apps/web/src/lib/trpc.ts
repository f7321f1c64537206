import type { AppRouter } from '@chuangkou/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext, createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

/** One QueryClient and one tRPC client for the whole dashboard. Only `type AppRouter` is imported. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Errors the user can fix or must read (bad input, refused, not found) are not retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0;
    if (status >= 400 && status < 500) return false;
  }
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      // the defaults are unlimited; IE-era 2083 keeps GET URLs safe behind any proxy.
      maxURLLength: 2083,
      maxItems: 10,
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});

/** The message to show: the API's own text (Chinese, written for a clerk), as it is. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True when the API answered FORBIDDEN (signed in, but not allowed to see this). */
export function isForbidden(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'FORBIDDEN'
  );
}

/** True when the API answered UNAUTHORIZED (no or expired session). */
export function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED'
  );
}

/**
 * The same options proxy outside React, for prefetching a page's data while the app still starts
 * (the keys are the ones `useTRPC()` builds, so the page finds the data in the cache).
 */
export const trpcProxy = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
