import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../lib/router.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TLoginForm = { username: string; password: string };

/** Username and password; on success the session query refetches and the app opens the `next` page. */
export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { search } = useLocation();
  // the demo accounts only where the server holds the demo center
  const demo = useQuery(trpc.auth.demo.queryOptions());
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        // the user and what they may do (auth.me, auth.permissions)
        await queryClient.invalidateQueries(trpc.auth.pathFilter());
        const next = search.get('next');
        navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      },
    }),
  );

  return (
    <div className="login-screen">
      <Card className="login-card" variant="borderless">
        <div className="login-head">
          <span className="brand-mark large">窗</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        <Form<TLoginForm>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values)}
          disabled={login.isPending}
          name="login"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(login.error)}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <div className="login-foot">
          {demo.data ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="login-demo">
              {t('login.demo', { users: demo.data.usernames.join(' / '), password: demo.data.password })}
            </Typography.Text>
          ) : (
            <span />
          )}
          <Button type="link" size="small" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t('app.language')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
