import { PEER_TIER_LABELS, PEER_TIERS, type TPeerTier } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameOf, useOrg } from '../../lib/org.ts';
import { currentQuarter, periodLabel } from '../../lib/period.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TTier = TPeerTier;

/**
 * 季度互评: a person rates the colleagues of their unit for the current quarter, once each, never
 * themselves. A rating cannot be changed once submitted, so the submission is confirmed first.
 */
export default function PeerRatingPage() {
  const { t, locale, label } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const org = useOrg();
  const period = currentQuarter();
  const me = session.data?.staffId ?? null;
  const colleagues = useQuery(trpc.org.colleagues.queryOptions(period));
  const mine = useQuery({ ...trpc.peerRatings.mine.queryOptions(period), enabled: me !== null });
  const [tiers, setTiers] = useState<Record<number, TTier>>({});
  // a submission cannot be undone: it is confirmed first, with the ratings listed
  const [isConfirming, setConfirming] = useState(false);
  const submit = useMutation(
    trpc.peerRatings.submit.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        message.success(t('entry.submitted'));
        setTiers({});
        await queryClient.invalidateQueries(trpc.peerRatings.pathFilter());
      },
    }),
  );

  if (me === null)
    return (
      <Alert
        type="warning"
        showIcon
        title={locale === 'en' ? 'This account is not linked to a staff member.' : '此账号未关联工作人员'}
      />
    );
  const myUnit = colleagues.data?.find((c) => c.id === me)?.unitId ?? null;
  const rated = new Map((mine.data ?? []).map((r) => [r.rateeId, r.tier]));
  const tierLabel = (tier: string) => label(PEER_TIER_LABELS, tier);

  return (
    <div data-testid="page-peerRating">
      <PageHead title={`${t('pr.title')} · ${periodLabel(period, locale)}`} />
      <Alert type="info" showIcon title={t('pr.hint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <QueryView query={colleagues}>
          {(list) => {
            const rows = list.filter((c) => c.id !== me && c.unitId === myUnit);
            const toSubmit = Object.entries(tiers).filter(([id]) => !rated.has(Number(id)));
            return (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={rows}
                  pagination={false}
                  columns={[
                    { key: 'name', title: t('pr.colleague'), dataIndex: 'name' },
                    {
                      key: 'window',
                      title: t('as.window'),
                      render: (_, row) => nameOf(org.data?.windows, row.windowId),
                    },
                    {
                      key: 'tier',
                      title: t('pr.tier'),
                      render: (_, row) => {
                        const done = rated.get(row.id);
                        if (done) return <Tag color="green">{`${t('pr.done')}：${tierLabel(done)}`}</Tag>;
                        return (
                          <Radio.Group
                            value={tiers[row.id]}
                            onChange={(event) =>
                              setTiers((v) => ({ ...v, [row.id]: event.target.value as TTier }))
                            }
                            options={PEER_TIERS.map((tier) => ({
                              value: tier,
                              label: tierLabel(tier),
                            }))}
                            aria-label={`${row.name} ${t('pr.tier')}`}
                          />
                        );
                      },
                    },
                  ]}
                />
                {submit.isError ? (
                  <Alert type="error" showIcon title={errorMessage(submit.error)} role="alert" />
                ) : null}
                <Space>
                  <Button
                    type="primary"
                    disabled={toSubmit.length === 0}
                    loading={submit.isPending}
                    onClick={() => setConfirming(true)}
                    data-testid="submit-ratings"
                  >
                    {t('app.submit')}
                  </Button>
                  <Modal
                    open={isConfirming}
                    title={t('pr.confirmTitle')}
                    okText={t('pr.confirmOk')}
                    cancelText={t('pr.confirmBack')}
                    confirmLoading={submit.isPending}
                    onCancel={() => setConfirming(false)}
                    onOk={() =>
                      submit.mutate({
                        ...period,
                        ratings: toSubmit.map(([id, tier]) => ({ rateeId: Number(id), tier })),
                      })
                    }
                    destroyOnHidden
                  >
                    <Typography.Paragraph type="warning" data-testid="confirm-ratings-warning">
                      {t('pr.confirmWarning')}
                    </Typography.Paragraph>
                    <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                      {toSubmit.map(([id, tier]) => (
                        <li key={id}>
                          {nameOf(list, Number(id))}：{tierLabel(tier)}
                        </li>
                      ))}
                    </ul>
                    {submit.isError ? (
                      <Alert type="error" showIcon title={errorMessage(submit.error)} role="alert" />
                    ) : null}
                  </Modal>
                  <Typography.Text type="secondary">
                    {toSubmit.length} / {rows.filter((r) => !rated.has(r.id)).length}
                  </Typography.Text>
                </Space>
              </Space>
            );
          }}
        </QueryView>
      </Card>
    </div>
  );
}
