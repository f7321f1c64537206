import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, render } from '../test-utils.tsx';
import { ChartCard } from './chart-card.tsx';
import * as exporter from './export.ts';

type TRow = { month: string; cases: number };
const rows: TRow[] = [
  { month: '2026-07', cases: 1200 },
  { month: '2026-08', cases: 900 },
];
const columns = [
  { key: 'month', title: '月份', value: (row: TRow) => row.month },
  { key: 'cases', title: '办件量', value: (row: TRow) => row.cases },
];

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('ChartCard', () => {
  it('shows the chart first and the same rows as a table after the switch', async () => {
    const { container } = await render(
      <ChartCard
        title="月度办件量"
        rows={rows}
        columns={columns}
        rowKey={(row) => row.month}
        chart={<div data-testid="the-chart" />}
      />,
    );
    expect(container.querySelector('[data-testid=the-chart]')).not.toBeNull();
    expect(container.querySelector('table')).toBeNull();
    await click(container.querySelector('[title=表格]'));
    expect(container.querySelector('[data-testid=the-chart]')).toBeNull();
    const cells = [...container.querySelectorAll('tbody tr.ant-table-row td')].map(
      (cell) => cell.textContent,
    );
    expect(cells).toEqual(['2026-07', '1200', '2026-08', '900']);
  });

  it('exports the table rows with their column titles to Excel', async () => {
    const sheet = vi.spyOn(exporter, 'sheetToXlsxBlob').mockResolvedValue(new Blob(['x']));
    const download = vi.spyOn(exporter, 'downloadBlob').mockImplementation(() => {});
    const { container } = await render(
      <ChartCard
        title="月度办件量"
        rows={rows}
        columns={columns}
        rowKey={(row) => row.month}
        chart={<div />}
      />,
    );
    await click(container.querySelector('[aria-label=导出Excel]'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(sheet).toHaveBeenCalledWith({
      title: '月度办件量',
      header: ['月份', '办件量'],
      rows: [
        ['2026-07', 1200],
        ['2026-08', 900],
      ],
    });
    expect(download).toHaveBeenCalledWith(expect.any(Blob), '月度办件量.xlsx');
  });

  it('shows the empty state and disables Excel without rows', async () => {
    const { container } = await render(
      <ChartCard
        title="空"
        rows={[]}
        columns={columns}
        rowKey={(row) => row.month}
        chart={<div data-testid="the-chart" />}
      />,
    );
    expect(container.textContent).toContain('暂无数据');
    expect(container.querySelector('[data-testid=the-chart]')).toBeNull();
    expect((container.querySelector('[aria-label=导出Excel]') as HTMLButtonElement).disabled).toBe(true);
  });
});
