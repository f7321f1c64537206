import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { prefetchOverview } from './features/overview/overview-queries.ts';
import { parseFilters } from './lib/filters.ts';
import { queryClient, trpcProxy } from './lib/trpc.ts';
import { preloadRoute } from './routes.ts';
import './styles.css';

// Start the page's chunk and the overview's data while the session check runs (overview ≤ 1.5 s).
preloadRoute(window.location.pathname);
if (window.location.pathname !== '/login') {
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
