import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TReview = {
  id: number;
  requestedOn: string;
  channel: 'statusPage' | 'counter';
  request: string | null;
  reviewer: string | null;
  outcome: 'upheld' | 'overturned' | null;
  decidedOn: string | null;
  reasons: string | null;
};

/**
 * 复核 (规程 四、3) of a refused case: the requests (status page or counter), a request taken at the
 * counter, and the center's decision with its reviewer, date and reasons.
 */
export function CaseReviews({ caseId, reviews }: { caseId: number; reviews: readonly TReview[] }) {
  const { t } = useI18n();
  const { locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const role = useSession().data?.role;
  const canDecide = role === 'supervisor' || role === 'leader';
  const open = reviews.find((r) => r.outcome === null);
  const refresh = () => queryClient.invalidateQueries(trpc.cases.pathFilter());
  const request = useMutation(trpc.cases.reviews.request.mutationOptions({ onSuccess: refresh }));
  const decide = useMutation(trpc.cases.reviews.decide.mutationOptions({ onSuccess: refresh }));
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  return (
    <Card size="small" title={t('case.review.title')} data-testid="case-reviews">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...reviews]}
        columns={[
          {
            key: 'on',
            title: t('case.review.requestedOn'),
            render: (_, r) => formatDate(r.requestedOn, locale),
          },
          {
            key: 'channel',
            title: t('case.review.channel'),
            render: (_, r) =>
              t(r.channel === 'statusPage' ? 'case.review.statusPage' : 'case.review.counter'),
          },
          { key: 'request', title: t('case.review.request'), render: (_, r) => r.request ?? '—' },
          { key: 'reviewer', title: t('case.review.reviewer'), render: (_, r) => r.reviewer ?? '—' },
          {
            key: 'outcome',
            title: t('case.review.outcome'),
            render: (_, r) =>
              r.outcome ? (
                <span>
                  <Tag color={r.outcome === 'upheld' ? 'default' : 'green'}>
                    {t(`case.review.${r.outcome}`)}
                  </Tag>
                  {formatDate(r.decidedOn, locale)} {r.reasons}
                </span>
              ) : (
                <Tag color="gold">{t('case.review.pending')}</Tag>
              ),
          },
        ]}
      />
      {!open ? (
        <Form
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ on: dayjs() }}
          onFinish={(v: { on: Dayjs; request?: string }) =>
            request.mutate({ id: caseId, on: day(v.on), request: v.request })
          }
        >
          <Form.Item name="on" label={t('case.review.requestedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="request" label={t('case.review.request')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button htmlType="submit" loading={request.isPending} data-testid="review-request">
            {t('case.review.takeRequest')}
          </Button>
        </Form>
      ) : canDecide ? (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ on: dayjs(), outcome: 'upheld' }}
          onFinish={(v: { on: Dayjs; reviewer: string; outcome: 'upheld' | 'overturned'; reasons: string }) =>
            decide.mutate({
              reviewId: open.id,
              on: day(v.on),
              reviewer: v.reviewer,
              outcome: v.outcome,
              reasons: v.reasons,
            })
          }
        >
          <Space wrap>
            <Form.Item name="on" label={t('case.review.decidedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="reviewer"
              label={t('case.review.reviewer')}
              rules={[{ required: true, message: t('entry.required', { field: t('case.review.reviewer') }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="outcome" label={t('case.review.outcome')}>
              <Radio.Group
                options={[
                  { value: 'upheld', label: t('case.review.upheld') },
                  { value: 'overturned', label: t('case.review.overturned') },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="reasons"
            label={t('case.review.reasons')}
            rules={[{ required: true, message: t('entry.required', { field: t('case.review.reasons') }) }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="review-decide">
            {t('case.review.decide')}
          </Button>
        </Form>
      ) : null}
      {[request, decide].map((m, i) =>
        m.isError ? <Alert key={i} type="error" showIcon title={errorMessage(m.error)} role="alert" /> : null,
      )}
    </Card>
  );
}
