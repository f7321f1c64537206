import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { prefetchOverview } from './features/overview/overview-queries.ts';
import { parseFilters } from './lib/filters.ts';
import { PUBLIC_PATHS } from './lib/router.tsx';
import { queryClient, trpcProxy } from './lib/trpc.ts';
import { preloadRoute } from './routes.ts';
import './styles.css';

// Start the page's chunk and the overview's data while the session check runs (overview ≤ 1.5 s).
preloadRoute(window.location.pathname);
// nobody is signed in on the sign-in page and the public status page: nothing to prefetch there
if (!PUBLIC_PATHS.includes(window.location.pathname)) {
  // every page's filter bar needs the units and windows
  void queryClient.prefetchQuery(trpcProxy.org.units.queryOptions());
  void queryClient.prefetchQuery(trpcProxy.org.windows.queryOptions());
}
if (window.location.pathname === '/overview') {
  prefetchOverview(queryClient, trpcProxy, parseFilters(new URLSearchParams(window.location.search)));
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
