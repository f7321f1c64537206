import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

/** Revokes a record with a reason (never deletes it); a published quarter also needs a correction reason. */
export function RevokeButton({ recordId, label }: { recordId: number; label: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; correctionReason?: string }>();
  const revoke = useMutation(
    trpc.records.revoke.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        form.resetFields();
        message.success(t('app.saved'));
        await Promise.all([
          queryClient.invalidateQueries(trpc.records.pathFilter()),
          queryClient.invalidateQueries(trpc.assessment.pathFilter()),
          queryClient.invalidateQueries(trpc.analytics.pathFilter()),
          queryClient.invalidateQueries(trpc.fines.pathFilter()),
        ]);
      },
    }),
  );
  const needsCorrection =
    (revoke.error?.data as { field?: string } | undefined)?.field === 'correctionReason';
  return (
    <>
      <Button
        size="small"
        danger
        icon={<StopOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`revoke-${recordId}`}
      >
        {t('entry.revoke')}
      </Button>
      <Modal
        open={isOpen}
        title={t('entry.revokeTitle')}
        okText={t('entry.revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('app.cancel')}
        confirmLoading={revoke.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{label}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('entry.revokeHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            revoke.mutate({
              id: recordId,
              reason: values.reason,
              ...(values.correctionReason ? { correctionReason: values.correctionReason } : {}),
            })
          }
        >
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
