import { SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrg } from '../../lib/org.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TMoveValues = { windowId: number; from: string; reason?: string };

/**
 * 调动窗口: moves a person to a window from a date (`org.assignStaff`, leader and administrator). The
 * assignment before ends the day before; every earlier period keeps it (domain "Time").
 */
export function MoveButton({ staffId, name }: { staffId: number; name: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const org = useOrg();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<TMoveValues>();
  const move = useMutation(
    trpc.org.assignStaff.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        form.resetFields();
        message.success(t('app.saved'));
        await Promise.all([
          queryClient.invalidateQueries(trpc.org.pathFilter()),
          queryClient.invalidateQueries(trpc.assessment.pathFilter()),
          queryClient.invalidateQueries(trpc.analytics.pathFilter()),
        ]);
      },
    }),
  );
  const unitName = (unitId: number) => org.data?.units.find((u) => u.id === unitId)?.name ?? '';
  return (
    <>
      <Button size="small" icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="move-staff">
        {t('move.button')}
      </Button>
      <Modal
        open={isOpen}
        title={`${t('move.button')} · ${name}`}
        okText={t('move.submit')}
        cancelText={t('app.cancel')}
        confirmLoading={move.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('move.hint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            move.mutate({
              staffId,
              windowId: values.windowId,
              from: values.from,
              ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
            })
          }
        >
          <Form.Item
            name="windowId"
            label={t('move.window')}
            rules={[{ required: true, message: t('move.windowRequired') }]}
          >
            <Select
              data-testid="move-window"
              showSearch={{ optionFilterProp: 'label' }}
              options={(org.data?.windows ?? []).map((w) => ({
                value: w.id,
                label: `${w.name}（${unitName(w.unitId)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="from"
            label={t('move.from')}
            rules={[{ required: true, message: t('move.fromRequired') }]}
          >
            <Input type="date" data-testid="move-from" />
          </Form.Item>
          <Form.Item name="reason" label={t('move.reason')}>
            <Input maxLength={200} data-testid="move-reason" />
          </Form.Item>
        </Form>
        {move.isError ? <Alert type="error" showIcon title={errorMessage(move.error)} role="alert" /> : null}
      </Modal>
    </>
  );
}
