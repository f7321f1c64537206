import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** A candidate's confirm button (考核细则 二(四): 推荐列入后备干部人才库): leaders only. */
export function ConfirmCadreButton({
  year,
  staffId,
  isInPool,
}: {
  year: number;
  staffId: number;
  isInPool: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirm = useMutation(
    trpc.cadres.confirm.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.cadres.pathFilter()),
      onError: (error) => message.error(error.message),
    }),
  );
  if (isInPool) return <Tag color="blue">{t('ye.inPool')}</Tag>;
  return (
    <Button
      size="small"
      loading={confirm.isPending}
      onClick={() => confirm.mutate({ year, staffId })}
      data-testid={`cadre-confirm-${staffId}`}
    >
      {t('ye.confirm')}
    </Button>
  );
}

/** 后备干部人才库: the pool, with each removal as a dated revocation with its reason. */
export function CadrePoolCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const pool = useQuery(trpc.cadres.pool.queryOptions());
  const [revoking, setRevoking] = useState<{ id: number; name: string } | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const revoke = useMutation(
    trpc.cadres.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        setReason('');
        await queryClient.invalidateQueries(trpc.cadres.pathFilter());
      },
      onError: (error) => message.error(error.message),
    }),
  );
  return (
    <Card size="small" title={t('ye.pool')} data-testid="cadre-pool">
      <QueryView query={pool} rows={3} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={list}
            pagination={false}
            columns={[
              { key: 'name', title: t('as.name'), render: (_, row) => row.staffName },
              { key: 'year', title: t('ye.poolYear'), render: (_, row) => row.year, align: 'right' },
              { key: 'confirmedOn', title: t('ye.confirmedOn'), render: (_, row) => row.confirmedOn },
              {
                key: 'status',
                title: t('ye.poolStatus'),
                render: (_, row) =>
                  row.status === 'active' ? (
                    <Tag color="green">{t('ye.inPool')}</Tag>
                  ) : (
                    <span>
                      <Tag>{t('ye.revoked')}</Tag>
                      {row.revokedOn} {row.revokeReason}
                    </span>
                  ),
              },
              {
                key: 'action',
                title: '',
                render: (_, row) =>
                  row.status === 'active' ? (
                    <Button
                      size="small"
                      danger
                      onClick={() => setRevoking({ id: row.id, name: row.staffName })}
                      data-testid={`cadre-revoke-${row.id}`}
                    >
                      {t('ye.revoke')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={revoking !== null}
        title={`${t('ye.revoke')}：${revoking?.name ?? ''}`}
        okButtonProps={{ disabled: !date || reason.trim().length < 2, loading: revoke.isPending }}
        onOk={() => revoking && date && revoke.mutate({ id: revoking.id, date, reason })}
        onCancel={() => setRevoking(null)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <DatePicker onChange={(_, text) => setDate(typeof text === 'string' && text ? text : null)} />
          <Input.TextArea
            rows={2}
            placeholder={t('ye.revokeReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Space>
      </Modal>
    </Card>
  );
}
