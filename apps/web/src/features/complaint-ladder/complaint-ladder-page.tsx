import { COMPLAINT_CAUSE_LABELS, COMPLAINT_CHANNEL_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { PolicyRef } from '../../components/policy-ref.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFilters } from '../../lib/filters.ts';
import { monthOf, periodLabel } from '../../lib/period.ts';
import { usePolicyItems } from '../../lib/policy.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** The seed's words, quoted, and the center's reading apart under its own tag (本中心细则). */
function ClauseText({ clause, text, reading }: { clause: string; text: string; reading: string }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="clause-text">
      <Typography.Text style={{ fontSize: 13 }}>
        <Tag>{clause}</Tag>“{text}。”
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Tag color="gold">{t('pc.centerRule')}</Tag>
        {reading}
      </Typography.Text>
    </Space>
  );
}

/**
 * Policy C (规范化服务通知): the complaint ladder of the year, each person's step with the complaints
 * (内、外部) that led there and the clause's text, the decision to print per person; and the month's
 * uniform confiscations (没收工作服) with their notice.
 */
export default function ComplaintLadderPage() {
  const { t, locale, label } = useI18n();
  const filters = useFilters();
  const trpc = useTRPC();
  const { year, month } = monthOf(filters.period);
  const ladder = useQuery(trpc.complaints.ladder.queryOptions({ year }));
  const fines = useQuery(trpc.fines.monthly.queryOptions({ year, month }));
  const items = usePolicyItems();
  const uniformItem = items.data?.find((i) => i.policy === 'C' && i.kind === 'fine');
  const pick = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  return (
    <div data-testid="page-complaintLadder">
      <PageHead title={`${t('pc.title')} · ${periodLabel({ year, month }, locale)}`}>
        <Space wrap>
          <FilterBar show={['period']} periodKinds={['month']} />
          <BulletinLinks kinds={['uniform']} params={{ year, month }} />
        </Space>
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={`${t('pc.ladder')}（${locale === 'en' ? year : `${year}年`}）`}>
          <QueryView query={ladder}>
            {(data) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <Space size={8} wrap>
                  <PolicyRef policy={data.policy} />
                </Space>
                {data.text ? (
                  <ClauseText clause={data.clause ?? ''} text={data.text} reading={pick(data.reading)} />
                ) : null}
                <Table
                  size="small"
                  rowKey="staffId"
                  data-testid="ladder-table"
                  dataSource={data.rows}
                  pagination={false}
                  locale={{ emptyText: t('pc.noLadder') }}
                  expandable={{
                    expandedRowRender: (row) => (
                      <Table
                        size="small"
                        rowKey="count"
                        pagination={false}
                        dataSource={row.steps}
                        columns={[
                          {
                            title: t('pc.nth'),
                            dataIndex: 'count',
                            width: 64,
                            render: (n: number) => `#${n}`,
                          },
                          { title: t('pc.date'), dataIndex: 'date', width: 100 },
                          {
                            title: t('cmp.channel'),
                            key: 'channel',
                            width: 100,
                            render: (_, step) =>
                              step.complaint ? (
                                <Tag color={step.complaint.channel === 'internal' ? 'purple' : undefined}>
                                  {label(COMPLAINT_CHANNEL_LABELS, step.complaint.channel)}
                                </Tag>
                              ) : (
                                '—'
                              ),
                          },
                          {
                            title: t('pc.cause'),
                            key: 'cause',
                            width: 100,
                            render: (_, step) =>
                              step.complaint?.cause
                                ? label(COMPLAINT_CAUSE_LABELS, step.complaint.cause)
                                : '—',
                          },
                          {
                            title: t('pc.content'),
                            key: 'content',
                            ellipsis: true,
                            render: (_, step) => step.complaint?.content ?? '—',
                          },
                          { title: t('pc.decision'), dataIndex: 'text', width: 260 },
                        ]}
                      />
                    ),
                  }}
                  columns={[
                    { title: t('pc.person'), dataIndex: 'staffName', width: 100 },
                    {
                      title: t('pc.window'),
                      dataIndex: 'windowName',
                      render: (w: string | null) => w ?? '—',
                    },
                    { title: t('pc.count'), dataIndex: 'count', width: 90 },
                    {
                      title: t('pc.step'),
                      key: 'step',
                      render: (_, row) => (
                        <Space size={4} wrap>
                          <Typography.Text strong>{row.current.text}</Typography.Text>
                          {row.current.contractTerminable ? (
                            <Tag color="red">{t('pc.terminable')}</Tag>
                          ) : null}
                          {row.current.standDownDays > 0 ? (
                            <Tag color="orange">{t('pc.standDown', { days: row.current.standDownDays })}</Tag>
                          ) : null}
                        </Space>
                      ),
                    },
                    {
                      title: t('pc.notice'),
                      key: 'notice',
                      width: 140,
                      render: (_, row) => (
                        <BulletinLinks kinds={['complaintLadder']} params={{ year, staffId: row.staffId }} />
                      ),
                    },
                  ]}
                />
              </Space>
            )}
          </QueryView>
        </Card>
        <Card size="small" title={`${t('pc.uniform')}（${periodLabel({ year, month }, locale)}）`}>
          <QueryView query={fines}>
            {(data) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {uniformItem && data.uniform ? (
                  <ClauseText
                    clause={uniformItem.clause}
                    text={uniformItem.text}
                    reading={pick(data.uniform.reading)}
                  />
                ) : null}
                <Table
                  size="small"
                  rowKey="staffId"
                  data-testid="uniform-table"
                  pagination={false}
                  dataSource={data.uniform?.confiscations ?? []}
                  locale={{ emptyText: t('pc.noConfiscation') }}
                  columns={[
                    { title: t('pc.person'), dataIndex: 'staffName', width: 100 },
                    {
                      title: t('pc.window'),
                      dataIndex: 'windowName',
                      render: (w: string | null) => w ?? '—',
                    },
                    { title: t('pc.times'), dataIndex: 'count', width: 110 },
                    { title: t('fine.amount'), dataIndex: 'fine', width: 100 },
                    {
                      title: t('pc.dates'),
                      dataIndex: 'dates',
                      render: (dates: string[]) => dates.map((d) => d.slice(5)).join('、'),
                    },
                    {
                      title: t('pc.decision'),
                      key: 'decision',
                      width: 120,
                      render: () => <Tag color="red">{t('pc.confiscate')}</Tag>,
                    },
                  ]}
                />
              </Space>
            )}
          </QueryView>
        </Card>
      </Space>
    </div>
  );
}
