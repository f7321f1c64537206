import { GRADES, QUARTER_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Table, Tag } from 'antd';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { GradeBars } from '../../components/grade-bars.tsx';
import { FlagTags, GradeTag, gradeText } from '../../components/grade-tag.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyWhy } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePermissions } from '../../lib/permissions.ts';
import { Link } from '../../lib/router.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { CadrePoolCard, ConfirmCadreButton } from './cadre-pool.tsx';

/** The year's grades, and no grade (too few quarters). */
const YEAR_GRADES = [...GRADES, null] as const;

/** Year-end evaluation (年终总评) and the cadre-reserve candidates (后备干部) for leaders to confirm. */
export default function YearEndPage() {
  const i18n = useI18n();
  const { t, locale, term, label } = i18n;
  const filters = useFilters();
  const trpc = useTRPC();
  const year = filters.period.year;
  const canConfirmCadres = usePermissions().can('assessment.cadreCandidates');
  const query = useQuery(trpc.assessment.yearEnd.queryOptions({ year }));
  const candidates = useQuery({
    ...trpc.assessment.cadreCandidates.queryOptions({ year }),
    enabled: canConfirmCadres,
  });
  const pool = useQuery({ ...trpc.cadres.pool.queryOptions(), enabled: canConfirmCadres });
  const inPool = new Set((pool.data ?? []).filter((e) => e.status === 'active').map((e) => e.staffId));
  const reasonText = (reason: string) =>
    reason === 'annualExcellent'
      ? locale === 'en'
        ? 'Excellent for the year'
        : '年度优秀'
      : locale === 'en'
        ? 'Excellent in ≥ 2 quarters'
        : '两个及以上季度优秀';

  return (
    <div data-testid="page-yearEnd">
      <PageHead title={`${t('ye.title')} · ${locale === 'en' ? year : `${year}年度`}`}>
        <Space wrap>
          <FilterBar show={['period']} periodKinds={['year']} />
          <BulletinLinks kinds={['yearend', 'cadres']} params={{ year }} />
        </Space>
      </PageHead>
      <QueryView
        query={query}
        rows={10}
        isEmpty={(data) => data.results.length === 0}
        empty={<span data-testid="yearEnd-empty">{emptyWhy('yearEnd', { year }, locale)}</span>}
      >
        {(data) => {
          const grades = YEAR_GRADES.map((grade) => ({
            grade: grade ?? 'none',
            label: gradeText(i18n, grade),
            staff: data.results.filter((row) => row.grade === grade).length,
          }));
          const rows = data.results.filter((row) => !filters.windowId || row.windowId === filters.windowId);
          return (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Row gutter={[12, 12]}>
                <Col xs={24} xl={10}>
                  <ChartCard
                    testId="chart-year-grades"
                    title={t('ye.gradeChart')}
                    rows={grades}
                    rowKey={(row) => row.grade}
                    height={240}
                    columns={[
                      { key: 'grade', title: t('as.grade'), value: (row) => row.label },
                      { key: 'staff', title: t('peer.people'), value: (row) => row.staff, align: 'right' },
                    ]}
                    chart={<GradeBars rows={grades} name={t('peer.people')} marginTop={16} />}
                  />
                </Col>
                <Col xs={24} xl={14}>
                  <Card
                    size="small"
                    title={t('ye.candidates')}
                    data-testid="cadre-candidates"
                    style={{ height: '100%' }}
                  >
                    <Alert type="info" showIcon title={t('ye.candidatesHint')} style={{ marginBottom: 8 }} />
                    {canConfirmCadres ? (
                      <QueryView query={candidates} rows={3} isEmpty={(list) => list.length === 0}>
                        {(list) => (
                          <Table
                            size="small"
                            rowKey="staff"
                            dataSource={list}
                            pagination={false}
                            columns={[
                              {
                                key: 'name',
                                title: t('as.name'),
                                render: (_, row) => (
                                  <Link to={`/assessment/person/${row.staffId}`}>{row.staffName}</Link>
                                ),
                              },
                              {
                                key: 'window',
                                title: t('as.window'),
                                render: (_, row) => row.windowName ?? '—',
                              },
                              {
                                key: 'mean',
                                title: t('ye.mean'),
                                render: (_, row) => formatNumber(row.mean, locale, 2),
                                align: 'right',
                              },
                              {
                                key: 'reason',
                                title: t('ye.reason'),
                                render: (_, row) =>
                                  row.reasons.map((reason) => (
                                    <Tag key={reason} color="green">
                                      {reasonText(reason)}
                                    </Tag>
                                  )),
                              },
                              {
                                key: 'quarters',
                                title: t('filter.quarter'),
                                render: (_, row) =>
                                  row.excellentQuarters
                                    .map((q) => label(QUARTER_LABELS, q as 1 | 2 | 3 | 4))
                                    .join('、'),
                              },
                              {
                                key: 'confirm',
                                title: '',
                                render: (_, row) => (
                                  <ConfirmCadreButton
                                    year={year}
                                    staffId={row.staffId}
                                    isInPool={inPool.has(row.staffId)}
                                  />
                                ),
                              },
                            ]}
                          />
                        )}
                      </QueryView>
                    ) : (
                      <Alert
                        type="warning"
                        showIcon
                        title={locale === 'en' ? 'Leaders see the candidates.' : '后备干部人选仅中心领导可见'}
                      />
                    )}
                  </Card>
                </Col>
              </Row>
              {canConfirmCadres && <CadrePoolCard />}
              <Card size="small" title={t('ye.title')} data-testid="year-results">
                <Table
                  size="small"
                  rowKey="staff"
                  dataSource={rows}
                  pagination={{ pageSize: 15, showSizeChanger: false }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      key: 'rank',
                      title: t('as.rank'),
                      render: (_, row) => row.rank ?? '—',
                      align: 'right',
                      width: 64,
                    },
                    {
                      key: 'name',
                      title: t('as.name'),
                      render: (_, row) => (
                        <Link to={`/assessment/person/${row.staffId}`}>{row.staffName}</Link>
                      ),
                    },
                    { key: 'window', title: t('as.window'), render: (_, row) => row.windowName ?? '—' },
                    { key: 'unit', title: t('as.unit'), render: (_, row) => row.unitName ?? '—' },
                    ...([1, 2, 3, 4] as const).map((q) => ({
                      key: `q${q}`,
                      title: term(QUARTER_LABELS[q]),
                      align: 'right' as const,
                      render: (_: unknown, row: (typeof rows)[number]) =>
                        formatNumber(row.quarterTotals[q] ?? null, locale, 2),
                    })),
                    {
                      key: 'mean',
                      title: t('ye.mean'),
                      render: (_, row) => <strong>{formatNumber(row.mean, locale, 2)}</strong>,
                      align: 'right',
                    },
                    {
                      key: 'grade',
                      title: t('as.grade'),
                      render: (_, row) => <GradeTag grade={row.grade} />,
                    },
                    {
                      key: 'flags',
                      title: t('as.flags'),
                      render: (_, row) => <FlagTags flags={row.flags} vetoed={row.vetoed} />,
                    },
                  ]}
                />
              </Card>
            </Space>
          );
        }}
      </QueryView>
    </div>
  );
}
