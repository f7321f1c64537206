import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { GRADES } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { COLORS } from '../../components/chart-kit.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { GradeBars } from '../../components/grade-bars.tsx';
import { gradeText } from '../../components/grade-tag.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { PolicyRef } from '../../components/policy-ref.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyWhy } from '../../lib/empty-why.ts';
import { useFilters } from '../../lib/filters.ts';
import { formatNumber } from '../../lib/format.ts';
import { periodLabel, quarterOf, rangeOf } from '../../lib/period.ts';
import { usePermissions } from '../../lib/permissions.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { ResultsTable, type TResultRow } from './results-table.tsx';

const BANDS = [
  { label: '<60', min: Number.NEGATIVE_INFINITY, max: 60 },
  { label: '60–69', min: 60, max: 70 },
  { label: '70–79', min: 70, max: 80 },
  { label: '80–89', min: 80, max: 90 },
  { label: '90–99', min: 90, max: 100 },
  { label: '≥100', min: 100, max: Number.POSITIVE_INFINITY },
];

/** How many people in each grade and each score band (a count of the engine's results, not a score). */
export function distributions(rows: readonly Pick<TResultRow, 'grade' | 'total'>[]) {
  return {
    grades: GRADES.map((grade) => ({ grade, staff: rows.filter((row) => row.grade === grade).length })),
    bands: BANDS.map((band) => ({
      band: band.label,
      staff: rows.filter((row) => row.total >= band.min && row.total < band.max).length,
    })),
  };
}

/** Quarterly assessment: the live draft and the published snapshots; leaders publish; bulletins download. */
export default function AssessmentPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const filters = useFilters();
  const trpc = useTRPC();
  const session = useSession();
  const { can } = usePermissions();
  const role = session.data?.role ?? 'staff';
  const period = quarterOf(filters.period);
  // the live draft for those who may read it (assessment.draft), else the quarter as the user sees it
  const isSupervising = can('assessment.draft');
  const [view, setView] = useState<'draft' | 'published'>('draft');
  const [revisionIndex, setRevisionIndex] = useState<number | null>(null);
  const draft = useQuery(
    isSupervising ? trpc.assessment.draft.queryOptions(period) : trpc.assessment.quarter.queryOptions(period),
  );
  const revisions = useQuery(trpc.assessment.revisions.queryOptions(period));
  const latest = revisions.data && revisions.data.length > 0 ? revisions.data.length - 1 : null;
  const shownRevision = revisionIndex ?? latest;
  const isPublished = (revisions.data?.length ?? 0) > 0;
  const isEnded = rangeOf(period).to < new Date().toISOString().slice(0, 10);

  const inScope = (row: { unitId: number | null; windowId: number | null }) =>
    (!filters.unitId || row.unitId === filters.unitId) &&
    (!filters.windowId || row.windowId === filters.windowId);

  const body = (
    rows: readonly (TResultRow & { unitId: number | null; windowId: number | null })[],
    header?: ReactNode,
  ) => {
    const scoped = rows.filter(inScope);
    const { grades, bands } = distributions(scoped);
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {header}
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <ChartCard
              testId="chart-grades"
              title={t('as.gradeChart')}
              rows={grades}
              rowKey={(row) => row.grade}
              height={220}
              columns={[
                { key: 'grade', title: t('as.grade'), value: (row) => gradeText(i18n, row.grade) },
                { key: 'staff', title: t('peer.people'), value: (row) => row.staff, align: 'right' },
              ]}
              chart={
                <GradeBars
                  rows={grades.map((row) => ({ ...row, label: gradeText(i18n, row.grade) }))}
                  name={t('peer.people')}
                />
              }
            />
          </Col>
          <Col xs={24} xl={12}>
            <ChartCard
              testId="chart-scores"
              title={t('as.scoreChart')}
              rows={bands}
              rowKey={(row) => row.band}
              height={220}
              columns={[
                { key: 'band', title: t('as.total'), value: (row) => row.band },
                { key: 'staff', title: t('peer.people'), value: (row) => row.staff, align: 'right' },
              ]}
              chart={
                <ResponsiveContainer>
                  <BarChart data={bands} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="band" />
                    <YAxis allowDecimals={false} width={36} />
                    <Tooltip />
                    <Bar
                      dataKey="staff"
                      name={t('peer.people')}
                      fill={COLORS.blue}
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              }
            />
          </Col>
        </Row>
        <Card size="small" data-testid="results">
          <ResultsTable rows={scoped} />
        </Card>
      </Space>
    );
  };

  return (
    <div data-testid="page-assessment">
      <PageHead title={`${t('as.title')} · ${periodLabel(period, locale)}`}>
        <FilterBar
          periodKinds={['quarter']}
          show={role === 'head' ? ['period'] : ['unit', 'window', 'period']}
        />
      </PageHead>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented
          value={view}
          onChange={(value) => setView(value as 'draft' | 'published')}
          options={[
            { value: 'draft', label: t('as.draft') },
            {
              value: 'published',
              label: `${t('as.published')}${isPublished ? `（${revisions.data?.length}）` : ''}`,
            },
          ]}
          data-testid="assessment-view"
        />
        <Space wrap>
          {can('assessment.publish') ? (
            <PublishButton period={period} isPublished={isPublished} isEnded={isEnded} />
          ) : null}
          <BulletinLinks kinds={['results', 'behaviours']} params={period} />
        </Space>
      </Space>
      {view === 'draft' ? (
        <QueryView
          query={draft}
          rows={10}
          isEmpty={(data) => data.results.length === 0}
          empty={<span data-testid="assessment-empty">{emptyWhy('assessment', period, locale)}</span>}
        >
          {(data) =>
            body(
              data.results,
              <Space wrap>
                {data.status === 'published' ? (
                  <Alert
                    type="success"
                    showIcon
                    title={`${t('as.published')} · ${t('as.revision')} ${data.revision ?? ''}`}
                  />
                ) : null}
                <PolicyRef policy={data.policy} />
              </Space>,
            )
          }
        </QueryView>
      ) : (
        <QueryView query={revisions} rows={10}>
          {(list) => {
            const revision = shownRevision === null ? undefined : list[shownRevision];
            if (!revision) return <Alert type="info" showIcon title={t('as.noSnapshot')} />;
            return body(
              revision.results,
              <Space wrap>
                <Select
                  style={{ width: 220 }}
                  value={shownRevision}
                  onChange={setRevisionIndex}
                  options={list.map((item, index) => ({
                    value: index,
                    label: `${t('as.revision')} ${item.revision ?? index + 1}`,
                  }))}
                />
                <Tag icon={<CheckCircleOutlined />} color="green">
                  {t('as.publishedAt')} {revision.publishedAt?.slice(0, 16).replace('T', ' ')}
                </Tag>
                {revision.reason ? (
                  <Typography.Text type="secondary">{revision.reason}</Typography.Text>
                ) : null}
                <PolicyRef policy={revision.policy} />
                <Typography.Text type="secondary">
                  {formatNumber(revision.results.length, locale)}
                  {locale === 'en' ? ' people' : '人'}
                </Typography.Text>
              </Space>,
            );
          }}
        </QueryView>
      )}
    </div>
  );
}

/** Publish (first time) or publish a correction with its reason (later revisions); leaders only. */
function PublishButton({
  period,
  isPublished,
  isEnded,
}: {
  period: { year: number; quarter: 1 | 2 | 3 | 4 };
  isPublished: boolean;
  isEnded: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const onSuccess = async () => {
    setOpen(false);
    setReason('');
    message.success(t('app.saved'));
    await queryClient.invalidateQueries(trpc.assessment.pathFilter());
    await queryClient.invalidateQueries(trpc.analytics.pathFilter());
  };
  const publish = useMutation(trpc.assessment.publish.mutationOptions({ onSuccess }));
  const correct = useMutation(trpc.assessment.correct.mutationOptions({ onSuccess }));
  const pending = publish.isPending || correct.isPending;
  const error = publish.error ?? correct.error;
  return (
    <>
      <Button
        type="primary"
        icon={<SendOutlined />}
        onClick={() => setOpen(true)}
        disabled={!isEnded && !isPublished}
        data-testid="publish"
      >
        {isPublished ? `${t('as.publish')}（${t('as.revision')}）` : t('as.publish')}
      </Button>
      <Modal
        open={isOpen}
        title={t('as.publish')}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
        confirmLoading={pending}
        onCancel={() => setOpen(false)}
        onOk={() => (isPublished ? correct.mutate({ ...period, reason }) : publish.mutate(period))}
      >
        <p>{t('as.publishConfirm')}</p>
        {isPublished ? (
          <Input.TextArea
            aria-label={t('as.publishReason')}
            placeholder={t('as.publishReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
          />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 12 }} role="alert" />
        ) : null}
      </Modal>
    </>
  );
}
