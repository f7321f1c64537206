import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Table, Tag } from 'antd';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { COLORS, monthTick } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { ItemChip, PolicyRef } from '../../components/policy-ref.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyWhy, runningNote } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber } from '../../lib/format.ts';
import { monthOf, periodLabel } from '../../lib/period.ts';
import { Link, updateSearch } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SignOffCard } from './sign-off-card.tsx';
import { SupplementCard } from './supplement-card.tsx';

/** The months of a year up to this month (a future month has no fines to show). */
export function monthsUpTo(year: number, today = new Date()): number[] {
  const last = year < today.getFullYear() ? 12 : year === today.getFullYear() ? today.getMonth() + 1 : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** Fines by month (处罚办法): per person and clause, the report-to-unit list and bonus forfeits. */
export default function FinesPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const session = useSession();
  const { year, month } = monthOf(filters.period);
  const query = useQuery(trpc.fines.monthly.queryOptions({ year, month }));
  const months = monthsUpTo(year);
  const running = runningNote('fines', { year, month }, locale);
  const emptyText = emptyWhy('fines', { year, month }, locale) ?? t('app.empty');
  const yearly = useQueries({
    queries: months.map((m) => ({
      ...trpc.fines.monthly.queryOptions({ year, month: m }),
      select: (data: { total: number }) => data.total,
    })),
  });
  const byMonth = months.map((m, index) => ({
    month: `${year}-${String(m).padStart(2, '0')}`,
    total: yearly[index]?.data ?? null,
  }));
  return (
    <div data-testid="page-fines">
      <PageHead title={`${t('fine.title')} · ${periodLabel({ year, month }, locale)}`}>
        <Space wrap>
          <FilterBar show={['period']} periodKinds={['month']} />
          <BulletinLinks kinds={['fines', 'unitletters']} params={{ year, month }} />
        </Space>
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ChartCard
          testId="chart-fines-month"
          title={`${t('fine.byMonth')}（${year}）`}
          rows={byMonth.filter((row) => row.total !== null)}
          rowKey={(row) => row.month}
          height={220}
          columns={[
            { key: 'month', title: t('overview.month'), value: (row) => row.month },
            {
              key: 'total',
              title: t('fine.amount'),
              value: (row) => row.total,
              render: (row) => formatNumber(row.total, locale),
              align: 'right',
            },
          ]}
          chart={
            <ResponsiveContainer>
              <BarChart data={byMonth} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tickFormatter={monthTick} />
                <YAxis width={48} />
                <Tooltip formatter={(v) => `¥${formatNumber(Number(v), locale)}`} />
                <Bar
                  dataKey="total"
                  name={t('fine.amount')}
                  fill={COLORS.primary}
                  isAnimationActive={false}
                  cursor="pointer"
                  // a month's bar opens that month
                  onClick={(entry: { payload?: { month?: string } }) => {
                    if (entry.payload?.month) updateSearch({ period: entry.payload.month });
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        {running ? <Alert type="info" showIcon title={running} data-testid="fines-running" /> : null}
        <QueryView query={query} rows={8}>
          {(data) => (
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={15}>
                <Card
                  size="small"
                  title={`${t('fine.byPerson')}（¥${formatNumber(data.total, locale)}）`}
                  data-testid="fines-staff"
                  extra={<PolicyRef policy={data.policy} />}
                >
                  <Table
                    size="small"
                    rowKey="staff"
                    dataSource={[...data.staff].sort((a, b) => b.total - a.total)}
                    pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                    locale={{ emptyText: <span data-testid="fines-empty">{emptyText}</span> }}
                    columns={[
                      {
                        key: 'name',
                        title: t('as.name'),
                        // a name stays on one line; the window's name wraps instead
                        onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                        render: (_, row) => (
                          <Link
                            to={`/assessment/person/${row.staffId}?period=${year}-Q${Math.ceil(month / 3)}`}
                          >
                            {row.staffName}
                          </Link>
                        ),
                      },
                      { key: 'window', title: t('as.window'), render: (_, row) => row.windowName ?? '—' },
                      {
                        key: 'lines',
                        title: t('fine.clause'),
                        render: (_, row) => (
                          <Space size={2} wrap>
                            {row.lines.map((line) => (
                              <ItemChip key={line.item} code={line.item} count={line.count} />
                            ))}
                          </Space>
                        ),
                      },
                      {
                        key: 'total',
                        title: t('fine.amount'),
                        render: (_, row) => `¥${formatNumber(row.total, locale)}`,
                        align: 'right',
                      },
                      {
                        key: 'forfeit',
                        title: t('fine.forfeit'),
                        render: (_, row) =>
                          row.forfeitsMonthlyBonus ? (
                            <Space size={2} wrap>
                              {row.forfeitItems.map((item) => (
                                <ItemChip key={item} code={item} color="red" />
                              ))}
                            </Space>
                          ) : null,
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  <SignOffCard
                    year={year}
                    month={month}
                    signOff={data.signOff}
                    role={session.data?.role ?? 'staff'}
                    userName={session.data?.name}
                    position={session.data?.signoffPosition ?? null}
                  />
                  <SupplementCard
                    year={year}
                    month={month}
                    supplements={data.supplements}
                    pendingChanges={data.pendingChanges}
                    role={session.data?.role ?? 'staff'}
                    userName={session.data?.name}
                    position={session.data?.signoffPosition ?? null}
                  />
                  <Card size="small" title={t('fine.report')} data-testid="fines-report">
                    <Table
                      size="small"
                      rowKey="staff"
                      dataSource={data.reportToUnit}
                      pagination={false}
                      locale={{ emptyText: t('app.empty') }}
                      columns={[
                        { key: 'name', title: t('as.name'), render: (_, row) => row.staffName },
                        { key: 'window', title: t('as.window'), render: (_, row) => row.windowName ?? '—' },
                        {
                          key: 'items',
                          title: t('fine.clause'),
                          render: (_, row) =>
                            row.items.map((item) => (
                              <ItemChip key={item} code={item} count={row.counts[item]} color="volcano" />
                            )),
                        },
                      ]}
                    />
                  </Card>
                  {data.barredFromAwards.windows.length > 0 ? (
                    <Card
                      size="small"
                      title={
                        locale === 'en'
                          ? 'Barred from this month’s awards (F5)'
                          : '取消当月评先评优资格（F5）'
                      }
                    >
                      {data.barredFromAwards.windows.map((w) => (
                        <Tag key={w.windowId}>{w.windowName}</Tag>
                      ))}
                      {data.barredFromAwards.staff.map((s) => (
                        <Tag key={s.staffId} color="red">
                          {s.staffName}
                        </Tag>
                      ))}
                    </Card>
                  ) : null}
                </Space>
              </Col>
            </Row>
          )}
        </QueryView>
      </Space>
    </div>
  );
}
