import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  COMPLAINT_CAUSE_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  RECORD_SOURCE_LABELS,
} from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { FilterBar } from '../../components/filter-bar.tsx';
import { FlagTags, GradeTag } from '../../components/grade-tag.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { EmptyState, ErrorState, QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFilters } from '../../lib/filters.ts';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { periodLabel, quarterOf, rangeOf } from '../../lib/period.ts';
import { usePermissions } from '../../lib/permissions.ts';
import { itemLabel, usePolicyItems } from '../../lib/policy.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, isForbidden, useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { CasesCard } from '../efficiency/cases-card.tsx';
import { RevokeButton } from '../entry/revoke-button.tsx';
import { AssignmentHistory } from './assignment-history.tsx';

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

const StatusResult = lazy(() => import('../../components/status-result.tsx'));

/**
 * A person's quarter: the score by category and every record, complaint and rating that made it. A
 * person the user may not see gives one 无权查看 page, not a refusal per card.
 */
export default function PersonPage({ params }: { params: Record<string, string> }) {
  const { t, locale, label } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const session = useSession();
  const staffId = params.staffId ? Number(params.staffId) : (session.data?.staffId ?? null);
  const period = quarterOf(filters.period);
  const range = rangeOf(period);
  const canRevoke = usePermissions().can('records.revoke');
  const result = useQuery(
    trpc.assessment.quarter.queryOptions(period, {
      select: (view) => ({ view, row: view.results.find((row) => row.staffId === staffId) ?? null }),
    }),
  );
  const client = useTRPCClient();
  // a person's records and complaints of the quarter, newest first, 200 a page (加载更多 for more)
  const recordsInput = { ...(staffId !== null ? { staffId } : {}), ...range };
  const records = useKeysetList({
    key: trpc.records.list.queryKey(recordsInput),
    page: (before: { date: string; id: number } | undefined) =>
      client.records.list.query({ ...recordsInput, limit: PAGE, before }),
    cursorOf: (row) => ({ date: row.date, id: row.id }),
    pageSize: PAGE,
    enabled: staffId !== null,
  });
  const complaintsInput = { ...range, ...(staffId ? { staffId } : {}) };
  const complaints = useKeysetList({
    key: trpc.complaints.list.queryKey(complaintsInput),
    page: (before: { date: string; id: number } | undefined) =>
      client.complaints.list.query({ ...complaintsInput, limit: PAGE, before }),
    cursorOf: (row) => ({ date: row.date, id: row.id }),
    pageSize: PAGE,
  });
  const items = usePolicyItems();
  const itemOf = (code: string) => items.data?.find((item) => item.code === code);

  if (staffId === null || Number.isNaN(staffId)) {
    return (
      <Alert
        type="warning"
        showIcon
        title={locale === 'en' ? 'This account is not linked to a staff member.' : '此账号未关联工作人员'}
      />
    );
  }
  const refused = [result, records, complaints].find((query) => isForbidden(query.error));
  if (refused) {
    return (
      <div data-testid="page-person-forbidden">
        <Suspense fallback={null}>
          <StatusResult status="403" title={t('app.noAccess')} message={errorMessage(refused.error)} />
        </Suspense>
      </div>
    );
  }
  const name = result.data?.row?.staffName ?? '';

  return (
    <div data-testid="page-person">
      <PageHead
        title={
          <Space>
            {params.staffId ? (
              <Button
                icon={<ArrowLeftOutlined />}
                onClick={() => window.history.back()}
                aria-label={t('as.back')}
              />
            ) : null}
            {`${t('as.person')}${name ? ` · ${name}` : ''} · ${periodLabel(period, locale)}`}
          </Space>
        }
      >
        <FilterBar show={['period']} periodKinds={['quarter']} />
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <QueryView query={result} rows={4}>
          {({ view, row }) =>
            row ? (
              <Card size="small" data-testid="person-score">
                <Row gutter={[16, 12]} align="middle">
                  <Col flex="1 1 320px">
                    <Descriptions
                      size="small"
                      column={2}
                      items={[
                        { key: 'name', label: t('as.name'), children: row.staffName },
                        { key: 'window', label: t('as.window'), children: row.windowName ?? '—' },
                        ...(row.servedIn
                          ? [
                              {
                                key: 'servedIn',
                                label: t('as.servedIn'),
                                children: row.servedIn
                                  .map(
                                    (x) => `${x.windowName ?? '—'} ${x.days}${locale === 'en' ? ' d' : '天'}`,
                                  )
                                  .join('；'),
                              },
                            ]
                          : []),
                        { key: 'unit', label: t('as.unit'), children: row.unitName ?? '—' },
                        {
                          key: 'status',
                          label: t('as.status'),
                          children:
                            view.status === 'published' ? (
                              <Tag color="green">{t('as.published')}</Tag>
                            ) : (
                              <Tag>{t('as.draft')}</Tag>
                            ),
                        },
                        { key: 'grade', label: t('as.grade'), children: <GradeTag grade={row.grade} /> },
                        {
                          key: 'flags',
                          label: t('as.flags'),
                          children: <FlagTags flags={row.flags} vetoed={row.vetoed} />,
                        },
                      ]}
                    />
                  </Col>
                  {[
                    { key: 'civility', label: t('as.civility'), value: row.categories.civility },
                    { key: 'skills', label: t('as.skills'), value: row.categories.skills },
                    { key: 'discipline', label: t('as.discipline'), value: row.categories.discipline },
                    { key: 'bonus', label: t('as.bonus'), value: row.bonus },
                    { key: 'total', label: t('as.total'), value: row.total },
                    { key: 'rank', label: t('as.rank'), value: row.rank },
                  ].map((stat) => (
                    <Col key={stat.key} flex="0 0 96px">
                      <Statistic
                        title={stat.label}
                        value={formatNumber(stat.value ?? null, locale, 2)}
                        data-testid={`person-${stat.key}`}
                      />
                    </Col>
                  ))}
                  <Col flex="0 0 120px">
                    <Statistic
                      title={t('as.peerShare')}
                      value={formatPercent(row.peerGoodShare, locale, 0)}
                    />
                  </Col>
                </Row>
              </Card>
            ) : (
              <EmptyState />
            )
          }
        </QueryView>
        <AssignmentHistory staffId={staffId} name={name} />
        <Card size="small" title={t('as.records')} data-testid="person-records">
          {records.isError ? (
            <ErrorState error={records.error} onRetry={() => void records.refetch()} />
          ) : (
            <>
              <Table
                size="small"
                rowKey="id"
                loading={records.isPending}
                dataSource={records.data ?? []}
                pagination={{ pageSize: 12, showSizeChanger: false, hideOnSinglePage: true }}
                rowClassName={(row) => (row.status === 'revoked' ? 'row-revoked' : '')}
                columns={[
                  {
                    key: 'date',
                    title: t('as.date'),
                    render: (_, row) => formatDate(row.date, locale),
                    width: 130,
                    className: 'col-date',
                  },
                  { key: 'item', title: t('as.item'), dataIndex: 'item', width: 60 },
                  {
                    key: 'text',
                    title: t('as.itemText'),
                    render: (_, row) => {
                      const item = itemOf(row.item);
                      return (
                        <span>
                          {item ? itemLabel(item, locale).slice(row.item.length + 1) : row.item}
                          {row.level ? (
                            <Tag style={{ marginLeft: 4 }}>
                              {item?.levels?.find((l) => l.key === row.level)?.name ?? row.level}
                            </Tag>
                          ) : null}
                          {row.aggravated ? <Tag color="red">{t('entry.aggravated')}</Tag> : null}
                          {row.note ? (
                            <Typography.Text type="secondary"> — {row.note}</Typography.Text>
                          ) : null}
                        </span>
                      );
                    },
                  },
                  { key: 'qty', title: t('as.qty'), dataIndex: 'qty', align: 'right', width: 60 },
                  {
                    key: 'points',
                    className: 'col-date',
                    title: row0(locale),
                    align: 'right',
                    // as the server counts it (the rules' recordPoints / recordFine on the record's date)
                    render: (_, row) =>
                      row.fine !== null
                        ? `¥${formatNumber(row.fine, locale)}`
                        : row.points !== null
                          ? formatNumber(row.points, locale)
                          : '—',
                  },
                  {
                    key: 'source',
                    className: 'col-date',
                    title: t('as.source'),
                    render: (_, row) => label(RECORD_SOURCE_LABELS, row.source),
                  },
                  {
                    key: 'status',
                    className: 'col-date',
                    title: t('as.status'),
                    render: (_, row) =>
                      row.status === 'revoked' ? (
                        <Space size={2} orientation="vertical">
                          <Tag>{t('as.revoked')}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {row.revokeReason}
                          </Typography.Text>
                        </Space>
                      ) : (
                        <Tag color="blue">{t('as.active')}</Tag>
                      ),
                  },
                  ...(canRevoke
                    ? [
                        {
                          key: 'actions',
                          title: t('app.actions'),
                          render: (
                            _: unknown,
                            row: { id: number; status: string; item: string; date: string },
                          ) =>
                            row.status === 'active' ? (
                              <RevokeButton recordId={row.id} label={`${name} · ${row.date} · ${row.item}`} />
                            ) : null,
                        },
                      ]
                    : []),
                ]}
              />
              {records.data ? <LoadMore list={records} testId="person-records-more" /> : null}
            </>
          )}
        </Card>
        <CasesCard title={t('eff.casesOf', { name })} filter={{ staffId }} range={range} />
        <Card size="small" title={t('as.complaints')} data-testid="person-complaints">
          <QueryView query={complaints} rows={2} isEmpty={(rows) => rows.length === 0}>
            {(rows) => (
              <>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={rows}
                  pagination={false}
                  columns={[
                    {
                      key: 'date',
                      title: t('cmp.date'),
                      render: (_, row) => formatDate(row.date, locale),
                      width: 130,
                      className: 'col-date',
                    },
                    {
                      key: 'channel',
                      title: t('cmp.channel'),
                      render: (_, row) => label(COMPLAINT_CHANNEL_LABELS, row.channel),
                    },
                    { key: 'content', title: t('cmp.content'), dataIndex: 'content' },
                    {
                      key: 'status',
                      title: t('cmp.verification'),
                      render: (_, row) =>
                        row.status === 'pending' ? (
                          <Tag color="gold">{t('cmp.pending')}</Tag>
                        ) : row.isValid ? (
                          <Tag color="red">{t('cmp.valid')}</Tag>
                        ) : (
                          <Tag>{t('cmp.invalid')}</Tag>
                        ),
                    },
                    {
                      key: 'cause',
                      title: t('cmp.cause'),
                      render: (_, row) => (row.cause ? label(COMPLAINT_CAUSE_LABELS, row.cause) : '—'),
                    },
                  ]}
                />
                <LoadMore list={complaints} testId="person-complaints-more" />
              </>
            )}
          </QueryView>
        </Card>
      </Space>
    </div>
  );
}

function row0(locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? 'Points / fine' : '分值 / 罚款';
}
