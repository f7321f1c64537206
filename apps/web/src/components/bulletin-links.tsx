import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { TKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type TBulletinKind = 'results' | 'behaviours' | 'fines' | 'patrol' | 'awards' | 'yearend';

/** The server's download URL of a bulletin (an .xlsx ready to print), authorised by the session cookie. */
export function bulletinUrl(kind: TBulletinKind, params: Record<string, number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return `/api/bulletins/${kind}?${query.toString()}`;
}

/** Download buttons for bulletins; plain links, so the browser handles the file. */
export function BulletinLinks({
  kinds,
  params,
}: {
  kinds: readonly TBulletinKind[];
  params: Record<string, number | undefined>;
}) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {kinds.map((kind) => (
        <Button
          key={kind}
          size="small"
          icon={<DownloadOutlined />}
          href={bulletinUrl(kind, params)}
          download
          data-testid={`bulletin-${kind}`}
        >
          {t(`as.bulletin.${kind}` as TKey)}
        </Button>
      ))}
    </Space>
  );
}
