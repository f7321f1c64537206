import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Table, Tag } from 'antd';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** The administrator's view: the center's accounts and the policy versions in the database. */
export default function AdminPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  return (
    <div data-testid="page-admin">
      <PageHead title={t('nav.admin')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('admin.users')}>
            <QueryView query={users} isEmpty={(rows) => rows.length === 0}>
              {(rows) => (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={rows}
                  pagination={{ pageSize: 12, hideOnSinglePage: true }}
                  columns={[
                    { key: 'username', title: t('admin.username'), dataIndex: 'username' },
                    { key: 'name', title: t('as.name'), dataIndex: 'displayName' },
                    {
                      key: 'role',
                      title: t('admin.role'),
                      render: (_, row) => <Tag color="blue">{t(`role.${row.role}` as TKey)}</Tag>,
                    },
                    {
                      key: 'disabled',
                      title: t('as.status'),
                      render: (_, row) =>
                        row.isDisabled ? (
                          <Tag>{t('admin.disabled')}</Tag>
                        ) : (
                          <Tag color="green">{t('as.active')}</Tag>
                        ),
                    },
                  ]}
                />
              )}
            </QueryView>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('admin.policies')}>
            <QueryView query={policies} isEmpty={(rows) => rows.length === 0}>
              {(rows) => (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={rows}
                  pagination={false}
                  columns={[
                    {
                      key: 'code',
                      title: t('as.item'),
                      render: (_, row) =>
                        `${row.code} · ${(row.body as { name?: string } | undefined)?.name ?? ''}`,
                    },
                    { key: 'version', title: t('admin.version'), dataIndex: 'version', align: 'right' },
                    { key: 'from', title: t('admin.effectiveFrom'), dataIndex: 'effectiveFrom' },
                    {
                      key: 'items',
                      title: t('admin.items'),
                      render: (_, row) => (row.body as { items?: unknown[] } | undefined)?.items?.length ?? 0,
                      align: 'right',
                    },
                  ]}
                />
              )}
            </QueryView>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
