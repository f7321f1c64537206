import { STAFF_POST_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { ErrorState } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePermissions } from '../../lib/permissions.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { MoveButton } from './move-button.tsx';

/**
 * 任职经历: where a person served from a date to a date (a move never rewrites the past). With `name`,
 * it offers the dated move (调动窗口) itself; without, the page around it has its own move form.
 */
export function AssignmentHistory({ staffId, name }: { staffId: number; name?: string | undefined }) {
  const { t, locale, label } = useI18n();
  const trpc = useTRPC();
  const history = useQuery(trpc.org.assignments.queryOptions({ staffId }));
  // leader and administrator move a person from a date (org.assignStaff)
  const canMove = usePermissions().can('org.assignStaff');
  return (
    <Card
      size="small"
      title={t('as.history')}
      data-testid="person-history"
      extra={canMove && name !== undefined ? <MoveButton staffId={staffId} name={name} /> : null}
    >
      {history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={history.isPending}
          pagination={false}
          dataSource={[...(history.data ?? [])].reverse()}
          columns={[
            { title: t('as.from'), dataIndex: 'from', render: (d: string) => formatDate(d, locale) },
            {
              title: t('as.to'),
              dataIndex: 'to',
              render: (d: string | null) => (d === null ? t('as.toNow') : formatDate(d, locale)),
            },
            { title: t('as.window'), dataIndex: 'windowName', render: (n: string | null) => n ?? '—' },
            { title: t('as.unit'), dataIndex: 'unitName', render: (n: string | null) => n ?? '—' },
            {
              title: t('as.post'),
              dataIndex: 'post',
              render: (_, row) => (
                <>
                  {label(STAFF_POST_LABELS, row.post)}
                  {row.isWindowHead ? <Tag style={{ marginLeft: 8 }}>{t('as.head')}</Tag> : null}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
