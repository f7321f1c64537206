import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../lib/router.tsx';

/** 403 / 404 with a way home (a lazy chunk: antd's illustrations are large). */
export default function StatusResult({ status }: { status: '403' | '404' }) {
  const { t } = useI18n();
  return (
    <Result
      status={status}
      title={status}
      subTitle={status === '403' ? t('app.forbidden') : t('app.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
    />
  );
}
