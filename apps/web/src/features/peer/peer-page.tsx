import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Table, Tag } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { COLORS } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { quarterInput } from '../../lib/analytics-input.ts';
import { emptyWhy, runningNote } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatPercent } from '../../lib/format.ts';
import { periodLabel, quarterOf } from '../../lib/period.ts';
import { Link } from '../../lib/router.tsx';
import { useTRPC } from '../../lib/trpc.ts';

type TTierRow = { name: string; tier0: number; tier2: number; tier4: number };

/** The counts of a `byTier` record keyed by points ('0', '-2', '-4'). */
export function tierRow(name: string, byTier: Record<string, number> | undefined): TTierRow {
  return { name, tier0: byTier?.['0'] ?? 0, tier2: byTier?.['-2'] ?? 0, tier4: byTier?.['-4'] ?? 0 };
}

/** Peer evaluation (互评): distribution of the good share, the 0 / −2 / −4 tiers by unit and quarter. */
export default function PeerPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const quarter = quarterOf(filters.period);
  const query = useQuery(trpc.analytics.peerTiers.queryOptions(quarterInput(filters)));
  const tierBars = (
    <>
      <Bar dataKey="tier0" stackId="t" name={t('peer.tier0')} fill={COLORS.green} isAnimationActive={false} />
      <Bar
        dataKey="tier2"
        stackId="t"
        name={t('peer.tier2')}
        fill={COLORS.orange}
        isAnimationActive={false}
      />
      <Bar
        dataKey="tier4"
        stackId="t"
        name={t('peer.tier4')}
        fill={COLORS.primary}
        isAnimationActive={false}
      />
    </>
  );
  const tierColumns = (first: string) => [
    { key: 'name', title: first, value: (row: TTierRow) => row.name },
    { key: 't0', title: t('peer.tier0'), value: (row: TTierRow) => row.tier0, align: 'right' as const },
    { key: 't2', title: t('peer.tier2'), value: (row: TTierRow) => row.tier2, align: 'right' as const },
    { key: 't4', title: t('peer.tier4'), value: (row: TTierRow) => row.tier4, align: 'right' as const },
  ];

  return (
    <div data-testid="page-peer">
      <PageHead title={`${t('peer.title')} · ${periodLabel(quarter, locale)}`}>
        <Space wrap>
          <FilterBar periodKinds={['quarter']} />
          {/* the paper ballot (考核细则 一(三)7), for centers that collect the 互评 on paper */}
          <BulletinLinks kinds={['ballot']} params={{ year: quarter.year, quarter: quarter.quarter }} />
        </Space>
      </PageHead>
      <QueryView
        query={query}
        rows={8}
        isEmpty={(data) => data.current.rated === 0}
        empty={<span data-testid="peer-empty">{emptyWhy('peer', quarter, locale)}</span>}
      >
        {(data) => {
          const buckets = data.goodShareDistribution.map((bucket) => ({
            label: `${Math.round(bucket.from * 100)}–${Math.round(bucket.to * 100)}%`,
            staff: bucket.staff,
          }));
          const byUnit = data.byUnit.map((unit) => tierRow(unit.unitName || '—', unit.byTier));
          // a running quarter is compared with nothing (its tiers are tallied when it ends)
          const byQuarter = [
            ...(data.lastYear.value ? [tierRow(data.lastYear.period, data.lastYear.value.byTier)] : []),
            ...(data.previous.value ? [tierRow(data.previous.period, data.previous.value.byTier)] : []),
            tierRow(data.period, data.current.byTier),
          ];
          const note = data.noComparison ? runningNote('peer', quarter, locale) : null;
          return (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {note ? <Alert type="info" showIcon title={note} data-testid="peer-running" /> : null}
              <Row gutter={[12, 12]}>
                <Col xs={24} xl={12}>
                  <ChartCard
                    testId="chart-peer-distribution"
                    title={t('peer.distribution')}
                    rows={buckets}
                    rowKey={(row) => row.label}
                    height={260}
                    columns={[
                      { key: 'share', title: t('peer.share'), value: (row) => row.label },
                      { key: 'staff', title: t('peer.people'), value: (row) => row.staff, align: 'right' },
                    ]}
                    chart={
                      <ResponsiveContainer>
                        <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                          <CartesianGrid strokeDasharray="3 3" vertical={false} />
                          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                          <YAxis allowDecimals={false} width={36} />
                          <Tooltip />
                          <Bar
                            dataKey="staff"
                            name={t('peer.people')}
                            fill={COLORS.blue}
                            isAnimationActive={false}
                          />
                        </BarChart>
                      </ResponsiveContainer>
                    }
                  />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard
                    testId="chart-peer-quarters"
                    title={t('peer.byQuarter')}
                    rows={byQuarter}
                    rowKey={(row) => row.name}
                    height={260}
                    columns={tierColumns(t('peer.quarter'))}
                    chart={
                      <ResponsiveContainer>
                        <BarChart data={byQuarter} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                          <CartesianGrid strokeDasharray="3 3" vertical={false} />
                          <XAxis dataKey="name" />
                          <YAxis allowDecimals={false} width={36} />
                          <Tooltip />
                          <Legend />
                          {tierBars}
                        </BarChart>
                      </ResponsiveContainer>
                    }
                  />
                </Col>
              </Row>
              <ChartCard
                testId="chart-peer-units"
                title={t('peer.tiers')}
                rows={byUnit}
                rowKey={(row) => row.name}
                height={Math.max(240, byUnit.length * 30 + 60)}
                columns={tierColumns(t('peer.unit'))}
                chart={
                  <ResponsiveContainer>
                    <BarChart
                      data={byUnit}
                      layout="vertical"
                      margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" allowDecimals={false} />
                      <YAxis
                        type="category"
                        dataKey="name"
                        width={160}
                        interval={0}
                        tick={{ fontSize: 12 }}
                      />
                      <Tooltip />
                      <Legend />
                      {tierBars}
                    </BarChart>
                  </ResponsiveContainer>
                }
              />
              <Card
                size="small"
                title={`${t('peer.tier2')} / ${t('peer.tier4')}`}
                data-testid="peer-deducted"
              >
                <Table
                  size="small"
                  rowKey="staffId"
                  dataSource={data.deducted}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  columns={[
                    {
                      key: 'name',
                      title: t('as.name'),
                      render: (_, row) => (
                        <Link to={`/assessment/person/${row.staffId}`} keepSearch>
                          {row.staffName}
                        </Link>
                      ),
                    },
                    { key: 'unit', title: t('peer.unit'), dataIndex: 'unitName' },
                    {
                      key: 'share',
                      title: t('peer.share'),
                      render: (_, row) => formatPercent(row.goodShare, locale, 1),
                      align: 'right',
                    },
                    { key: 'ratings', title: t('peer.people'), dataIndex: 'ratings', align: 'right' },
                    {
                      key: 'points',
                      title: t('as.points'),
                      render: (_, row) => (
                        <Tag color={row.tierPoints <= -4 ? 'red' : 'orange'}>{row.tierPoints}</Tag>
                      ),
                    },
                  ]}
                />
              </Card>
            </Space>
          );
        }}
      </QueryView>
    </div>
  );
}
