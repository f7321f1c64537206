import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

/**
 * Revokes a record with a reason (never deletes it); a published quarter also needs a correction reason.
 * With `patrolFindingId` it corrects a finding of the 巡查表 (`patrols.revokeFinding`: its record revoked).
 */
export function RevokeButton({
  recordId,
  label,
  patrolFindingId,
}: {
  recordId: number;
  label: string;
  patrolFindingId?: number | undefined;
}) {
  const { t } = useI18n();
  const isFinding = patrolFindingId !== undefined;
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; correctionReason?: string }>();
  const onSuccess = async () => {
    setOpen(false);
    form.resetFields();
    message.success(t('app.saved'));
    await Promise.all([
      queryClient.invalidateQueries(trpc.records.pathFilter()),
      queryClient.invalidateQueries(trpc.patrols.pathFilter()),
      queryClient.invalidateQueries(trpc.assessment.pathFilter()),
      queryClient.invalidateQueries(trpc.analytics.pathFilter()),
      queryClient.invalidateQueries(trpc.fines.pathFilter()),
    ]);
  };
  const revokeRecord = useMutation(trpc.records.revoke.mutationOptions({ onSuccess }));
  const revokeFinding = useMutation(trpc.patrols.revokeFinding.mutationOptions({ onSuccess }));
  const revoke = isFinding ? revokeFinding : revokeRecord;
  const submit = (values: { reason: string; correctionReason?: string }) => {
    const input = {
      reason: values.reason,
      ...(values.correctionReason ? { correctionReason: values.correctionReason } : {}),
    };
    if (isFinding) revokeFinding.mutate({ id: patrolFindingId, ...input });
    else revokeRecord.mutate({ id: recordId, ...input });
  };
  const needsCorrection =
    (revoke.error?.data as { field?: string } | undefined)?.field === 'correctionReason';
  return (
    <>
      <Button
        size="small"
        danger
        type={isFinding ? 'link' : 'default'}
        icon={isFinding ? undefined : <StopOutlined />}
        onClick={() => setOpen(true)}
        data-testid={isFinding ? `correct-finding-${patrolFindingId}` : `revoke-${recordId}`}
      >
        {isFinding ? t('patrol.correct') : t('entry.revoke')}
      </Button>
      <Modal
        open={isOpen}
        title={isFinding ? t('patrol.correctTitle') : t('entry.revokeTitle')}
        okText={isFinding ? t('patrol.correct') : t('entry.revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('app.cancel')}
        confirmLoading={revoke.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{label}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {isFinding ? t('patrol.correctHint') : t('entry.revokeHint')}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('entry.reason')}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.reason') }) }]}
          >
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
          {needsCorrection ? (
            <Form.Item name="correctionReason" label={t('as.publishReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
        </Form>
        {revoke.isError ? (
          <Alert type="error" showIcon title={errorMessage(revoke.error)} role="alert" />
        ) : null}
      </Modal>
    </>
  );
}
