import { COMPLAINT_CAUSE_LABELS, COMPLAINT_CHANNEL_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from '../../components/chart-card.tsx';
import { COLORS, monthTick, runningPointLine, SERIES } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { analyticsInput } from '../../lib/analytics-input.ts';
import { emptyWhy } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { nameOf, useOrg, useStaffList } from '../../lib/org.ts';
import { periodLabel, rangeOf } from '../../lib/period.ts';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { monthRatePoints, runningMonth } from './month-rate.ts';

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

type TStatusRow = { key: 'valid' | 'invalid' | 'pending'; count: number };

/** Complaints: rate per 1,000 cases by window and month, channel mix, verification status, the list. */
export default function ComplaintsPage() {
  const { t, locale, label } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const org = useOrg();
  const staff = useStaffList();
  const rate = useQuery(trpc.analytics.complaintRate.queryOptions(analyticsInput(filters)));
  const client = useTRPCClient();
  const input = { ...rangeOf(filters.period), ...(filters.windowId ? { windowId: filters.windowId } : {}) };
  // newest first (date, id), 200 a page; 加载更多 asks for the complaints after the last one seen
  const pages = useKeysetList({
    key: trpc.complaints.list.queryKey(input),
    page: (before: { date: string; id: number } | undefined) =>
      client.complaints.list.query({ ...input, limit: PAGE, before }),
    cursorOf: (row) => ({ date: row.date, id: row.id }),
    pageSize: PAGE,
  });
  const list = {
    ...pages,
    data: pages.data?.filter(
      (row) =>
        !filters.unitId || org.data?.windows.find((w) => w.id === row.windowId)?.unitId === filters.unitId,
    ),
  };
  const channelName = (channel: string) => label(COMPLAINT_CHANNEL_LABELS, channel);
  const shown = list.data;
  const statusRows: TStatusRow[] = shown
    ? (['valid', 'invalid', 'pending'] as const).map((key) => ({
        key,
        count: shown.filter((row) =>
          key === 'pending'
            ? row.status === 'pending'
            : row.status === 'verified' && row.isValid === (key === 'valid'),
        ).length,
      }))
    : [];
  const statusLabel = { valid: t('cmp.valid'), invalid: t('cmp.invalid'), pending: t('cmp.pending') };
  const statusColor = { valid: COLORS.primary, invalid: COLORS.grey, pending: COLORS.gold };

  return (
    <div data-testid="page-complaints">
      <PageHead title={`${t('cmp.title')} · ${periodLabel(filters.period, locale)}`}>
        <FilterBar />
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <QueryView
          query={rate}
          rows={8}
          // no case and no complaint: there is no rate per 1,000 cases, and the page says why
          isEmpty={(data) => data.current.cases === 0 && data.current.complaints === 0}
          empty={<span data-testid="complaints-empty">{emptyWhy('complaints', filters.period, locale)}</span>}
        >
          {(data) => {
            const byWindow = [...data.byWindow].sort((a, b) => (b.per1000 ?? 0) - (a.per1000 ?? 0));
            const byChannel = data.byChannel.map((row) => ({ ...row, name: channelName(row.channel) }));
            const monthPoints = monthRatePoints(data.byMonth);
            const running = runningMonth(data.byMonth);
            const runningVars = running
              ? {
                  month: periodLabel(
                    { year: Number(running.month.slice(0, 4)), month: Number(running.month.slice(5, 7)) },
                    locale,
                  ),
                  day: running.runningThrough!.slice(5),
                }
              : undefined;
            return (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={14}>
                    <ChartCard
                      testId="chart-complaints-month"
                      title={t('cmp.rateByMonth')}
                      rows={monthPoints}
                      rowKey={(row) => row.month}
                      height={260}
                      columns={[
                        {
                          key: 'month',
                          title: t('overview.month'),
                          value: (row) => row.month,
                          render: (row) =>
                            row.runningThrough ? (
                              <>
                                {row.month.slice(0, 7)}{' '}
                                <Tag color="blue" data-testid="month-running">
                                  {t('cmp.runningTo', { day: row.runningThrough.slice(5) })}
                                </Tag>
                              </>
                            ) : (
                              row.month
                            ),
                        },
                        { key: 'cases', title: t('eff.cases'), value: (row) => row.cases, align: 'right' },
                        {
                          key: 'complaints',
                          title: t('cmp.validCount'),
                          value: (row) => row.complaints,
                          align: 'right',
                        },
                        {
                          key: 'per1000',
                          title: t('cmp.per1000'),
                          value: (row) => row.per1000,
                          render: (row) => formatNumber(row.per1000, locale, 2),
                          align: 'right',
                        },
                      ]}
                      chart={
                        <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
                          {runningVars ? (
                            <Typography.Text type="secondary" data-testid="month-running-note">
                              {t('cmp.runningMonth', runningVars)}
                            </Typography.Text>
                          ) : null}
                          <div style={{ flex: 1, minHeight: 0 }}>
                            <ResponsiveContainer>
                              <LineChart
                                data={monthPoints}
                                margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
                              >
                                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                                <XAxis
                                  dataKey={(row: { month: string }) => row.month.slice(0, 7)}
                                  tickFormatter={monthTick}
                                />
                                <YAxis width={40} />
                                <Tooltip formatter={(v) => formatNumber(Number(v), locale, 2)} />
                                <Legend />
                                <Line
                                  dataKey="whole"
                                  name={t('cmp.per1000')}
                                  stroke={COLORS.orange}
                                  strokeWidth={2}
                                  isAnimationActive={false}
                                />
                                {runningPointLine('soFar', runningVars && t('cmp.per1000SoFar', runningVars))}
                              </LineChart>
                            </ResponsiveContainer>
                          </div>
                        </div>
                      }
                    />
                  </Col>
                  <Col xs={24} xl={10}>
                    <ChartCard
                      testId="chart-complaints-channel"
                      title={t('cmp.channels')}
                      rows={byChannel}
                      rowKey={(row) => row.channel}
                      height={260}
                      columns={[
                        { key: 'channel', title: t('cmp.channel'), value: (row) => row.name },
                        {
                          key: 'count',
                          title: t('cmp.validCount'),
                          value: (row) => row.complaints,
                          align: 'right',
                        },
                      ]}
                      chart={
                        <ResponsiveContainer>
                          <PieChart>
                            <Pie
                              data={byChannel}
                              dataKey="complaints"
                              nameKey="name"
                              outerRadius={90}
                              label
                              isAnimationActive={false}
                            >
                              {byChannel.map((row, index) => (
                                <Cell key={row.channel} fill={SERIES[index % SERIES.length]} />
                              ))}
                            </Pie>
                            <Tooltip />
                            <Legend />
                          </PieChart>
                        </ResponsiveContainer>
                      }
                    />
                  </Col>
                </Row>
                <ChartCard
                  testId="chart-complaints-window"
                  title={t('cmp.rateByWindow')}
                  rows={byWindow}
                  rowKey={(row) => String(row.windowId)}
                  height={Math.max(240, Math.min(byWindow.length, 20) * 24 + 40)}
                  columns={[
                    { key: 'window', title: t('cmp.window'), value: (row) => row.windowName },
                    { key: 'unit', title: t('eff.unit'), value: (row) => row.unitName },
                    {
                      key: 'cases',
                      title: t('eff.cases'),
                      value: (row) => row.cases,
                      align: 'right',
                      sorter: true,
                    },
                    {
                      key: 'complaints',
                      title: t('cmp.validCount'),
                      value: (row) => row.complaints,
                      align: 'right',
                      sorter: true,
                    },
                    {
                      key: 'per1000',
                      title: t('cmp.per1000'),
                      value: (row) => row.per1000,
                      render: (row) => formatNumber(row.per1000, locale, 2),
                      align: 'right',
                      sorter: true,
                    },
                  ]}
                  chart={
                    <ResponsiveContainer>
                      <BarChart
                        data={byWindow.slice(0, 20)}
                        layout="vertical"
                        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
                      >
                        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                        <XAxis type="number" />
                        <YAxis
                          type="category"
                          dataKey="windowName"
                          width={150}
                          interval={0}
                          tick={{ fontSize: 12 }}
                        />
                        <Tooltip formatter={(v) => formatNumber(Number(v), locale, 2)} />
                        <Bar
                          dataKey="per1000"
                          name={t('cmp.per1000')}
                          fill={COLORS.orange}
                          isAnimationActive={false}
                        />
                      </BarChart>
                    </ResponsiveContainer>
                  }
                />
              </Space>
            );
          }}
        </QueryView>
        <QueryView
          query={list}
          rows={6}
          isEmpty={(rows) => rows.length === 0}
          empty={
            <span data-testid="complaints-list-empty">
              {t('cmp.noComplaints', { period: periodLabel(filters.period, locale) })}
            </span>
          }
        >
          {(rows) => (
            <Row gutter={[12, 12]}>
              <Col xs={24} xxl={8}>
                <ChartCard<TStatusRow>
                  testId="chart-complaints-status"
                  title={t('cmp.status')}
                  rows={statusRows}
                  rowKey={(row) => row.key}
                  height={240}
                  columns={[
                    { key: 'status', title: t('cmp.verification'), value: (row) => statusLabel[row.key] },
                    { key: 'count', title: t('cmp.count'), value: (row) => row.count, align: 'right' },
                  ]}
                  chart={
                    <ResponsiveContainer>
                      <BarChart
                        data={statusRows.map((row) => ({ ...row, label: statusLabel[row.key] }))}
                        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
                      >
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="label" />
                        <YAxis allowDecimals={false} width={40} />
                        <Tooltip />
                        <Bar dataKey="count" name={t('cmp.count')} isAnimationActive={false}>
                          {statusRows.map((row) => (
                            <Cell key={row.key} fill={statusColor[row.key]} />
                          ))}
                        </Bar>
                      </BarChart>
                    </ResponsiveContainer>
                  }
                />
              </Col>
              <Col xs={24} xxl={16}>
                <Card size="small" title={`${t('cmp.list')}（${rows.length}）`} data-testid="complaints-list">
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={rows}
                    pagination={{ pageSize: 8, showSizeChanger: false }}
                    scroll={{ x: 'max-content' }}
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
                        render: (_, row) => channelName(row.channel),
                      },
                      {
                        key: 'window',
                        title: t('cmp.window'),
                        render: (_, row) => nameOf(org.data?.windows, row.windowId),
                      },
                      {
                        key: 'staff',
                        title: t('cmp.staff'),
                        render: (_, row) => nameOf(staff.data, row.staffId),
                      },
                      {
                        key: 'content',
                        title: t('cmp.content'),
                        dataIndex: 'content',
                        ellipsis: true,
                        width: 260,
                      },
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
                  <LoadMore list={pages} testId="complaints-more" />
                </Card>
              </Col>
            </Row>
          )}
        </QueryView>
      </Space>
    </div>
  );
}
