/** A month of the complaint rate as the API gives it; `runningThrough`: the month is still running. */
export type TMonthRate = {
  month: string;
  cases: number;
  complaints: number;
  per1000: number | null;
  runningThrough?: string;
};

/** A month on the chart: the whole months' line, and the running month's rate so far apart from it. */
export type TMonthPoint = TMonthRate & { whole: number | null; soFar: number | null };

/**
 * The rate by month for the line chart: a running month holds its days so far only (two days into
 * December, no complaint yet reads as 0), so it is kept off the line of whole months and drawn as a
 * point of its own, labelled with the day it runs to.
 */
export function monthRatePoints(rows: readonly TMonthRate[]): TMonthPoint[] {
  return rows.map((row) => ({
    ...row,
    whole: row.runningThrough ? null : row.per1000,
    soFar: row.runningThrough ? row.per1000 : null,
  }));
}

/** The running month in the rows, if any (its month and the day it runs to). */
export function runningMonth(rows: readonly TMonthRate[]): TMonthRate | undefined {
  return rows.find((row) => row.runningThrough !== undefined);
}
