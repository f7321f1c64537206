import { BarChartOutlined, FileExcelOutlined, PictureOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/trpc.ts';
import { downloadBlob, safeName, sheetToXlsxBlob, svgToPngBlob } from './export.ts';
import { EmptyState } from './query-view.tsx';

/** One column of a chart's table view; `value` is what goes to Excel, `render` what shows on screen. */
export type TDataColumn<Row> = {
  key: string;
  title: string;
  value: (row: Row) => string | number | null | undefined;
  render?: (row: Row) => ReactNode;
  align?: 'left' | 'right' | 'center';
  sorter?: boolean;
};

type TChartCardProps<Row> = {
  title: string;
  rows: readonly Row[];
  columns: readonly TDataColumn<Row>[];
  rowKey: (row: Row) => string;
  /** the chart; it gets the same rows as the table */
  chart: ReactNode;
  height?: number;
  extra?: ReactNode;
  /** 'table' to open in the table view */
  initialView?: 'chart' | 'table';
  onRowClick?: (row: Row) => void;
  testId?: string;
};

/**
 * A chart with a table view of the same rows, and PNG (chart) and Excel (table) export.
 * Every chart of the dashboard goes through this card, so each can switch and export.
 */
export function ChartCard<Row>(props: TChartCardProps<Row>) {
  const { title, rows, columns, rowKey, chart, height = 300, extra, onRowClick, testId } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>(props.initialView ?? 'chart');
  const chartRef = useRef<HTMLDivElement>(null);
  const filename = safeName(title);

  const exportPng = async () => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!svg) {
      message.info(t('chart.pngOnlyChart'));
      return;
    }
    try {
      downloadBlob(await svgToPngBlob(svg), `${filename}.png`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const exportExcel = async () => {
    try {
      const blob = await sheetToXlsxBlob({
        title,
        header: columns.map((column) => column.title),
        rows: rows.map((row) => columns.map((column) => column.value(row))),
      });
      downloadBlob(blob, `${filename}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const tableColumns: ColumnsType<Row> = columns.map((column) => ({
    key: column.key,
    title: column.title,
    align: column.align,
    render: (_: unknown, row: Row) => (column.render ? column.render(row) : (column.value(row) ?? '—')),
    sorter: column.sorter
      ? (a: Row, b: Row) => {
          const x = column.value(a);
          const y = column.value(b);
          if (typeof x === 'number' && typeof y === 'number') return x - y;
          return String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
        }
      : undefined,
  }));

  return (
    <Card
      title={title}
      size="small"
      data-testid={testId}
      extra={
        <Space size={4} wrap>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            options={[
              {
                value: 'chart',
                icon: <BarChartOutlined />,
                title: t('chart.chart'),
                label: <span className="sr-only">{t('chart.chart')}</span>,
              },
              {
                value: 'table',
                icon: <TableOutlined />,
                title: t('chart.table'),
                label: <span className="sr-only">{t('chart.table')}</span>,
              },
            ]}
          />
          <Tooltip title={view === 'table' ? t('chart.pngOnlyChart') : t('chart.png')}>
            <Button
              size="small"
              icon={<PictureOutlined />}
              onClick={exportPng}
              disabled={view === 'table'}
              aria-label={t('chart.png')}
            />
          </Tooltip>
          <Tooltip title={t('chart.excel')}>
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              onClick={exportExcel}
              disabled={rows.length === 0}
              aria-label={t('chart.excel')}
            />
          </Tooltip>
        </Space>
      }
    >
      {rows.length === 0 ? (
        <EmptyState />
      ) : view === 'chart' ? (
        <div ref={chartRef} style={{ width: '100%', height }} className="chart-body">
          {chart}
        </div>
      ) : (
        <Table<Row>
          size="small"
          rowKey={rowKey}
          columns={tableColumns}
          dataSource={rows as Row[]}
          pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          onRow={
            onRowClick
              ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } })
              : undefined
          }
        />
      )}
    </Card>
  );
}
