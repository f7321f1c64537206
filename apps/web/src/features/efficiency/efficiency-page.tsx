import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ChartCard, type TDataColumn } from '../../components/chart-card.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { analyticsInput } from '../../lib/analytics-input.ts';
import { emptyWhy } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { nameOf, useOrg } from '../../lib/org.ts';
import { periodLabel, rangeOf } from '../../lib/period.ts';
import { hrefWith, Link, navigate, updateSearch } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CasesCard } from './cases-card.tsx';
import {
  rank,
  staffRows,
  type TEfficiencyRow,
  type TMetric,
  unitRows,
  windowRows,
} from './efficiency-rows.ts';
import { RankingChart } from './ranking-chart.tsx';

/** Window efficiency: rankings of units and windows, drill-down unit → window → person. */
export default function EfficiencyPage() {
  const { t, locale } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const org = useOrg();
  const [metric, setMetric] = useState<TMetric>('onTimeRate');
  const query = useQuery(trpc.analytics.windowEfficiency.queryOptions(analyticsInput(filters)));
  // a window head is answered with their own window only: the page shows that window, never as a unit
  const isHead = useSession().data?.role === 'head';
  const ownWindow = isHead && query.data?.byWindow.length === 1 ? query.data.byWindow[0] : undefined;
  const windowId = filters.windowId ?? ownWindow?.windowId;
  const level = windowId ? 'window' : filters.unitId ? 'unit' : 'center';

  const columns = (nameTitle: string): TDataColumn<TEfficiencyRow>[] => [
    {
      key: 'name',
      title: nameTitle,
      value: (row) => row.name,
      render: (row) => <Typography.Text strong>{row.name}</Typography.Text>,
    },
    ...(nameTitle === t('eff.window')
      ? [{ key: 'unit', title: t('eff.unit'), value: (row: TEfficiencyRow) => row.unitName ?? '' }]
      : []),
    {
      key: 'cases',
      title: t('eff.cases'),
      value: (row) => row.cases,
      render: (row) => formatNumber(row.cases, locale),
      align: 'right',
      sorter: true,
    },
    {
      key: 'onTimeRate',
      title: t('eff.onTimeRate'),
      value: (row) => row.onTimeRate,
      render: (row) => formatPercent(row.onTimeRate, locale),
      align: 'right',
      sorter: true,
    },
    {
      key: 'overdue',
      title: t('eff.overdueCases'),
      value: (row) => row.overdue,
      align: 'right',
      sorter: true,
    },
    {
      key: 'overdueDays',
      title: t('eff.overdueDays'),
      value: (row) => row.overdueDays,
      align: 'right',
      sorter: true,
    },
    {
      key: 'avg',
      title: t('eff.avgDays'),
      value: (row) => row.avgHandlingDays,
      render: (row) => formatNumber(row.avgHandlingDays, locale, 2),
      align: 'right',
      sorter: true,
    },
    {
      key: 'promised',
      title: t('eff.promisedDays'),
      value: (row) => row.avgPromisedDays,
      render: (row) => formatNumber(row.avgPromisedDays, locale, 2),
      align: 'right',
    },
    {
      key: 'sameDay',
      title: t('eff.sameDayRate'),
      value: (row) => row.immediateSameDayRate,
      render: (row) => formatPercent(row.immediateSameDayRate, locale),
      align: 'right',
      sorter: true,
    },
  ];

  const metricPicker = (
    <Segmented
      size="small"
      value={metric}
      onChange={(value) => setMetric(value as TMetric)}
      options={[
        { value: 'onTimeRate', label: t('eff.onTimeRate') },
        { value: 'overdue', label: t('eff.overdueCases') },
        { value: 'overdueDays', label: t('eff.overdueDays') },
        { value: 'avgHandlingDays', label: t('eff.avgDays') },
      ]}
      data-testid="metric"
    />
  );

  const unitName = nameOf(org.data?.units, filters.unitId);
  const windowName = ownWindow?.windowName ?? nameOf(org.data?.windows, windowId);

  return (
    <div data-testid="page-efficiency">
      <PageHead title={`${t('eff.title')} · ${periodLabel(filters.period, locale)}`}>
        <FilterBar />
      </PageHead>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: <Link to={hrefWith({ unit: undefined, window: undefined })}>{t('filter.allUnits')}</Link>,
          },
          ...(filters.unitId
            ? [{ title: <Link to={hrefWith({ window: undefined })}>{unitName}</Link> }]
            : []),
          ...(windowId ? [{ title: windowName }] : []),
        ]}
      />
      <QueryView
        query={query}
        rows={10}
        // no case received in the period and the selection: nothing to rank, and the page says why
        isEmpty={(data) => data.current.cases === 0 && data.byWindow.every((row) => row.cases === 0)}
        empty={<span data-testid="efficiency-empty">{emptyWhy('efficiency', filters.period, locale)}</span>}
      >
        {(data) => {
          const windows = rank(windowRows(data.byWindow), metric);
          const units = rank(unitRows(data.byWindow), metric);
          const height = (rows: readonly unknown[]) => Math.max(220, rows.length * 26 + 40);
          return (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Row gutter={[12, 12]}>
                {[
                  { label: t('eff.cases'), value: formatNumber(data.current.cases, locale) },
                  { label: t('eff.onTimeRate'), value: formatPercent(data.current.onTimeRate, locale) },
                  { label: t('eff.overdueCases'), value: formatNumber(data.current.overdue, locale) },
                  { label: t('eff.overdueDays'), value: formatNumber(data.current.overdueDays, locale) },
                  {
                    label: `${t('eff.avgDays')} / ${t('eff.promisedDays')}`,
                    value: `${formatNumber(data.current.avgHandlingDays, locale, 2)} / ${formatNumber(data.current.avgPromisedDays, locale, 2)}`,
                  },
                  {
                    label: t('eff.sameDayRate'),
                    value: formatPercent(data.current.immediateSameDayRate, locale),
                  },
                ].map((item) => (
                  <Col key={item.label} flex="1 1 160px">
                    <Card size="small">
                      <Typography.Text type="secondary">{item.label}</Typography.Text>
                      <div style={{ fontSize: 20, fontWeight: 600 }}>{item.value}</div>
                    </Card>
                  </Col>
                ))}
              </Row>
              {level === 'center' ? (
                <ChartCard<TEfficiencyRow>
                  testId="chart-units"
                  title={t('eff.byUnit')}
                  rows={units}
                  rowKey={(row) => `u${row.id}`}
                  columns={columns(t('eff.unit'))}
                  height={height(units)}
                  extra={metricPicker}
                  onRowClick={(row) => updateSearch({ unit: row.id, window: undefined })}
                  chart={
                    <RankingChart
                      rows={units}
                      metric={metric}
                      onPick={(row) => updateSearch({ unit: row.id, window: undefined })}
                    />
                  }
                />
              ) : null}
              {level !== 'window' ? (
                <ChartCard<TEfficiencyRow>
                  testId="chart-windows"
                  title={level === 'unit' ? `${t('eff.byWindow')} · ${unitName}` : t('eff.byWindow')}
                  rows={windows}
                  rowKey={(row) => `w${row.id}`}
                  columns={columns(t('eff.window'))}
                  height={height(windows)}
                  extra={level === 'unit' ? metricPicker : undefined}
                  initialView={level === 'center' ? 'table' : 'chart'}
                  onRowClick={(row) => updateSearch({ window: row.id })}
                  chart={
                    <RankingChart
                      rows={windows}
                      metric={metric}
                      onPick={(row) => updateSearch({ window: row.id })}
                    />
                  }
                />
              ) : (
                <>
                  <WindowStaff
                    windowId={windowId!}
                    windowName={windowName}
                    metric={metric}
                    columns={columns(t('eff.staff'))}
                    extra={metricPicker}
                  />
                  <CasesCard
                    title={t('eff.casesOf', { name: windowName })}
                    filter={{ windowId: windowId! }}
                    range={rangeOf(filters.period)}
                  />
                </>
              )}
            </Space>
          );
        }}
      </QueryView>
    </div>
  );
}

/** The people of a window with their own figures; a click opens the person page with every record. */
function WindowStaff({
  windowId,
  windowName,
  metric,
  columns,
  extra,
}: {
  windowId: number;
  windowName: string;
  metric: TMetric;
  columns: TDataColumn<TEfficiencyRow>[];
  extra: ReactNode;
}) {
  const { t } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const staff = useQuery(
    trpc.analytics.staffEfficiency.queryOptions(
      { ...analyticsInput(filters), windowId },
      { select: (data) => rank(staffRows(data.staff), metric) },
    ),
  );
  const open = (row: TEfficiencyRow) => {
    if (row.id > 0) navigate(`/assessment/person/${row.id}${window.location.search}`);
  };
  return (
    <QueryView query={staff} isEmpty={(rows) => rows.length === 0}>
      {(rows) => (
        <ChartCard<TEfficiencyRow>
          testId="window-staff"
          title={`${t('eff.byStaff')} · ${windowName}`}
          rows={rows}
          rowKey={(row) => `s${row.id}`}
          columns={columns}
          height={Math.max(200, rows.length * 30 + 40)}
          initialView="table"
          extra={extra}
          onRowClick={open}
          chart={<RankingChart rows={rows} metric={metric} onPick={open} />}
        />
      )}
    </QueryView>
  );
}
