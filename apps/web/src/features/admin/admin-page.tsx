import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Table } from 'antd';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AccountsCard } from './accounts-card.tsx';

/** The administrator's view: the center's accounts and the policy versions in the database. */
export default function AdminPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const policies = useQuery(trpc.policies.list.queryOptions());
  return (
    <div data-testid="page-admin">
      <PageHead title={t('nav.admin')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <AccountsCard />
        </Col>
        <Col xs={24} xl={8}>
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
