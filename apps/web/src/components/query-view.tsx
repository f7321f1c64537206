import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/trpc.ts';

/** The error as the API wrote it, with a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.error')}
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
      role="alert"
    />
  );
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('app.empty')} />;
}

/** The part of a query result this view reads (any error type: tRPC's is not an `Error` subclass in types). */
export type TQueryLike<T> = {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
};

type TQueryViewProps<T> = {
  query: TQueryLike<T>;
  isEmpty?: (data: T) => boolean;
  /** what the empty state says: why there is nothing (e.g. 互评在季度结束后汇总), else 暂无数据 */
  empty?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
};

/** Loading, error and empty states for one query; renders `children` only with data. */
export function QueryView<T>({ query, isEmpty, empty, rows = 4, children }: TQueryViewProps<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} data-testid="loading" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <EmptyState description={empty} />;
  return <>{children(data)}</>;
}
