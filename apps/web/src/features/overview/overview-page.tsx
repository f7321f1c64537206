import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
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
import { COLORS, monthTick, runningPointLine } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { KpiCard, type TKpi } from '../../components/kpi-card.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { ErrorState, QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { periodLabel } from '../../lib/period.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { overviewQueries } from './overview-queries.ts';

export type TTrendRow = {
  month: string;
  cases: number | null;
  casesLastYear: number | null;
  overdueCases: number | null;
  onTimeRate: number | null;
  onTimeRateLastYear: number | null;
  complaintsPer1000: number | null;
  complaintsPer1000LastYear: number | null;
  /** the month still running: the day it runs to (last year's same month counted to the same day) */
  runningThrough?: string;
  /** the running month's rates so far, kept off the whole months' lines and drawn as points of their own */
  onTimeRateSoFar: number | null;
  complaintsPer1000SoFar: number | null;
};

type TCompared<T> = {
  current: T;
  previous: { value: T; period?: string };
  lastYear: { value: T; period?: string };
  /** a running quarter's grades are compared with nothing: why */
  noComparison?: string | null;
};

/** Picks one figure from a compared answer (current, previous period, same period last year). */
function kpiOf<T>(compared: TCompared<T> | undefined, pick: (value: T) => number | null | undefined): TKpi {
  if (!compared) return { value: null, previous: null, lastYear: null };
  const safe = (value: T) => (value === null || value === undefined ? null : (pick(value) ?? null));
  return {
    value: safe(compared.current),
    previous: safe(compared.previous.value),
    lastYear: safe(compared.lastYear.value),
    previousPeriod: compared.previous.period,
    lastYearPeriod: compared.lastYear.period,
    noComparison: compared.noComparison,
  };
}

type TMonthly = {
  month: string;
  cases: number;
  overdue: number;
  onTimeRate: number | null;
  per1000: number | null;
  runningThrough?: string;
};

/** Twelve months of the year, with the same month a year earlier beside each. */
export function trendRows(
  year: number,
  current: readonly TMonthly[],
  lastYear: readonly TMonthly[],
): TTrendRow[] {
  const rows: TTrendRow[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    const now = current.find((row) => row.month === `${year}-${mm}`);
    const before = lastYear.find((row) => row.month === `${year - 1}-${mm}`);
    if (!now && !before) continue;
    const running = now?.runningThrough;
    rows.push({
      month: `${year}-${mm}`,
      cases: now?.cases ?? null,
      casesLastYear: before?.cases ?? null,
      overdueCases: now?.overdue ?? null,
      onTimeRate: running ? null : (now?.onTimeRate ?? null),
      onTimeRateLastYear: before?.onTimeRate ?? null,
      complaintsPer1000: running ? null : (now?.per1000 ?? null),
      complaintsPer1000LastYear: before?.per1000 ?? null,
      onTimeRateSoFar: running ? (now?.onTimeRate ?? null) : null,
      complaintsPer1000SoFar: running ? (now?.per1000 ?? null) : null,
      ...(running && { runningThrough: running }),
    });
  }
  return rows;
}

/** Overview: the KPIs of the period against the previous period and last year, and monthly trends. */
export default function OverviewPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const queries = overviewQueries(trpc, filters);
  const efficiency = useQuery(queries.efficiency);
  const complaints = useQuery(queries.complaints);
  const grades = useQuery(queries.grades);
  const awards = useQuery(queries.awards);
  const trends = useQuery({
    ...queries.trends,
    select: (data) => trendRows(data.year, data.current.byMonth, data.lastYear.byMonth),
  });
  const data = {
    kpis: {
      cases: kpiOf(efficiency.data, (v) => v.cases),
      onTimeRate: kpiOf(efficiency.data, (v) => v.onTimeRate),
      overdueCases: kpiOf(efficiency.data, (v) => v.overdue),
      complaintsPer1000: kpiOf(complaints.data, (v) => v.per1000),
      excellent: kpiOf(grades.data, (v) => v?.grades.excellent),
      incompetent: kpiOf(grades.data, (v) => v?.grades.incompetent),
      redFlagWindows: kpiOf(awards.data, (v) => v.redFlagMonthly + v.redFlagAnnual),
    },
  };
  const kpiQuery = efficiency.isError
    ? efficiency
    : complaints.isError
      ? complaints
      : grades.isError
        ? grades
        : awards.isError
          ? awards
          : efficiency;
  const isKpiPending = efficiency.isPending || complaints.isPending || grades.isPending || awards.isPending;

  const kpis: {
    key: string;
    title: string;
    pick: (d: typeof data) => TKpi;
    format: (v: number | null) => string;
    isLowerBetter?: boolean;
  }[] = [
    {
      key: 'cases',
      title: t('kpi.cases'),
      pick: (d) => d.kpis.cases,
      format: (v) => formatNumber(v, locale),
    },
    {
      key: 'onTimeRate',
      title: t('kpi.onTimeRate'),
      pick: (d) => d.kpis.onTimeRate,
      format: (v) => formatPercent(v, locale),
    },
    {
      key: 'overdueCases',
      title: t('kpi.overdueCases'),
      pick: (d) => d.kpis.overdueCases,
      format: (v) => formatNumber(v, locale),
      isLowerBetter: true,
    },
    {
      key: 'complaintsPer1000',
      title: t('kpi.complaintsPer1000'),
      pick: (d) => d.kpis.complaintsPer1000,
      format: (v) => formatNumber(v, locale, 2),
      isLowerBetter: true,
    },
    {
      key: 'excellent',
      title: t('kpi.excellent'),
      pick: (d) => d.kpis.excellent,
      format: (v) => formatNumber(v, locale),
    },
    {
      key: 'incompetent',
      title: t('kpi.incompetent'),
      pick: (d) => d.kpis.incompetent,
      format: (v) => formatNumber(v, locale),
      isLowerBetter: true,
    },
    {
      key: 'redFlagWindows',
      title: t('kpi.redFlagWindows'),
      pick: (d) => d.kpis.redFlagWindows,
      format: (v) => formatNumber(v, locale),
    },
  ];

  const monthColumn: TDataColumn<TTrendRow> = {
    key: 'month',
    title: t('overview.month'),
    value: (row) => row.month,
    render: (row) =>
      row.runningThrough ? (
        <>
          {row.month}{' '}
          <Tag color="blue" data-testid="trend-month-running">
            {t('cmp.runningTo', { day: row.runningThrough.slice(5) })}
          </Tag>
        </>
      ) : (
        row.month
      ),
  };

  const lastYearName = locale === 'en' ? 'last year' : '去年同期';
  return (
    <div data-testid="page-overview">
      <PageHead title={`${t('overview.title')} · ${periodLabel(filters.period, locale)}`}>
        <FilterBar />
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {kpiQuery.isError ? (
          <ErrorState error={kpiQuery.error} onRetry={() => void kpiQuery.refetch()} />
        ) : (
          <Row gutter={[12, 12]} data-testid="kpis">
            {kpis.map((kpi) => (
              <Col key={kpi.key} flex="1 1 150px">
                {isKpiPending ? (
                  <Card size="small">
                    <Skeleton active paragraph={{ rows: 1 }} />
                  </Card>
                ) : (
                  <KpiCard
                    testId={`kpi-${kpi.key}`}
                    title={kpi.title}
                    kpi={kpi.pick(data)}
                    format={kpi.format}
                    isLowerBetter={kpi.isLowerBetter}
                  />
                )}
              </Col>
            ))}
          </Row>
        )}
        <QueryView query={trends} rows={8}>
          {(trend) => {
            const running = trend.find((row) => row.runningThrough !== undefined);
            const runningVars = running?.runningThrough
              ? {
                  month: periodLabel(
                    { year: Number(running.month.slice(0, 4)), month: Number(running.month.slice(5, 7)) },
                    locale,
                  ),
                  day: running.runningThrough.slice(5),
                }
              : undefined;
            const runningName = runningVars ? t('cmp.per1000SoFar', runningVars) : undefined;
            return (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {runningVars ? (
                  <Typography.Text type="secondary" data-testid="trend-running-note">
                    {t('overview.runningMonth', runningVars)}
                  </Typography.Text>
                ) : null}
                <ChartCard<TTrendRow>
                  testId="chart-trend-cases"
                  title={`${t('overview.trendCases')}（${filters.period.year}）`}
                  rows={trend}
                  rowKey={(row) => row.month}
                  columns={[
                    monthColumn,
                    {
                      key: 'cases',
                      title: t('kpi.cases'),
                      value: (row) => row.cases,
                      render: (row) => formatNumber(row.cases, locale),
                      align: 'right',
                    },
                    {
                      key: 'casesLy',
                      title: `${t('kpi.cases')}（${lastYearName}）`,
                      value: (row) => row.casesLastYear,
                      render: (row) => formatNumber(row.casesLastYear, locale),
                      align: 'right',
                    },
                    {
                      key: 'overdue',
                      title: t('kpi.overdueCases'),
                      value: (row) => row.overdueCases,
                      align: 'right',
                    },
                  ]}
                  chart={
                    <ResponsiveContainer>
                      <ComposedChart data={trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="month" tickFormatter={monthTick} />
                        <YAxis
                          yAxisId="cases"
                          tickFormatter={(v: number) => formatNumber(v, locale)}
                          width={64}
                        />
                        <YAxis yAxisId="overdue" orientation="right" allowDecimals={false} width={40} />
                        <Tooltip formatter={(v) => formatNumber(Number(v), locale)} />
                        <Legend />
                        <Bar
                          yAxisId="cases"
                          dataKey="cases"
                          name={t('kpi.cases')}
                          fill={COLORS.blue}
                          isAnimationActive={false}
                        />
                        <Bar
                          yAxisId="cases"
                          dataKey="casesLastYear"
                          name={`${t('kpi.cases')}（${lastYearName}）`}
                          fill="#b0bec5"
                          isAnimationActive={false}
                        />
                        <Line
                          yAxisId="overdue"
                          dataKey="overdueCases"
                          name={t('kpi.overdueCases')}
                          stroke={COLORS.primary}
                          strokeWidth={2}
                          isAnimationActive={false}
                        />
                      </ComposedChart>
                    </ResponsiveContainer>
                  }
                />
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={12}>
                    <ChartCard<TTrendRow>
                      testId="chart-trend-ontime"
                      title={t('overview.trendOnTime')}
                      rows={trend}
                      rowKey={(row) => row.month}
                      height={240}
                      columns={[
                        monthColumn,
                        {
                          key: 'rate',
                          title: t('kpi.onTimeRate'),
                          value: (row) => row.onTimeRate ?? row.onTimeRateSoFar,
                          render: (row) => formatPercent(row.onTimeRate ?? row.onTimeRateSoFar, locale),
                          align: 'right',
                        },
                        {
                          key: 'rateLy',
                          title: `${t('kpi.onTimeRate')}（${lastYearName}）`,
                          value: (row) => row.onTimeRateLastYear,
                          render: (row) => formatPercent(row.onTimeRateLastYear, locale),
                          align: 'right',
                        },
                      ]}
                      chart={
                        <ResponsiveContainer>
                          <LineChart data={trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                            <CartesianGrid strokeDasharray="3 3" vertical={false} />
                            <XAxis dataKey="month" tickFormatter={monthTick} />
                            <YAxis
                              domain={[(min: number) => Math.max(0, Math.floor(min * 100 - 1) / 100), 1]}
                              allowDataOverflow
                              tickFormatter={(v: number) => formatPercent(v, locale, 1)}
                              width={64}
                            />
                            <Tooltip formatter={(v) => formatPercent(Number(v), locale)} />
                            <Legend />
                            <Line
                              dataKey="onTimeRate"
                              name={t('kpi.onTimeRate')}
                              stroke={COLORS.green}
                              strokeWidth={2}
                              isAnimationActive={false}
                            />
                            {runningPointLine('onTimeRateSoFar', runningName)}
                            <Line
                              dataKey="onTimeRateLastYear"
                              name={lastYearName}
                              stroke="#b0bec5"
                              strokeDasharray="4 3"
                              isAnimationActive={false}
                            />
                          </LineChart>
                        </ResponsiveContainer>
                      }
                    />
                  </Col>
                  <Col xs={24} xl={12}>
                    <ChartCard<TTrendRow>
                      testId="chart-trend-complaints"
                      title={t('overview.trendComplaints')}
                      rows={trend}
                      rowKey={(row) => row.month}
                      height={240}
                      columns={[
                        monthColumn,
                        {
                          key: 'per1000',
                          title: t('kpi.complaintsPer1000'),
                          value: (row) => row.complaintsPer1000 ?? row.complaintsPer1000SoFar,
                          render: (row) =>
                            formatNumber(row.complaintsPer1000 ?? row.complaintsPer1000SoFar, locale, 2),
                          align: 'right',
                        },
                        {
                          key: 'per1000Ly',
                          title: `${t('kpi.complaintsPer1000')}（${lastYearName}）`,
                          value: (row) => row.complaintsPer1000LastYear,
                          render: (row) => formatNumber(row.complaintsPer1000LastYear, locale, 2),
                          align: 'right',
                        },
                      ]}
                      chart={
                        <ResponsiveContainer>
                          <LineChart data={trend} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                            <CartesianGrid strokeDasharray="3 3" vertical={false} />
                            <XAxis dataKey="month" tickFormatter={monthTick} />
                            <YAxis width={48} />
                            <Tooltip formatter={(v) => formatNumber(Number(v), locale, 2)} />
                            <Legend />
                            <Line
                              dataKey="complaintsPer1000"
                              name={t('kpi.complaintsPer1000')}
                              stroke={COLORS.orange}
                              strokeWidth={2}
                              isAnimationActive={false}
                            />
                            {runningPointLine('complaintsPer1000SoFar', runningName)}
                            <Line
                              dataKey="complaintsPer1000LastYear"
                              name={lastYearName}
                              stroke="#b0bec5"
                              strokeDasharray="4 3"
                              isAnimationActive={false}
                            />
                          </LineChart>
                        </ResponsiveContainer>
                      }
                    />
                  </Col>
                </Row>
              </Space>
            );
          }}
        </QueryView>
      </Space>
    </div>
  );
}
