import {
  CASE_DECISION_LABELS,
  CASE_STAGE_LABELS,
  SERVICE_RATING_KEYS,
  SERVICE_RATING_LABELS,
  serviceRatingLabel,
  type TServiceRatingKey,
} from '@chuangkou/rules/vocabulary';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { STAGE_COLORS } from './case-ui.ts';

type TCredentials = { code: string; password: string };

/**
 * 办件进度查询 (public, no sign-in): the acceptance code and query password of the receipt give the
 * stage, the deadline and the handler of that case, and once it is decided its 好差评 service rating.
 */
export default function StatusQueryPage() {
  const { t, term, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const [credentials, setCredentials] = useState<TCredentials | null>(null);
  const query = useMutation(trpc.cases.publicStatus.mutationOptions());
  const rate = useMutation(trpc.cases.serviceRatings.publicRate.mutationOptions());
  const review = useMutation(trpc.cases.reviews.publicRequest.mutationOptions());
  const status = review.data?.status ?? rate.data ?? query.data;

  return (
    <div style={{ maxWidth: 560, margin: '48px auto', padding: '0 16px' }} data-testid="page-status-query">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('case.query.title')}</Typography.Title>
        <Button type="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </Button>
      </Space>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('case.query.hint')}</Typography.Paragraph>
        <Form<TCredentials>
          layout="vertical"
          onFinish={(v) => {
            const c = { code: v.code.trim(), password: v.password.trim() };
            setCredentials(c);
            rate.reset();
            review.reset();
            query.mutate(c);
          }}
        >
          <Form.Item
            name="code"
            label={t('case.code')}
            rules={[{ required: true, message: t('entry.required', { field: t('case.code') }) }]}
          >
            <Input autoComplete="off" inputMode="text" data-testid="status-code" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('case.query.password')}
            rules={[{ required: true, message: t('entry.required', { field: t('case.query.password') }) }]}
          >
            <Input.Password autoComplete="off" data-testid="status-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={query.isPending} data-testid="status-submit">
            {t('case.query.submit')}
          </Button>
        </Form>
        {query.isError ? (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={errorMessage(query.error)}
            role="alert"
          />
        ) : null}
      </Card>
      {status && credentials ? (
        <Card
          size="small"
          title={t('case.query.result')}
          style={{ marginTop: 16 }}
          data-testid="status-result"
        >
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('case.matter')}>
              <span data-testid="status-matter">{status.matter}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('case.status')}>
              <Tag color={STAGE_COLORS[status.stage]}>{term(CASE_STAGE_LABELS[status.stage])}</Tag>
            </Descriptions.Item>
            {status.decision ? (
              <Descriptions.Item label={t('case.query.decision')}>
                <Tag color={status.decision === 'refused' ? 'red' : 'green'} data-testid="status-decision">
                  {term(CASE_DECISION_LABELS[status.decision])}
                </Tag>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('case.query.deadline')}>
              {formatDate(status.deadline, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('case.query.handler')}>
              {`${status.handler.name}${status.handler.phone ? `（${status.handler.phone}）` : ''}`}
            </Descriptions.Item>
          </Descriptions>
          {status.decision === 'refused' ? (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              data-testid="status-review"
              title={
                status.reviewRequestedOn
                  ? t('case.review.asked', { date: formatDate(status.reviewRequestedOn, locale) })
                  : t('case.review.remedies')
              }
              action={
                status.reviewRequestedOn ? null : (
                  <Button
                    size="small"
                    loading={review.isPending}
                    onClick={() => review.mutate(credentials)}
                    data-testid="status-review-request"
                  >
                    {t('case.review.ask')}
                  </Button>
                )
              }
            />
          ) : null}
          {review.isError ? (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              title={errorMessage(review.error)}
              role="alert"
            />
          ) : null}
          {status.serviceRating.level !== null ? (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              title={t('case.query.rated', { level: term(serviceRatingLabel(status.serviceRating.level)) })}
            />
          ) : status.serviceRating.canRate ? (
            <Form<{ rating: TServiceRatingKey; comment?: string }>
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) => rate.mutate({ ...credentials, rating: v.rating, comment: v.comment })}
            >
              <Form.Item
                name="rating"
                label={t('case.serviceRating')}
                rules={[{ required: true, message: t('entry.required', { field: t('case.serviceRating') }) }]}
              >
                <Radio.Group
                  optionType="button"
                  options={SERVICE_RATING_KEYS.map((k) => ({
                    value: k,
                    label: term(SERVICE_RATING_LABELS[k]),
                  }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={t('case.query.comment')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button htmlType="submit" loading={rate.isPending} data-testid="rate-submit">
                {t('case.query.rateSubmit')}
              </Button>
              {rate.isError ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="error"
                  showIcon
                  title={errorMessage(rate.error)}
                  role="alert"
                />
              ) : null}
            </Form>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
