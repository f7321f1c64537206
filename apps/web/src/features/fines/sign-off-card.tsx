import { CheckCircleFilled, ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { SIGN_OFF_LINE_LABELS, SIGN_OFF_LINES, type TSignOffLine } from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Steps, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TRole } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TLine = TSignOffLine;
export type TSignOff = {
  state: 'unsigned' | 'partial' | 'signed';
  signatures: { role: TLine; userName: string; signedAt: string }[];
  pending: TLine[];
  isChangedSinceSigned: boolean;
};

const LINES = SIGN_OFF_LINES;

/**
 * The line a user may sign now: 审管科 for a supervisor, the line of their position for a leader (none
 * without a position); none for someone who already signed a line of the month (one person, one line).
 */
export function lineToSign(
  role: TRole,
  signOff: TSignOff,
  userName?: string,
  position?: 'principal' | 'deputy' | null,
): TLine | null {
  if (userName && signOff.signatures.some((s) => s.userName === userName)) return null;
  if (role === 'supervisor') return signOff.pending.includes('supervision') ? 'supervision' : null;
  if (role !== 'leader' || signOff.pending.includes('supervision') || !position) return null;
  return signOff.pending.includes(position) ? position : null;
}

/**
 * 签批 of the monthly summary (处罚办法: 审管科 compiles, 分管领导 and 主要领导 sign): the three lines with who
 * signed and when, and a button for the line the user may sign. The API decides; its message shows as is.
 */
export function SignOffCard({
  year,
  month,
  signOff,
  role,
  userName,
  position,
}: {
  year: number;
  month: number;
  signOff: TSignOff;
  role: TRole;
  userName?: string;
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
  const line = lineToSign(role, signOff, userName, position);
  const text = (l: TLine) => label(SIGN_OFF_LINE_LABELS, l);
  const stateTag =
    signOff.state === 'signed' ? (
      <Tag color="green">{t('fine.signed')}</Tag>
    ) : signOff.state === 'partial' ? (
      <Tag color="gold">{locale === 'en' ? 'Partly signed' : '签批中'}</Tag>
    ) : (
      <Tag>{t('fine.unsigned')}</Tag>
    );
  return (
    <Card size="small" title={t('fine.signOff')} extra={stateTag} data-testid="fines-signoff">
      <Steps
        orientation="vertical"
        size="small"
        current={LINES.findIndex((l) => signOff.pending.includes(l))}
        items={LINES.map((l) => {
          const signature = signOff.signatures.find((s) => s.role === l);
          return {
            title: text(l),
            status: signature ? 'finish' : signOff.pending[0] === l ? 'process' : 'wait',
            icon: signature ? <CheckCircleFilled /> : <ClockCircleOutlined />,
            description: signature
              ? `${signature.userName} · ${signature.signedAt.slice(0, 16).replace('T', ' ')}`
              : t('fine.unsigned'),
          };
        })}
      />
      {signOff.isChangedSinceSigned ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={
            locale === 'en'
              ? 'Records changed after signing: the signed summary is shown; the changes go into a supplement.'
              : '签字后有变动：以上为已签字的汇总，变动列入补充汇总另行签批。'
          }
        />
      ) : null}
      {sign.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(sign.error)}
          style={{ marginBottom: 8 }}
          role="alert"
        />
      ) : null}
      {line ? (
        <Space>
          <Popconfirm
            title={`${t('fine.signNow')} · ${text(line)}`}
            okText={t('app.confirm')}
            cancelText={t('app.cancel')}
            onConfirm={() => sign.mutate({ year, month, line })}
          >
            <Button type="primary" icon={<EditOutlined />} loading={sign.isPending} data-testid="sign-off">
              {t('fine.signNow')}（{text(line)}）
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Card>
  );
}
