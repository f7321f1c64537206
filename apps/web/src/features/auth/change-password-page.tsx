import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TForm = { current: string; next: string; repeat: string };

/**
 * After a one-time password (a new account, a reset): the person sets their own, at least 8
 * characters, before any page opens; the server refuses everything else until then.
 */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
      },
    }),
  );
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSettled: () => queryClient.invalidateQueries() }),
  );
  return (
    <div className="login-screen" data-testid="page-change-password">
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3}>{t('pwd.title')}</Typography.Title>
        <Alert type="info" showIcon title={t('pwd.hint')} style={{ marginBottom: 16 }} />
        <Form<TForm>
          layout="vertical"
          requiredMark={false}
          onFinish={({ current, next }) => change.mutate({ current, next })}
          disabled={change.isPending}
          name="change-password"
        >
          <Form.Item name="current" label={t('pwd.current')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="next"
            label={t('pwd.next')}
            rules={[{ required: true, min: 8, message: t('pwd.tooShort') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('pwd.repeat')}
            dependencies={['next']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('next')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('pwd.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          {change.isError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(change.error)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('pwd.submit')}
          </Button>
          <Button type="link" block onClick={() => logout.mutate()}>
            {t('app.logout')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
