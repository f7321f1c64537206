import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/trpc.ts';

/** What is disabled or enabled again: its name, and which way. */
export type TToggle = { id: number; name: string; isActive: boolean };

/**
 * Disables something (a unit, a window, a person) with a reason, or enables it again with one: nothing
 * is ever deleted, and the reason goes to the audit log.
 */
export function ReasonModal({
  target,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  target: TToggle | null;
  pending: boolean;
  error: unknown;
  onSubmit: (v: { id: number; isActive: boolean; reason: string }) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const disabling = target?.isActive === true;
  return (
    <Modal
      open={target !== null}
      title={t(disabling ? 'org.disableTitle' : 'org.enableTitle', { name: target?.name ?? '' })}
      okText={t(disabling ? 'org.disable' : 'org.enable')}
      cancelText={t('app.cancel')}
      okButtonProps={{
        danger: disabling,
        ...({ 'data-testid': 'reason-ok' } as Record<`data-${string}`, string>),
      }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => target && onSubmit({ id: target.id, isActive: !target.isActive, reason: v.reason })}
      >
        <Form.Item
          name="reason"
          label={t('org.reason')}
          extra={t('org.neverDeleted')}
          rules={[{ required: true, min: 2, message: t('org.reasonRequired') }]}
        >
          <Input.TextArea rows={2} autoFocus data-testid="reason-input" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={errorMessage(error)} /> : null}
    </Modal>
  );
}
