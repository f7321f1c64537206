import { Line } from 'recharts';
/** Shared chart colours and axis helpers, so every chart reads the same way. */
export const COLORS = {
  primary: '#b71c1c',
  blue: '#1f5fbf',
  green: '#2e7d32',
  orange: '#ef6c00',
  grey: '#78909c',
  gold: '#d4a106',
  purple: '#6a1b9a',
} as const;

export const SERIES = [
  COLORS.blue,
  COLORS.primary,
  COLORS.green,
  COLORS.orange,
  COLORS.purple,
  COLORS.gold,
  COLORS.grey,
];

export const GRADE_COLORS: Record<string, string> = {
  excellent: COLORS.green,
  competent: COLORS.blue,
  basic: COLORS.orange,
  incompetent: COLORS.primary,
  none: COLORS.grey,
};

/** 2026-07 → 26/07, short enough for twelve ticks at 1366 px. */
export function monthTick(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? `${month.slice(2, 4)}/${month.slice(5, 7)}` : month;
}

/**
 * The running month's value so far, on a line chart of whole months: a dashed grey point of its own,
 * not joined to the line (a month two days old is not a month). Called as a function, so the chart
 * sees a `Line` among its children; nothing without a running month.
 */
export function runningPointLine(dataKey: string, name: string | undefined) {
  return name === undefined ? null : (
    <Line
      dataKey={dataKey}
      name={name}
      stroke={COLORS.grey}
      strokeDasharray="4 3"
      dot={{ r: 4 }}
      isAnimationActive={false}
    />
  );
}
