import { AWARD_KIND_LABELS, AWARD_KINDS, type TAwardKind } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { nameOf, useOrg } from '../../lib/org.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TKind = TAwardKind;
type TValues = { windowId: number; kind: TKind; year: number; month?: number; reason?: string };

/** 窗口评比: the monthly or annual red-flag window, or a yellow card; points follow for every person. */
export default function AwardPage() {
  const { t, locale, label } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useOrg();
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form);
  const year = dayjs().year();
  const awards = useQuery(
    trpc.awards.list.queryOptions(
      { year },
      { select: (rows) => [...rows].sort((a, b) => b.date.localeCompare(a.date)) },
    ),
  );
  const kindLabel = (kind: TKind) => label(AWARD_KIND_LABELS, kind);
  const grant = useMutation(
    trpc.awards.grant.mutationOptions({
      onSuccess: async () => {
        message.success(t('entry.submitted'));
        await Promise.all([
          queryClient.invalidateQueries(trpc.awards.pathFilter()),
          queryClient.invalidateQueries(trpc.analytics.pathFilter()),
          queryClient.invalidateQueries(trpc.assessment.pathFilter()),
        ]);
      },
    }),
  );
  const lastMonth = dayjs().subtract(1, 'month');

  return (
    <div data-testid="page-entryAward">
      <PageHead title={t('nav.entry.award')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Form<TValues>
              form={form}
              layout="vertical"
              initialValues={{ kind: 'redFlagMonthly', year: lastMonth.year(), month: lastMonth.month() + 1 }}
              disabled={grant.isPending}
              onFinish={(values) =>
                grant.mutate({
                  windowId: values.windowId,
                  kind: values.kind,
                  year: values.year,
                  ...(values.kind !== 'redFlagAnnual' && values.month ? { month: values.month } : {}),
                  ...(values.reason ? { reason: values.reason } : {}),
                })
              }
            >
              <Form.Item name="kind" label={t('entry.awardKind')} rules={[{ required: true }]}>
                <Select options={AWARD_KINDS.map((value) => ({ value, label: kindLabel(value) }))} />
              </Form.Item>
              <Form.Item
                name="windowId"
                label={t('entry.window')}
                rules={[{ required: true, message: t('entry.required', { field: t('entry.window') }) }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(org.data?.windows ?? []).map((w) => ({ value: w.id, label: w.name }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="year" label={t('filter.year')} rules={[{ required: true }]}>
                    <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {kind !== 'redFlagAnnual' ? (
                  <Col span={12}>
                    <Form.Item name="month" label={t('filter.month')} rules={[{ required: true }]}>
                      <InputNumber min={1} max={12} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ) : null}
              </Row>
              <Form.Item name="reason" label={t('rf.reason')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              {grant.isError ? (
                <Alert
                  type="error"
                  showIcon
                  title={errorMessage(grant.error)}
                  style={{ marginBottom: 12 }}
                  role="alert"
                />
              ) : null}
              <Button type="primary" htmlType="submit" loading={grant.isPending}>
                {t('app.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={`${t('rf.title')}（${year}）`}>
            <QueryView query={awards} isEmpty={(rows) => rows.length === 0}>
              {(rows) => (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={rows}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    {
                      key: 'date',
                      title: t('rf.date'),
                      render: (_, row) => formatDate(row.date, locale),
                      width: 130,
                    },
                    {
                      key: 'window',
                      title: t('rf.window'),
                      render: (_, row) => nameOf(org.data?.windows, row.windowId),
                    },
                    {
                      key: 'kind',
                      title: t('rf.kind'),
                      render: (_, row) => (
                        <Tag color={row.kind === 'yellowCard' ? 'gold' : 'red'}>{kindLabel(row.kind)}</Tag>
                      ),
                    },
                    { key: 'reason', title: t('rf.reason'), render: (_, row) => row.reason ?? '' },
                  ]}
                />
              )}
            </QueryView>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
