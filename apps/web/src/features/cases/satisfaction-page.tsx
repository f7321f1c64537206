import {
  FOLLOW_UP_STATUS_LABELS,
  SERVICE_RATING_KEYS,
  SERVICE_RATING_LABELS,
  SERVICE_RATING_STAGE_LABELS,
  SERVICE_RATING_STAGES,
  serviceRatingLabel,
  type TServiceRatingStage,
} from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, monthTick } from '../../components/chart-kit.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView, type TQueryLike } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatPercent } from '../../lib/format.ts';
import { useOrg } from '../../lib/org.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { byMonth, type TRateRow } from './satisfaction-rows.ts';

/** 好差评: the satisfaction rate by window and month, and the poor ratings' follow-ups. */
export default function SatisfactionPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const org = useOrg();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [windowId, setWindowId] = useState<number | undefined>();
  const [stage, setStage] = useState<TServiceRatingStage | undefined>();
  const rates = useQuery(
    trpc.cases.serviceRatings.satisfaction.queryOptions(
      { year, ...(windowId ? { windowId } : {}), ...(stage ? { stage } : {}) },
      { select: (rows) => ({ rows, months: byMonth(rows) }) },
    ),
  );
  const followUps = useQuery(trpc.cases.serviceRatings.followUps.queryOptions());

  return (
    <div data-testid="page-case-satisfaction">
      <PageHead title={t('nav.caseSatisfaction')}>
        <Space>
          <Select
            value={year}
            style={{ width: 100 }}
            onChange={setYear}
            options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))}
          />
          <Select
            allowClear
            placeholder={t('filter.window')}
            style={{ width: 200 }}
            value={windowId}
            onChange={setWindowId}
            options={org.data?.windows.map((w) => ({ value: w.id, label: w.name }))}
          />
          <Select
            style={{ width: 120 }}
            value={stage ?? 'all'}
            data-testid="satisfaction-stage"
            onChange={(v: TServiceRatingStage | 'all') => setStage(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: t('case.sat.allStages') },
              ...SERVICE_RATING_STAGES.map((s) => ({
                value: s,
                label: term(SERVICE_RATING_STAGE_LABELS[s]),
              })),
            ]}
          />
        </Space>
      </PageHead>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <QueryView query={rates} rows={6}>
          {({ rows, months }) => (
            <>
              <Card
                size="small"
                title={t('case.sat.byMonth')}
                extra={<Typography.Text type="secondary">{t('case.sat.hint')}</Typography.Text>}
              >
                <div style={{ height: 240 }} data-testid="chart-satisfaction-month">
                  <ResponsiveContainer>
                    <LineChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="month" tickFormatter={monthTick} />
                      <YAxis
                        width={48}
                        domain={[(min: number) => Math.max(0, Math.floor((min - 0.02) * 20) / 20), 1]}
                        tickFormatter={(v: number) => formatPercent(v, locale, 0)}
                      />
                      <Tooltip formatter={(v) => formatPercent(Number(v), locale, 1)} />
                      <Line
                        dataKey="rate"
                        name={t('case.sat.rate')}
                        stroke={COLORS.primary}
                        strokeWidth={2}
                        isAnimationActive={false}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </Card>
              <Card size="small" title={t('case.sat.byWindow')}>
                <Table
                  size="small"
                  rowKey={(r) => `${r.windowId}-${r.month}`}
                  dataSource={rows}
                  pagination={{ pageSize: 24, showSizeChanger: false }}
                  scroll={{ x: 'max-content' }}
                  data-testid="satisfaction-table"
                  columns={[
                    { key: 'month', title: t('filter.month'), dataIndex: 'month' },
                    { key: 'window', title: t('filter.window'), dataIndex: 'windowName' },
                    ...SERVICE_RATING_KEYS.map((k) => ({
                      key: k,
                      title: term(SERVICE_RATING_LABELS[k]),
                      align: 'right' as const,
                      render: (_: unknown, r: TRateRow) => r.counts[k],
                    })),
                    { key: 'total', title: t('case.sat.total'), dataIndex: 'total', align: 'right' as const },
                    {
                      key: 'rate',
                      title: t('case.sat.rate'),
                      align: 'right' as const,
                      sorter: (a: TRateRow, b: TRateRow) => (a.rate ?? 0) - (b.rate ?? 0),
                      render: (_: unknown, r: TRateRow) => formatPercent(r.rate, locale, 1),
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </QueryView>
        <Card size="small" title={t('case.alert.followUps')}>
          <FollowUpsTable query={followUps} />
        </Card>
      </Space>
    </div>
  );
}

type TFollowUpRow = {
  id: number;
  caseId: number;
  acceptanceCode: string | null;
  matterName: string;
  windowName: string;
  staffName: string | null;
  level: number;
  comment: string | null;
  openedOn: string;
  dueOn: string;
  status: 'open' | 'closed';
  note: string | null;
};

/** Poor ratings and their follow-up deadline; a supervisor closes one with what was done. */
export function FollowUpsTable({ query }: { query: TQueryLike<TFollowUpRow[]> }) {
  const { t, term, locale } = useI18n();
  const session = useSession();
  const today = new Date().toISOString().slice(0, 10);
  const canClose = session.data?.role === 'supervisor' || session.data?.role === 'leader';
  const [closing, setClosing] = useState<TFollowUpRow | null>(null);
  return (
    <QueryView query={query} rows={4}>
      {(rows) => (
        <>
          <Table
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            data-testid="follow-ups-table"
            columns={[
              { key: 'code', title: t('case.code'), render: (_, r) => r.acceptanceCode ?? `#${r.caseId}` },
              { key: 'matter', title: t('case.matter'), dataIndex: 'matterName', ellipsis: true, width: 180 },
              { key: 'window', title: t('filter.window'), dataIndex: 'windowName' },
              { key: 'staff', title: t('case.acceptedBy'), render: (_, r) => r.staffName ?? '—' },
              {
                key: 'level',
                title: t('case.serviceRating'),
                render: (_, r) => <Tag color="red">{term(serviceRatingLabel(r.level))}</Tag>,
              },
              {
                key: 'comment',
                title: t('case.sat.comment'),
                render: (_, r) => r.comment ?? '—',
                ellipsis: true,
                width: 200,
              },
              {
                key: 'opened',
                title: t('case.sat.ratedOn'),
                render: (_, r) => formatDate(r.openedOn, locale),
              },
              {
                key: 'due',
                title: t('case.followUp.due'),
                render: (_, r) =>
                  r.status === 'open' && r.dueOn < today ? (
                    <Tag color="red">{`${formatDate(r.dueOn, locale)} ${t('case.followUp.late')}`}</Tag>
                  ) : (
                    formatDate(r.dueOn, locale)
                  ),
              },
              {
                key: 'status',
                title: t('case.proposal.decision'),
                render: (_, r) =>
                  r.status === 'open' ? (
                    canClose ? (
                      <Button
                        size="small"
                        onClick={() => setClosing(r)}
                        data-testid={`close-follow-up-${r.id}`}
                      >
                        {t('case.followUp.close')}
                      </Button>
                    ) : (
                      <Tag color="orange">{term(FOLLOW_UP_STATUS_LABELS.open)}</Tag>
                    )
                  ) : (
                    <Tag>{term(FOLLOW_UP_STATUS_LABELS.closed)}</Tag>
                  ),
              },
            ]}
          />
          <CloseFollowUpModal row={closing} onDone={() => setClosing(null)} />
        </>
      )}
    </QueryView>
  );
}

function CloseFollowUpModal({ row, onDone }: { row: TFollowUpRow | null; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const close = useMutation(
    trpc.cases.serviceRatings.closeFollowUp.mutationOptions({
      onSuccess: async () => {
        form.resetFields();
        message.success(t('app.saved'));
        onDone();
        await queryClient.invalidateQueries(trpc.cases.pathFilter());
      },
    }),
  );
  return (
    <Modal
      open={row !== null}
      title={t('case.followUp.closeTitle')}
      cancelText={t('app.cancel')}
      confirmLoading={close.isPending}
      onCancel={onDone}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => row && close.mutate({ id: row.id, note: v.note })}>
        <Form.Item
          name="note"
          label={t('case.followUp.note')}
          rules={[{ required: true, message: t('entry.required', { field: t('case.followUp.note') }) }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
      {close.isError ? <Alert type="error" showIcon title={errorMessage(close.error)} role="alert" /> : null}
    </Modal>
  );
}
