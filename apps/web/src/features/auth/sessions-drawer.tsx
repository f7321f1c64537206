import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Popconfirm, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

/** A browser and its system, read from a User-Agent: enough to tell one's own devices apart. */
export function deviceOf(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/MicroMessenger\//, 'WeChat'],
      [/Chrome\/|Chromium\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? '';
  const system =
    [
      [/Windows/, 'Windows'],
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? '';
  return { browser: String(browser), system: String(system) };
}

/** A stored ISO instant as the reader's local date and time, to the minute. */
function when(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * The signed-in user's open sessions (登录设备): the device, the address, when it signed in and when
 * it was last seen, this one marked; any other can be ended. A password change ends all the others.
 */
export function SessionsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({ ...trpc.auth.sessions.queryOptions(), enabled: open });
  const end = useMutation(
    trpc.auth.endSession.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.auth.sessions.pathFilter()),
    }),
  );
  type TRow = NonNullable<typeof sessions.data>[number];
  return (
    <Drawer
      title={t('sess.title')}
      open={open}
      onClose={onClose}
      size={760}
      destroyOnHidden
      data-testid="sessions-drawer"
    >
      <Typography.Paragraph type="secondary">{t('sess.hint')}</Typography.Paragraph>
      {end.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(end.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {sessions.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(sessions.error)} />
      ) : (
        <Table<TRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={sessions.isLoading}
          dataSource={sessions.data ?? []}
          data-testid="sessions-table"
          columns={[
            {
              title: t('sess.device'),
              key: 'device',
              render: (_, row) => {
                const device = deviceOf(row.userAgent);
                const label = device
                  ? [device.browser, device.system].filter(Boolean).join(' · ') || t('sess.unknownDevice')
                  : t('sess.unknownDevice');
                return (
                  <span title={row.userAgent ?? undefined}>
                    {label}{' '}
                    {row.isCurrent ? (
                      <Tag color="green" data-testid="session-current">
                        {t('sess.current')}
                      </Tag>
                    ) : null}
                  </span>
                );
              },
            },
            {
              title: t('sess.address'),
              dataIndex: 'clientAddress',
              width: 130,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('sess.started'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => when(v, locale),
            },
            {
              title: t('sess.lastSeen'),
              dataIndex: 'lastSeenAt',
              width: 150,
              render: (v: string) => when(v, locale),
            },
            {
              title: '',
              key: 'end',
              width: 90,
              render: (_, row) =>
                row.isCurrent ? null : (
                  <Popconfirm
                    title={t('sess.endConfirm')}
                    okText={t('sess.end')}
                    cancelText={t('sess.cancel')}
                    onConfirm={() => end.mutate({ id: row.id })}
                  >
                    <Button size="small" danger loading={end.isPending && end.variables?.id === row.id}>
                      {t('sess.end')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
