import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FilterBar } from '../../components/filter-bar.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFilters } from '../../lib/filters.ts';
import { formatDate } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { nameOf, useOrg, useStaffList } from '../../lib/org.ts';
import { periodLabel, rangeOf } from '../../lib/period.ts';
import { itemLabel, usePolicyItems } from '../../lib/policy.ts';
import { Link } from '../../lib/router.tsx';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { RevokeButton } from './revoke-button.tsx';

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

/** 记录查询与撤销: the records of a period, filterable by window; revoke with a reason (never delete). */
export default function RecordsPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const org = useOrg();
  const staff = useStaffList();
  const items = usePolicyItems();
  const [status, setStatus] = useState<'active' | 'revoked' | 'all'>('active');
  const client = useTRPCClient();
  const input = { ...rangeOf(filters.period), ...(status === 'all' ? {} : { status }) };
  // newest first (date, id), 200 a page; 加载更多 asks for the records after the last one seen
  const records = useKeysetList({
    key: trpc.records.list.queryKey(input),
    page: (before: { date: string; id: number } | undefined) =>
      client.records.list.query({ ...input, limit: PAGE, before }),
    cursorOf: (row) => ({ date: row.date, id: row.id }),
    pageSize: PAGE,
  });
  const staffOf = (id: number | null) => staff.data?.find((s) => s.id === id);
  const inScope = (row: { staffId: number | null; windowId: number | null }) => {
    const windowId = row.windowId ?? staffOf(row.staffId)?.windowId ?? null;
    const unitId = org.data?.windows.find((w) => w.id === windowId)?.unitId;
    return (
      (!filters.windowId || windowId === filters.windowId) && (!filters.unitId || unitId === filters.unitId)
    );
  };

  return (
    <div data-testid="page-entryRecords">
      <PageHead title={`${t('nav.entry.records')} · ${periodLabel(filters.period, locale)}`}>
        <FilterBar />
      </PageHead>
      <Card
        size="small"
        extra={
          <Segmented
            size="small"
            value={status}
            onChange={(value) => setStatus(value as typeof status)}
            options={[
              { value: 'active', label: t('as.active') },
              { value: 'revoked', label: t('as.revoked') },
              { value: 'all', label: t('app.all') },
            ]}
          />
        }
        title={t('as.records')}
      >
        <QueryView query={records} isEmpty={(rows) => rows.filter(inScope).length === 0}>
          {(rows) => (
            <>
              <Table
                size="small"
                rowKey="id"
                dataSource={rows.filter(inScope)}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                scroll={{ x: 'max-content' }}
                rowClassName={(row) => (row.status === 'revoked' ? 'row-revoked' : '')}
                columns={[
                  {
                    key: 'date',
                    title: t('as.date'),
                    render: (_, row) => formatDate(row.date, locale),
                    width: 130,
                    className: 'col-date',
                  },
                  {
                    key: 'who',
                    title: `${t('entry.staff')} / ${t('entry.window')}`,
                    render: (_, row) =>
                      row.staffId ? (
                        <Link to={`/assessment/person/${row.staffId}`}>
                          {nameOf(staff.data, row.staffId)}
                        </Link>
                      ) : (
                        nameOf(org.data?.windows, row.windowId)
                      ),
                  },
                  {
                    key: 'item',
                    title: t('as.item'),
                    render: (_, row) => {
                      const item = items.data?.find((i) => i.code === row.item);
                      return (
                        <Typography.Text style={{ maxWidth: 420 }} ellipsis={{ tooltip: item?.text }}>
                          {item ? itemLabel(item, locale) : row.item}
                        </Typography.Text>
                      );
                    },
                  },
                  { key: 'qty', title: t('as.qty'), dataIndex: 'qty', align: 'right' },
                  {
                    key: 'scheme',
                    title: t('rf.kind'),
                    render: (_, row) => (
                      <Tag color={row.scheme === 'fine' ? 'volcano' : 'blue'}>
                        {row.scheme === 'fine'
                          ? locale === 'en'
                            ? 'Fine'
                            : '罚款'
                          : locale === 'en'
                            ? 'Points'
                            : '计分'}
                      </Tag>
                    ),
                  },
                  {
                    key: 'status',
                    title: t('as.status'),
                    render: (_, row) =>
                      row.status === 'revoked' ? (
                        <Space size={4}>
                          <Tag>{t('as.revoked')}</Tag>
                          <Typography.Text type="secondary">{row.revokeReason}</Typography.Text>
                        </Space>
                      ) : (
                        <Tag color="blue">{t('as.active')}</Tag>
                      ),
                  },
                  {
                    key: 'actions',
                    title: t('app.actions'),
                    render: (_, row) =>
                      row.status === 'active' ? (
                        <RevokeButton
                          recordId={row.id}
                          label={`${row.date} · ${row.item} · ${nameOf(staff.data, row.staffId)}`}
                        />
                      ) : null,
                  },
                ]}
              />
              <LoadMore list={records} testId="records-more" />
            </>
          )}
        </QueryView>
      </Card>
    </div>
  );
}
