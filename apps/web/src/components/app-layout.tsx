import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CrownOutlined,
  DashboardOutlined,
  EditOutlined,
  FileDoneOutlined,
  FlagOutlined,
  GlobalOutlined,
  IdcardOutlined,
  ImportOutlined,
  LaptopOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, type MenuProps, Space, Tag } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { CalendarNotice } from '../features/calendar/calendar-notice.tsx';
import type { TKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { TPageKey } from '../lib/permissions.ts';
import { navigate, useLocation } from '../lib/router.tsx';
import type { TSessionUser } from '../lib/session.ts';
import { useTRPC } from '../lib/trpc.ts';
import { ROUTES, routeOf } from '../routes.ts';

const ICONS: Partial<Record<TPageKey, ReactNode>> = {
  overview: <DashboardOutlined />,
  efficiency: <BarChartOutlined />,
  complaints: <AlertOutlined />,
  peer: <TeamOutlined />,
  redFlag: <FlagOutlined />,
  assessment: <AuditOutlined />,
  yearEnd: <CrownOutlined />,
  fines: <MoneyCollectOutlined />,
  complaintLadder: <SafetyCertificateOutlined />,
  peerRating: <TeamOutlined />,
  myScore: <UserOutlined />,
  admin: <SettingOutlined />,
  calendar: <CalendarOutlined />,
  import: <ImportOutlined />,
  orgAdmin: <ApartmentOutlined />,
  staffAdmin: <IdcardOutlined />,
};

const MAIN: TPageKey[] = [
  'admin',
  'calendar',
  'myScore',
  'overview',
  'efficiency',
  'complaints',
  'peer',
  'redFlag',
  'assessment',
  'yearEnd',
  'fines',
  'complaintLadder',
  'peerRating',
  // setting up: imports (the administrator; cases and 好差评 also 审管科), people and places (the
  // administrator keeps them, the leaders look and move people)
  'import',
  'orgAdmin',
  'staffAdmin',
];
const ENTRY: TPageKey[] = [
  'entryPatrol',
  'entryRecord',
  'entryComplaint',
  'entryBonus',
  'entryAward',
  'entryRecords',
];

const CASES: TPageKey[] = [
  'caseAccept',
  'cases',
  'caseAlerts',
  'caseSatisfaction',
  'caseProposals',
  'caseMatters',
];

/** 登录设备: loaded when first opened (its table is not part of the first page's JavaScript). */
const SessionsDrawer = lazy(() =>
  import('../features/auth/sessions-drawer.tsx').then((m) => ({ default: m.SessionsDrawer })),
);

/** Menu items: only the pages the server says the user may open (`auth.permissions`). */
export function menuItems(
  pages: readonly TPageKey[],
  t: (key: TKey) => string,
): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = MAIN.filter((key) => pages.includes(key)).map((key) => ({
    key,
    icon: ICONS[key],
    label: t(routeOf(key).title),
  }));
  const cases = CASES.filter((key) => pages.includes(key));
  if (cases.length > 0) {
    items.push({
      key: 'casesGroup',
      icon: <FileDoneOutlined />,
      label: t('nav.cases.group'),
      children: cases.map((key) => ({ key, label: t(routeOf(key).title) })),
    });
  }
  const entry = ENTRY.filter((key) => pages.includes(key));
  if (entry.length > 0) {
    items.push({
      key: 'entry',
      icon: <EditOutlined />,
      label: t('nav.entry'),
      children: entry.map((key) => ({ key, label: t(routeOf(key).title) })),
    });
  }
  return items;
}

/** The frame of every page: a side menu of the user's pages, the user, the language switch and logout. */
export function AppLayout({
  user,
  pages,
  pageKey,
  children,
}: {
  user: TSessionUser;
  pages: readonly TPageKey[];
  pageKey: TPageKey;
  children: ReactNode;
}) {
  const { t, locale, setLocale } = useI18n();
  const { search } = useLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate('/login', { replace: true });
      },
    }),
  );
  const selected = pageKey === 'person' ? 'assessment' : pageKey;
  const [isSessionsOpen, setSessionsOpen] = useState(false);
  // mounted from the first opening on, so that closing it still animates
  const [hasOpenedSessions, setOpenedSessions] = useState(false);

  const open = (key: string) => {
    const route = ROUTES.find((candidate) => candidate.key === key);
    if (!route) return;
    // keep the filters when moving between analytics pages
    const query = route.hasFilters ? search.toString() : '';
    navigate(route.path + (query ? `?${query}` : ''));
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56} theme="dark">
        <div className="brand">
          <span className="brand-mark">窗</span>
          <span className="brand-text">{t('app.short')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['entry']}
          items={menuItems(pages, t)}
          onClick={({ key }) => open(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <h1 className="app-title">{t('app.title')}</h1>
          <Space size={12}>
            <Space size={4} data-testid="current-user">
              <UserOutlined />
              <span>{user.name}</span>
              <Tag color="blue">{t(`role.${user.role}`)}</Tag>
            </Space>
            <Button
              size="small"
              icon={<GlobalOutlined />}
              onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
              aria-label="language"
            >
              {t('app.language')}
            </Button>
            <Button
              size="small"
              icon={<LaptopOutlined />}
              onClick={() => {
                setOpenedSessions(true);
                setSessionsOpen(true);
              }}
              data-testid="open-sessions"
            >
              {t('sess.open')}
            </Button>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              {t('app.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <CalendarNotice />
          {children}
        </Layout.Content>
        {hasOpenedSessions ? (
          <Suspense fallback={null}>
            <SessionsDrawer open={isSessionsOpen} onClose={() => setSessionsOpen(false)} />
          </Suspense>
        ) : null}
      </Layout>
    </Layout>
  );
}
