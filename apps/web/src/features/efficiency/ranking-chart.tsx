import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS } from '../../components/chart-kit.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { TEfficiencyRow, TMetric } from './efficiency-rows.ts';

/** A horizontal ranking bar chart; a click on a bar drills into that row. */
export function RankingChart({
  rows,
  metric,
  onPick,
}: {
  rows: readonly TEfficiencyRow[];
  metric: TMetric;
  onPick?: (row: TEfficiencyRow) => void;
}) {
  const { t, locale } = useI18n();
  const isRate = metric === 'onTimeRate';
  const format = (value: number) => (isRate ? formatPercent(value, locale) : formatNumber(value, locale, 2));
  const label = {
    onTimeRate: t('eff.onTimeRate'),
    overdue: t('eff.overdueCases'),
    overdueDays: t('eff.overdueDays'),
    avgHandlingDays: t('eff.avgDays'),
  }[metric];
  const minRate = Math.min(...rows.map((row) => row.onTimeRate ?? 1));
  return (
    <ResponsiveContainer>
      <BarChart
        data={rows as TEfficiencyRow[]}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={isRate ? [Math.max(0, Math.floor(minRate * 100 - 1) / 100), 1] : [0, 'auto']}
          tickFormatter={(value: number) =>
            isRate ? formatPercent(value, locale, 0) : formatNumber(value, locale, 1)
          }
          allowDataOverflow
        />
        <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => format(Number(value))} />
        {metric === 'avgHandlingDays' ? <Legend /> : null}
        <Bar
          dataKey={metric}
          name={label}
          fill={isRate ? COLORS.green : COLORS.primary}
          isAnimationActive={false}
          cursor={onPick ? 'pointer' : undefined}
          onClick={onPick ? (entry) => onPick(entry.payload as TEfficiencyRow) : undefined}
        />
        {metric === 'avgHandlingDays' ? (
          <Bar
            dataKey="avgPromisedDays"
            name={t('eff.promisedDays')}
            fill="#b0bec5"
            isAnimationActive={false}
          />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
