import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { STAGE_COLORS, type TCasesKey, useCasesText } from './cases-text.ts';

const LEVEL_KEYS = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
] as const;
type TCredentials = { code: string; password: string };

/**
 * 办件进度查询 (public, no sign-in): the acceptance code and query password of the receipt give the
 * status, the deadline and the handler of that case, and once it is decided the 好差评 rating.
 */
export default function StatusQueryPage() {
  const { ct, locale } = useCasesText();
  const { setLocale } = useI18n();
  const trpc = useTRPC();
  const [credentials, setCredentials] = useState<TCredentials | null>(null);
  const query = useMutation(trpc.cases.publicStatus.mutationOptions());
  const rate = useMutation(trpc.cases.publicRate.mutationOptions());
  const status = rate.data ?? query.data;

  return (
    <div style={{ maxWidth: 560, margin: '48px auto', padding: '0 16px' }} data-testid="page-status-query">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{ct('status.title')}</Typography.Title>
        <Button type="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {ct('status.language')}
        </Button>
      </Space>
      <Card size="small">
        <Typography.Paragraph type="secondary">{ct('status.hint')}</Typography.Paragraph>
        <Form<TCredentials>
          layout="vertical"
          onFinish={(v) => {
            const c = { code: v.code.trim(), password: v.password.trim() };
            setCredentials(c);
            rate.reset();
            query.mutate(c);
          }}
        >
          <Form.Item
            name="code"
            label={ct('status.code')}
            rules={[{ required: true, message: ct('app.required', { field: ct('status.code') }) }]}
          >
            <Input autoComplete="off" inputMode="text" data-testid="status-code" />
          </Form.Item>
          <Form.Item
            name="password"
            label={ct('status.password')}
            rules={[{ required: true, message: ct('app.required', { field: ct('status.password') }) }]}
          >
            <Input.Password autoComplete="off" data-testid="status-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={query.isPending} data-testid="status-submit">
            {ct('status.submit')}
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
        <Card size="small" title={ct('status.result')} style={{ marginTop: 16 }} data-testid="status-result">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={ct('col.stage')}>
              <Tag color={STAGE_COLORS[status.status]}>{ct(`stage.${status.status}` as TCasesKey)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={ct('status.deadline')}>
              {formatDate(status.deadline, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={ct('status.handler')}>
              {`${status.handler.name}${status.handler.phone ? `（${status.handler.phone}）` : ''}`}
            </Descriptions.Item>
          </Descriptions>
          {status.rating.level !== null ? (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              title={ct('status.rated', { level: ct(`level.${status.rating.level}` as TCasesKey) })}
            />
          ) : status.rating.canRate ? (
            <Form<{ rating: (typeof LEVEL_KEYS)[number]; comment?: string }>
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) => rate.mutate({ ...credentials, rating: v.rating, comment: v.comment })}
            >
              <Form.Item
                name="rating"
                label={ct('status.rate')}
                rules={[{ required: true, message: ct('app.required', { field: ct('status.rate') }) }]}
              >
                <Radio.Group
                  optionType="button"
                  options={LEVEL_KEYS.map((k, i) => ({ value: k, label: ct(`level.${i + 1}` as TCasesKey) }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={ct('status.comment')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button htmlType="submit" loading={rate.isPending} data-testid="rate-submit">
                {ct('status.rateSubmit')}
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
