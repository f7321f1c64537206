import { useQuery } from '@tanstack/react-query';
import { Col, Row, Space } from 'antd';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard, type TDataColumn } from '../../components/chart-card.tsx';
import { COLORS, monthTick } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { KpiCard, type TKpi } from '../../components/kpi-card.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { analyticsInput } from '../../lib/analytics-input.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { periodLabel } from '../../lib/period.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type TTrendRow = { month: string; cases: number; onTimeRate: number | null; overdueCases: number; complaintsPer1000: number | null };

/** Overview: the KPIs of the period against the previous period and last year, and monthly trends. */
export default function OverviewPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.overview.queryOptions(analyticsInput(filters)));

  const kpis: { key: string; title: string; pick: (data: NonNullable<typeof query.data>) => TKpi; format: (v: number | null) => string; isLowerBetter?: boolean }[] = [
    { key: 'cases', title: t('kpi.cases'), pick: (d) => d.kpis.cases, format: (v) => formatNumber(v, locale) },
    { key: 'onTimeRate', title: t('kpi.onTimeRate'), pick: (d) => d.kpis.onTimeRate, format: (v) => formatPercent(v, locale) },
    { key: 'overdueCases', title: t('kpi.overdueCases'), pick: (d) => d.kpis.overdueCases, format: (v) => formatNumber(v, locale), isLowerBetter: true },
    { key: 'complaintsPer1000', title: t('kpi.complaintsPer1000'), pick: (d) => d.kpis.complaintsPer1000, format: (v) => formatNumber(v, locale, 2), isLowerBetter: true },
    { key: 'excellent', title: t('kpi.excellent'), pick: (d) => d.kpis.excellent, format: (v) => formatNumber(v, locale) },
    { key: 'incompetent', title: t('kpi.incompetent'), pick: (d) => d.kpis.incompetent, format: (v) => formatNumber(v, locale), isLowerBetter: true },
    { key: 'redFlagWindows', title: t('kpi.redFlagWindows'), pick: (d) => d.kpis.redFlagWindows, format: (v) => formatNumber(v, locale) },
  ];

  const monthColumn: TDataColumn<TTrendRow> = { key: 'month', title: t('overview.month'), value: (row) => row.month };

  return (
    <div data-testid="page-overview">
      <PageHead title={`${t('overview.title')} · ${periodLabel(filters.period, locale)}`}>
        <FilterBar />
      </PageHead>
      <QueryView query={query} rows={8}>
        {(data) => (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Row gutter={[12, 12]} data-testid="kpis">
              {kpis.map((kpi) => (
                <Col key={kpi.key} flex="1 1 150px">
                  <KpiCard testId={`kpi-${kpi.key}`} title={kpi.title} kpi={kpi.pick(data)} format={kpi.format} isLowerBetter={kpi.isLowerBetter} />
                </Col>
              ))}
            </Row>
            <ChartCard<TTrendRow>
              testId="chart-trend-cases"
              title={t('overview.trendCases')}
              rows={data.trend}
              rowKey={(row) => row.month}
              columns={[
                monthColumn,
                { key: 'cases', title: t('kpi.cases'), value: (row) => row.cases, render: (row) => formatNumber(row.cases, locale), align: 'right' },
                { key: 'overdue', title: t('kpi.overdueCases'), value: (row) => row.overdueCases, align: 'right' },
              ]}
              chart={
                <ResponsiveContainer>
                  <ComposedChart data={data.trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="month" tickFormatter={monthTick} />
                    <YAxis yAxisId="cases" tickFormatter={(v: number) => formatNumber(v, locale)} width={64} />
                    <YAxis yAxisId="overdue" orientation="right" allowDecimals={false} width={40} />
                    <Tooltip formatter={(v) => formatNumber(Number(v), locale)} />
                    <Legend />
                    <Bar yAxisId="cases" dataKey="cases" name={t('kpi.cases')} fill={COLORS.blue} isAnimationActive={false} />
                    <Line yAxisId="overdue" dataKey="overdueCases" name={t('kpi.overdueCases')} stroke={COLORS.primary} strokeWidth={2} isAnimationActive={false} />
                  </ComposedChart>
                </ResponsiveContainer>
              }
            />
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <ChartCard<TTrendRow>
                  testId="chart-trend-ontime"
                  title={t('overview.trendOnTime')}
                  rows={data.trend}
                  rowKey={(row) => row.month}
                  height={240}
                  columns={[monthColumn, { key: 'rate', title: t('kpi.onTimeRate'), value: (row) => row.onTimeRate, render: (row) => formatPercent(row.onTimeRate, locale), align: 'right' }]}
                  chart={
                    <ResponsiveContainer>
                      <LineChart data={data.trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="month" tickFormatter={monthTick} />
                        <YAxis domain={['auto', 1]} tickFormatter={(v: number) => formatPercent(v, locale, 1)} width={64} />
                        <Tooltip formatter={(v) => formatPercent(Number(v), locale)} />
                        <Line dataKey="onTimeRate" name={t('kpi.onTimeRate')} stroke={COLORS.green} strokeWidth={2} isAnimationActive={false} />
                      </LineChart>
                    </ResponsiveContainer>
                  }
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard<TTrendRow>
                  testId="chart-trend-complaints"
                  title={t('overview.trendComplaints')}
                  rows={data.trend}
                  rowKey={(row) => row.month}
                  height={240}
                  columns={[monthColumn, { key: 'per1000', title: t('kpi.complaintsPer1000'), value: (row) => row.complaintsPer1000, render: (row) => formatNumber(row.complaintsPer1000, locale, 2), align: 'right' }]}
                  chart={
                    <ResponsiveContainer>
                      <LineChart data={data.trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="month" tickFormatter={monthTick} />
                        <YAxis width={48} />
                        <Tooltip formatter={(v) => formatNumber(Number(v), locale, 2)} />
                        <Line dataKey="complaintsPer1000" name={t('kpi.complaintsPer1000')} stroke={COLORS.orange} strokeWidth={2} isAnimationActive={false} />
                      </LineChart>
                    </ResponsiveContainer>
                  }
                />
              </Col>
            </Row>
          </Space>
        )}
      </QueryView>
    </div>
  );
}
