import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { AppLayout } from './components/app-layout.tsx';
import { ErrorState } from './components/query-view.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { homePageOf, usePermissions } from './lib/permissions.ts';
import { matchPath, navigate, useLocation } from './lib/router.tsx';
import { useSession } from './lib/session.ts';
import { queryClient, TRPCProvider, trpcClient } from './lib/trpc.ts';
import { ROUTES, routeOf } from './routes.ts';

// The login page and the 403/404 results are chunks of their own: a signed-in user never needs the
// login form in the first load, and antd's result illustrations are large.
const LoginPage = lazy(() => import('./features/auth/login-page.tsx'));
const ChangePasswordPage = lazy(() => import('./features/auth/change-password-page.tsx'));
const StatusResult = lazy(() => import('./components/status-result.tsx'));

const THEME = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

/** 办件进度查询: public, for applicants without an account. */
const StatusQueryPage = lazy(() => import('./features/cases/status-query-page.tsx'));

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** The public status page asks nothing of the session: an applicant is never signed in. */
function Shell() {
  const { path, href } = useLocation();
  if (path === '/status') {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <StatusQueryPage />
      </Suspense>
    );
  }
  return <SignedInShell path={path} href={href} />;
}

/** Picks the page for the path and what the server says the signed-in user may open. */
function SignedInShell({ path, href }: { path: string; href: string }) {
  const session = useSession();
  const permissions = usePermissions();

  if (session.isPending || (session.data && permissions.query.isPending)) return <Spin fullscreen />;
  if (session.isError && !session.isSignedOut) {
    return (
      <div style={{ padding: 48 }}>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  const user = session.data ?? null;
  if (!user) {
    if (path !== '/login') return <Redirect to={`/login?next=${encodeURIComponent(href)}`} />;
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <LoginPage />
      </Suspense>
    );
  }
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <ChangePasswordPage />
      </Suspense>
    );
  }
  if (permissions.query.isError) {
    return (
      <div style={{ padding: 48 }}>
        <ErrorState error={permissions.query.error} onRetry={() => void permissions.query.refetch()} />
      </div>
    );
  }
  const { pages } = permissions;
  const home = homePageOf(pages);
  if (path === '/' || path === '/login') return <Redirect to={routeOf(home).path} />;

  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const Page = route.component;
    return (
      <AppLayout user={user} pages={pages} pageKey={route.key}>
        {pages.includes(route.key) ? (
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
            <Page params={params} />
          </Suspense>
        ) : (
          <Suspense fallback={null}>
            <StatusResult status="403" />
          </Suspense>
        )}
      </AppLayout>
    );
  }
  return (
    <AppLayout user={user} pages={pages} pageKey={home}>
      <Suspense fallback={null}>
        <StatusResult status="404" />
      </Suspense>
    </AppLayout>
  );
}

function Localized() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider>
          <Localized />
        </I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
