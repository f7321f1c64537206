import { DownloadOutlined } from '@ant-design/icons';
import { BULLETIN_KIND_LABELS, type TBulletinKind } from '@chuangkou/rules/vocabulary';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { downloadBlob } from './export.ts';

export type { TBulletinKind };

/** The server's download URL of a bulletin (an .xlsx ready to print), authorised by the session cookie. */
export function bulletinUrl(
  kind: TBulletinKind,
  params: Record<string, number | string | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return `/api/bulletins/${kind}?${query.toString()}`;
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first), or null. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/**
 * Download buttons for bulletins. The file is fetched first, so a refusal or a bad period shows the
 * server's own message instead of saving an error page as a spreadsheet.
 */
export function BulletinLinks({
  kinds,
  params,
  prefix,
}: {
  kinds: readonly TBulletinKind[];
  params: Record<string, number | string | undefined>;
  /** said before each label, when the same kinds are offered for another period beside (e.g. 10月) */
  prefix?: string | undefined;
}) {
  const { label } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<TBulletinKind | null>(null);
  const download = async (kind: TBulletinKind) => {
    setBusy(kind);
    try {
      const response = await fetch(bulletinUrl(kind, params), { credentials: 'include' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
      }
      const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `${kind}.xlsx`;
      downloadBlob(await response.blob(), name);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={4} wrap>
      {kinds.map((kind) => (
        <Button
          key={kind}
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === kind}
          onClick={() => void download(kind)}
          data-testid={`bulletin-${kind}`}
        >
          {prefix ? `${prefix} ${label(BULLETIN_KIND_LABELS, kind)}` : label(BULLETIN_KIND_LABELS, kind)}
        </Button>
      ))}
    </Space>
  );
}
