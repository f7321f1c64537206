import { FlagFilled, WarningFilled } from '@ant-design/icons';
import { AWARD_KIND_LABELS, type TAwardKind } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Tooltip as AntTooltip, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { COLORS, monthTick } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { EmptyState, QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { yearInput } from '../../lib/analytics-input.ts';
import { emptyWhy } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { useOrg } from '../../lib/org.ts';
import { useSession } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';

type TAward = {
  windowId: number;
  kind: TAwardKind;
  month: number | null;
  status: string;
  reason: string | null;
  date: string;
};

export type TGridRow = {
  windowId: number;
  windowName: string;
  unitName: string;
  annual: boolean;
  months: { redFlag: boolean; yellowCard: boolean; reasons: string[] }[];
};

/** The window × month grid of one year: which window won the monthly red flag, which got a yellow card. */
export function awardGrid(
  awards: readonly TAward[],
  windows: readonly { id: number; name: string; unitName: string }[],
): TGridRow[] {
  const rows = new Map<number, TGridRow>();
  for (const award of awards) {
    if (award.status !== 'active') continue;
    const window = windows.find((w) => w.id === award.windowId);
    let row = rows.get(award.windowId);
    if (!row) {
      row = {
        windowId: award.windowId,
        windowName: window?.name ?? `#${award.windowId}`,
        unitName: window?.unitName ?? '',
        annual: false,
        months: Array.from({ length: 12 }, () => ({ redFlag: false, yellowCard: false, reasons: [] })),
      };
      rows.set(award.windowId, row);
    }
    if (award.kind === 'redFlagAnnual') row.annual = true;
    else if (award.month) {
      const cell = row.months[award.month - 1];
      if (cell) {
        if (award.kind === 'redFlagMonthly') cell.redFlag = true;
        else cell.yellowCard = true;
        if (award.reason) cell.reasons.push(award.reason);
      }
    }
  }
  const score = (row: TGridRow) =>
    row.months.filter((m) => m.redFlag).length * 10 +
    (row.annual ? 100 : 0) -
    row.months.filter((m) => m.yellowCard).length;
  return [...rows.values()].sort(
    (a, b) => score(b) - score(a) || a.windowName.localeCompare(b.windowName, 'zh-CN'),
  );
}

/** Red-flag windows (红旗窗口) monthly and annual over time, and yellow cards (黄牌警告). */
export default function RedFlagPage() {
  const { t, locale, label } = useI18n();
  const kindName = (kind: TAwardKind) => label(AWARD_KIND_LABELS, kind);
  const filters = useFilters();
  const trpc = useTRPC();
  const org = useOrg();
  const year = filters.period.year;
  const summary = useQuery(trpc.analytics.awards.queryOptions(yearInput(filters)));
  // a window head's summary is their own window's: the chart says so, and says when it has nothing
  const isHead = useSession().data?.role === 'head';
  const chartTitle = isHead ? `${t('rf.overTime')}（${t('rf.ownWindow')}）` : t('rf.overTime');
  const awards = useQuery(trpc.awards.list.queryOptions({ year }));
  const windows = (org.data?.windows ?? [])
    .filter(
      (w) =>
        (!filters.unitId || w.unitId === filters.unitId) && (!filters.windowId || w.id === filters.windowId),
    )
    .map((w) => ({
      id: w.id,
      name: w.name,
      unitName: org.data?.units.find((u) => u.id === w.unitId)?.name ?? '',
    }));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const [noticeMonth, setNoticeMonth] = useState<number | undefined>(undefined);

  return (
    <div data-testid="page-redFlag">
      <PageHead title={`${t('rf.title')} · ${locale === 'en' ? year : `${year}年`}`}>
        <Space wrap>
          <FilterBar periodKinds={['year']} />
          {/* the year's notices: the annual flag (or, until it is given, the monthly flags so far) and the yellow cards */}
          <BulletinLinks kinds={['awards', 'yellowcard']} params={{ year }} />
          {/* a month's notices: its red flags (月度红旗窗口) and its yellow cards */}
          <Select
            size="small"
            allowClear
            style={{ width: 150 }}
            placeholder={t('rf.monthNotices')}
            value={noticeMonth}
            onChange={(value: number | undefined) => setNoticeMonth(value)}
            options={months.map((m) => ({ value: m, label: locale === 'en' ? `Month ${m}` : `${m}月` }))}
            data-testid="rf-notice-month"
          />
          {noticeMonth !== undefined && (
            <BulletinLinks
              kinds={['awards', 'yellowcard']}
              params={{ year, month: noticeMonth }}
              prefix={locale === 'en' ? `Month ${noticeMonth}` : `${noticeMonth}月`}
            />
          )}
        </Space>
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <QueryView query={summary} rows={6}>
          {(data) => {
            const byMonth = months.map((month) => {
              const key = `${year}-${String(month).padStart(2, '0')}`;
              const row = data.byMonth.find((m) => m.month === key);
              return {
                month: key,
                redFlag: row?.redFlag.length ?? 0,
                yellowCard: row?.yellowCard.length ?? 0,
                redFlagNames: row?.redFlag.join('、') ?? '',
                yellowNames: row?.yellowCard.join('、') ?? '',
              };
            });
            if (byMonth.every((row) => row.redFlag === 0 && row.yellowCard === 0)) {
              return (
                <Card size="small" title={chartTitle} data-testid="chart-awards-month">
                  <EmptyState
                    description={
                      <span data-testid="redFlag-empty">
                        {emptyWhy('redFlag', { year }, locale) ?? t('rf.none', { year })}
                      </span>
                    }
                  />
                </Card>
              );
            }
            return (
              <ChartCard
                testId="chart-awards-month"
                title={chartTitle}
                rows={byMonth}
                rowKey={(row) => row.month}
                height={240}
                columns={[
                  { key: 'month', title: t('overview.month'), value: (row) => row.month },
                  { key: 'red', title: kindName('redFlagMonthly'), value: (row) => row.redFlagNames },
                  { key: 'yellow', title: kindName('yellowCard'), value: (row) => row.yellowNames },
                ]}
                chart={
                  <ResponsiveContainer>
                    <BarChart data={byMonth} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="month" tickFormatter={monthTick} />
                      <YAxis allowDecimals={false} width={32} />
                      <Tooltip />
                      <Legend />
                      <Bar
                        dataKey="redFlag"
                        name={kindName('redFlagMonthly')}
                        fill={COLORS.primary}
                        isAnimationActive={false}
                      />
                      <Bar
                        dataKey="yellowCard"
                        name={kindName('yellowCard')}
                        fill={COLORS.gold}
                        isAnimationActive={false}
                      />
                    </BarChart>
                  </ResponsiveContainer>
                }
              />
            );
          }}
        </QueryView>
        <Card size="small" title={`${t('rf.grid')}（${year}）`} data-testid="redflag-grid">
          <QueryView query={awards} rows={6} isEmpty={(rows) => rows.length === 0}>
            {(rows) => {
              const grid = awardGrid(rows, windows).filter((row) =>
                windows.some((w) => w.id === row.windowId),
              );
              return (
                <Table<TGridRow>
                  className="redflag-grid"
                  size="small"
                  rowKey="windowId"
                  dataSource={grid}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      key: 'window',
                      title: t('rf.window'),
                      fixed: 'left',
                      render: (_, row) => (
                        <span>
                          {row.windowName}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {' '}
                            {row.unitName}
                          </Typography.Text>
                        </span>
                      ),
                    },
                    ...months.map((month) => ({
                      key: `m${month}`,
                      title: locale === 'en' ? String(month) : `${month}月`,
                      className: 'cell',
                      render: (_: unknown, row: TGridRow) => {
                        const cell = row.months[month - 1];
                        if (!cell || (!cell.redFlag && !cell.yellowCard)) return null;
                        return (
                          <AntTooltip title={cell.reasons.join('；') || undefined}>
                            <span>
                              {cell.redFlag ? (
                                <FlagFilled
                                  style={{ color: COLORS.primary }}
                                  aria-label={kindName('redFlagMonthly')}
                                />
                              ) : null}
                              {cell.yellowCard ? (
                                <WarningFilled
                                  style={{ color: COLORS.gold }}
                                  aria-label={kindName('yellowCard')}
                                />
                              ) : null}
                            </span>
                          </AntTooltip>
                        );
                      },
                    })),
                    {
                      key: 'annual',
                      title: kindName('redFlagAnnual'),
                      render: (_, row) =>
                        row.annual ? (
                          <Tag color="red" icon={<FlagFilled />}>
                            {kindName('redFlagAnnual')}
                          </Tag>
                        ) : null,
                    },
                  ]}
                />
              );
            }}
          </QueryView>
          <Space size={16} style={{ marginTop: 8 }}>
            <span>
              <FlagFilled style={{ color: COLORS.primary }} /> {kindName('redFlagMonthly')}
            </span>
            <span>
              <WarningFilled style={{ color: COLORS.gold }} /> {kindName('yellowCard')}
            </span>
          </Space>
        </Card>
      </Space>
    </div>
  );
}
