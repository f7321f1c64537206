import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../lib/router.tsx';

/**
 * 403 / 404 with a way home (a lazy chunk: antd's illustrations are large). A page whose data the
 * server refused says so once (`title` 无权查看, `message` the server's reason).
 */
export default function StatusResult({
  status,
  title,
  message,
}: {
  status: '403' | '404';
  title?: string | undefined;
  message?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Result
      status={status}
      title={title ?? status}
      data-testid={`status-${status}`}
      subTitle={message ?? (status === '403' ? t('app.forbidden') : t('app.notFound'))}
      extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
    />
  );
}
