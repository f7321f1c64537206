import { SIGN_OFF_LINE_LABELS } from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { TRole } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { lineToSign, type TSignOff } from './sign-off-card.tsx';

type TChange = {
  staffId: number;
  staffName: string;
  windowName: string | null;
  before: { total: number } | null;
  after: { total: number } | null;
  difference: number;
};
type TSupplement = { supplement: number; changes: TChange[]; signOff: TSignOff };

const UNSIGNED: TSignOff = {
  state: 'unsigned',
  signatures: [],
  pending: ['supervision', 'deputy', 'principal'],
  isChangedSinceSigned: false,
};

/**
 * 补充汇总: the changes after the month was signed (only they), signed on the same three lines; the
 * first signatures stay. Shows the supplement being signed, or the changes not yet in one.
 */
export function SupplementCard({
  year,
  month,
  supplements,
  pendingChanges,
  role,
  userName,
  position,
}: {
  year: number;
  month: number;
  supplements: TSupplement[];
  pendingChanges: TChange[];
  role: TRole;
  userName?: string;
  /** a leader signs the supplement on the line of their position, as the first summary */
  position?: 'principal' | 'deputy' | null;
}) {
  const { t, locale, label } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sign = useMutation(
    trpc.fines.signOff.mutationOptions({
      onSuccess: async () => {
        message.success(t('fine.signed'));
        await queryClient.invalidateQueries(trpc.fines.pathFilter());
      },
    }),
  );
  const open = supplements.find((x) => x.signOff.state !== 'signed');
  const current =
    open ??
    (pendingChanges.length > 0
      ? { supplement: supplements.length + 1, changes: pendingChanges, signOff: UNSIGNED }
      : null);
  if (!current && supplements.length === 0) return null;
  const line = current ? lineToSign(role, current.signOff, userName, position) : null;
  const shown = current ?? supplements.at(-1)!;
  const title = `${locale === 'en' ? 'Supplement' : '补充汇总'} ${shown.supplement}`;
  return (
    <Card
      size="small"
      title={title}
      extra={
        shown.signOff.state === 'signed' ? (
          <Tag color="green">{t('fine.signed')}</Tag>
        ) : (
          <Tag color="gold">{locale === 'en' ? 'To sign' : '待签'}</Tag>
        )
      }
      data-testid="fines-supplement"
    >
      <Table
        size="small"
        rowKey="staffId"
        pagination={false}
        dataSource={shown.changes}
        columns={[
          { key: 'name', title: t('as.name'), render: (_, c) => c.staffName },
          { key: 'window', title: t('as.window'), render: (_, c) => c.windowName ?? '—' },
          {
            key: 'diff',
            title: locale === 'en' ? 'Change (¥)' : '增减（元）',
            render: (_, c) => formatNumber(c.difference, locale, 0),
          },
        ]}
      />
      <div style={{ margin: '8px 0' }}>
        {shown.signOff.signatures
          .map((s) => `${label(SIGN_OFF_LINE_LABELS, s.role)}：${s.userName} ${s.signedAt.slice(0, 10)}`)
          .join('；') || t('fine.unsigned')}
      </div>
      {sign.isError ? <Alert type="error" showIcon title={errorMessage(sign.error)} role="alert" /> : null}
      {line ? (
        <Space>
          <Popconfirm
            title={`${t('fine.signNow')} · ${title}`}
            okText={t('app.confirm')}
            cancelText={t('app.cancel')}
            onConfirm={() => sign.mutate({ year, month, line })}
          >
            <Button type="primary" loading={sign.isPending} data-testid="sign-supplement">
              {t('fine.signNow')}（{label(SIGN_OFF_LINE_LABELS, line)}）
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Card>
  );
}
