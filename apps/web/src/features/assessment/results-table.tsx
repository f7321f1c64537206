import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FlagTags, GradeTag } from '../../components/grade-tag.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';

/** One row of a quarter's results, as `assessment.quarter` returns it. */
export type TResultRow = {
  staff: string;
  staffId: number;
  staffName: string;
  windowName: string | null;
  unitName: string | null;
  categories: Record<string, number>;
  bonus: number;
  total: number;
  peerGoodShare: number | null;
  rank: number;
  grade: string;
  vetoed: boolean;
  flags: readonly string[];
};

/** The results of a quarter: each category, bonus, total, rank, grade and flags; names open the person page. */
export function ResultsTable({ rows, pageSize = 15 }: { rows: readonly TResultRow[]; pageSize?: number }) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<TResultRow> = [
    {
      key: 'rank',
      title: t('as.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'right',
      sorter: (a, b) => a.rank - b.rank,
    },
    {
      key: 'name',
      title: t('as.name'),
      render: (_, row) => (
        <Link to={`/assessment/person/${row.staffId}`} keepSearch>
          {row.staffName}
        </Link>
      ),
    },
    { key: 'window', title: t('as.window'), render: (_, row) => row.windowName ?? '—' },
    { key: 'unit', title: t('as.unit'), render: (_, row) => row.unitName ?? '—', responsive: ['xl'] },
    {
      key: 'civility',
      title: t('as.civility'),
      render: (_, row) => row.categories.civility ?? '—',
      align: 'right',
    },
    {
      key: 'skills',
      title: t('as.skills'),
      render: (_, row) => row.categories.skills ?? '—',
      align: 'right',
    },
    {
      key: 'discipline',
      title: t('as.discipline'),
      render: (_, row) => row.categories.discipline ?? '—',
      align: 'right',
    },
    {
      key: 'bonus',
      title: t('as.bonus'),
      render: (_, row) => (row.bonus ? `+${formatNumber(row.bonus, locale, 2)}` : '0'),
      align: 'right',
    },
    {
      key: 'total',
      title: t('as.total'),
      render: (_, row) => <strong>{formatNumber(row.total, locale, 2)}</strong>,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
    },
    {
      key: 'peer',
      title: t('as.peerShare'),
      render: (_, row) => formatPercent(row.peerGoodShare, locale, 0),
      align: 'right',
      responsive: ['xl'],
    },
    { key: 'grade', title: t('as.grade'), render: (_, row) => <GradeTag grade={row.grade} /> },
    {
      key: 'flags',
      title: t('as.flags'),
      width: 180,
      render: (_, row) => <FlagTags flags={row.flags} vetoed={row.vetoed} />,
    },
  ];
  return (
    <Table<TResultRow>
      size="small"
      rowKey="staff"
      columns={columns}
      dataSource={rows as TResultRow[]}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      // at least the width its columns need, and no wider than the page: the flags wrap, never cut
      scroll={{ x: 960 }}
      rowClassName={(row) => (row.grade === 'incompetent' ? 'row-incompetent' : '')}
    />
  );
}
