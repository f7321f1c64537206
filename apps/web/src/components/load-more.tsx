import { Button, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { TKeysetList } from '../lib/keyset.ts';

/** Under a list read page by page: 加载更多 while a full page came last, else how many are shown. */
export function LoadMore<TRow>({ list, testId }: { list: TKeysetList<TRow>; testId?: string }) {
  const { t } = useI18n();
  const n = String(list.data?.length ?? 0);
  if (!list.hasMore)
    return (
      <Typography.Text type="secondary" data-testid={testId ? `${testId}-all` : undefined}>
        {t('app.allLoaded', { n })}
      </Typography.Text>
    );
  return (
    <Button size="small" loading={list.isLoadingMore} onClick={list.loadMore} data-testid={testId}>
      {t('app.loadMore', { n })}
    </Button>
  );
}
