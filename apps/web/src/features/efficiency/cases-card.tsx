import { CASE_STAGE_LABELS, CASE_TYPE_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * The cases behind an efficiency figure: a window's or a person's cases of the period, the overdue ones
 * first (newest 200, as `cases.list` returns them).
 */
export function CasesCard({
  title,
  filter,
  range,
}: {
  title: string;
  filter: { windowId?: number; staffId?: number };
  range: { from: string; to: string };
}) {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const [isOverdueOnly, setOverdueOnly] = useState(true);
  const cases = useQuery(
    trpc.cases.list.queryOptions({
      ...filter,
      ...range,
      overdueOnly: isOverdueOnly || undefined,
      limit: 200,
    }),
  );
  return (
    <Card
      size="small"
      title={title}
      data-testid="cases-card"
      extra={
        <Segmented
          size="small"
          value={isOverdueOnly ? 'overdue' : 'all'}
          onChange={(value) => setOverdueOnly(value === 'overdue')}
          options={[
            { value: 'overdue', label: t('eff.overdueCases') },
            { value: 'all', label: t('app.all') },
          ]}
        />
      }
    >
      <QueryView query={cases} rows={3} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'code', title: t('case.code'), render: (_, row) => row.acceptanceCode ?? `#${row.id}` },
              { key: 'matter', title: t('case.matter'), dataIndex: 'matterName' },
              {
                key: 'type',
                title: t('case.type'),
                render: (_, row) => term(CASE_TYPE_LABELS[row.type]),
              },
              { key: 'staff', title: t('eff.staff'), render: (_, row) => row.staffName ?? '—' },
              {
                key: 'accepted',
                title: t('case.acceptedAt'),
                render: (_, row) => formatDate(row.receivedOn, locale),
                className: 'col-date',
              },
              {
                key: 'deadline',
                title: t('case.deadline'),
                render: (_, row) => formatDate(row.deadline, locale),
                className: 'col-date',
              },
              {
                key: 'completed',
                title: t('case.completedAt'),
                render: (_, row) => formatDate(row.decidedOn, locale),
                className: 'col-date',
              },
              {
                key: 'status',
                title: t('case.status'),
                render: (_, row) => term(CASE_STAGE_LABELS[row.stage]),
              },
              {
                key: 'overdue',
                title: t('case.overdueDays'),
                align: 'right',
                render: (_, row) => (row.overdueDays > 0 ? <Tag color="red">{row.overdueDays}</Tag> : '0'),
              },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}
