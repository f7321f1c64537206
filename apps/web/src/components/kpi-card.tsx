import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Space, Statistic, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent, relativeChange } from '../lib/format.ts';

export type TKpi = {
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** what each is compared with, e.g. 2026Q3 至 09-02 for a running period (the same elapsed span) */
  previousPeriod?: string | undefined;
  lastYearPeriod?: string | undefined;
  /**
   * why there is no comparison at all (a figure given for a whole quarter while the quarter runs:
   * grades, peer tiers); then 不作比较 is shown, the reason in its tooltip and on the card
   */
  noComparison?: string | null | undefined;
};

type TKpiCardProps = {
  title: string;
  kpi: TKpi;
  format: (value: number | null) => string;
  /** true when a rise is bad news (overdue cases, complaints, incompetent): the arrow turns red */
  isLowerBetter?: boolean;
  testId?: string;
};

/** A change line: 环比 +3.2% / 同比 −1.0%, coloured by whether the change is good news. */
function Change({
  label,
  current,
  base,
  isLowerBetter,
  basis,
}: {
  label: string;
  current: number | null;
  base: number | null;
  isLowerBetter: boolean;
  basis?: string | undefined;
}) {
  const { t, locale } = useI18n();
  const change = relativeChange(current, base);
  if (change === null) {
    return (
      <Typography.Text type="secondary">
        {label} {t('kpi.noBase')}
      </Typography.Text>
    );
  }
  const isGood = change === 0 ? null : change > 0 !== isLowerBetter;
  const color = isGood === null ? undefined : isGood ? '#389e0d' : '#cf1322';
  const text = (
    <Typography.Text style={{ color }}>
      {label} {change > 0 ? <ArrowUpOutlined /> : change < 0 ? <ArrowDownOutlined /> : null}
      {formatPercent(Math.abs(change), locale, 1)}
    </Typography.Text>
  );
  return basis ? <Tooltip title={`${t('kpi.comparedWith')} ${basis}`}>{text}</Tooltip> : text;
}

/** A KPI with its change against the previous period (环比) and the same period last year (同比). */
export function KpiCard({ title, kpi, format, isLowerBetter = false, testId }: TKpiCardProps) {
  const { t } = useI18n();
  if (kpi.noComparison) {
    return (
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={format(kpi.value)} />
        <Tooltip title={kpi.noComparison}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-no-comparison">
            {t('kpi.noComparison')}
          </Typography.Text>
        </Tooltip>
      </Card>
    );
  }
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={format(kpi.value)} />
      <Space size={12} wrap style={{ fontSize: 12 }}>
        <Change
          label={t('kpi.vsPrevious')}
          current={kpi.value}
          base={kpi.previous}
          isLowerBetter={isLowerBetter}
          basis={kpi.previousPeriod}
        />
        <Change
          label={t('kpi.vsLastYear')}
          current={kpi.value}
          base={kpi.lastYear}
          isLowerBetter={isLowerBetter}
          basis={kpi.lastYearPeriod}
        />
      </Space>
    </Card>
  );
}
