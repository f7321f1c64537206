import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrg, useStaffList } from '../../lib/org.ts';
import { itemLabel, type TPolicyItem, usePolicyItems } from '../../lib/policy.ts';
import { Link } from '../../lib/router.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TValues = {
  item: string;
  staffId?: number;
  windowId?: number;
  date: Dayjs;
  qty: number;
  level?: string;
  aggravated?: boolean;
  note?: string;
  correctionReason?: string;
};

/**
 * A conduct record (行为记录: a deduction or a fine) or a bonus (加分), validated by the API against the
 * policy in force on its date. `kinds` picks which items the form offers.
 */
export function RecordForm({ kinds, testId }: { kinds: readonly TPolicyItem['kind'][]; testId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useOrg();
  const staff = useStaffList();
  const items = usePolicyItems();
  const [form] = Form.useForm<TValues>();
  const code = Form.useWatch('item', form);
  const item = items.data?.find((candidate) => candidate.code === code);
  const create = useMutation(
    trpc.records.create.mutationOptions({
      onSuccess: async (record) => {
        message.success(t('entry.submitted'));
        form.resetFields(['qty', 'level', 'aggravated', 'note', 'correctionReason']);
        await Promise.all([
          queryClient.invalidateQueries(trpc.records.pathFilter()),
          queryClient.invalidateQueries(trpc.assessment.pathFilter()),
          queryClient.invalidateQueries(trpc.analytics.pathFilter()),
          queryClient.invalidateQueries(trpc.fines.pathFilter()),
        ]);
        return record;
      },
    }),
  );
  const needsCorrection =
    (create.error?.data as { field?: string } | undefined)?.field === 'correctionReason';
  const options = (items.data ?? [])
    .filter((candidate) => kinds.includes(candidate.kind))
    .map((candidate) => ({
      value: candidate.code,
      label: itemLabel(candidate, locale),
      title: candidate.clause,
    }));

  const submit = (values: TValues) =>
    create.mutate({
      item: values.item,
      date: values.date.format('YYYY-MM-DD'),
      qty: values.qty,
      ...(item?.isWindowItem ? { windowId: values.windowId } : { staffId: values.staffId }),
      ...(values.level ? { level: values.level } : {}),
      ...(values.aggravated ? { aggravated: true } : {}),
      ...(values.note ? { note: values.note } : {}),
      ...(values.correctionReason ? { correctionReason: values.correctionReason } : {}),
    });

  return (
    <Card size="small" style={{ maxWidth: 860 }} data-testid={testId}>
      <Form<TValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '120px' }}
        initialValues={{ date: dayjs(), qty: 1 }}
        onFinish={submit}
        disabled={create.isPending}
      >
        <Form.Item
          name="item"
          label={t('entry.item')}
          rules={[{ required: true, message: t('entry.required', { field: t('entry.item') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={items.isPending}
            data-testid="field-item"
          />
        </Form.Item>
        {item?.isWindowItem ? (
          <Form.Item
            name="windowId"
            label={t('entry.window')}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.window') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(org.data?.windows ?? []).map((w) => ({ value: w.id, label: w.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="staffId"
            label={t('entry.staff')}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.staff') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={staff.isPending}
              data-testid="field-staff"
              options={(staff.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.name}${s.windowId ? ` · ${org.data?.windows.find((w) => w.id === s.windowId)?.name ?? ''}` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Space size={24} wrap>
          <Form.Item
            name="date"
            label={t('entry.date')}
            labelCol={{ flex: '120px' }}
            rules={[{ required: true }]}
          >
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="qty" label={t('entry.qty')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} data-testid="field-qty" />
          </Form.Item>
        </Space>
        {item?.levels?.length ? (
          <Form.Item
            name="level"
            label={t('entry.level')}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.level') }) }]}
          >
            <Select
              options={item.levels.map((level) => ({
                value: level.key,
                label: locale === 'en' && level.nameEn ? level.nameEn : level.name,
              }))}
            />
          </Form.Item>
        ) : null}
        {item?.aggravation ? (
          <Form.Item name="aggravated" valuePropName="checked" label=" " colon={false}>
            <Checkbox>
              {t('entry.aggravated')}（{item.aggravation.text}）
            </Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('entry.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {needsCorrection ? (
          <Form.Item name="correctionReason" label={t('as.publishReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
        {item ? (
          <Alert type="info" style={{ marginBottom: 16 }} title={`${item.clause}：${item.text}`} />
        ) : null}
        {create.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(create.error)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        ) : null}
        {create.isSuccess && create.data.staffId ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              <Link to={`/assessment/person/${create.data.staffId}`}>
                {t('entry.submitted')} · {create.data.item} · {t('as.person')}
              </Link>
            }
          />
        ) : null}
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="submit-record">
            {t('app.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
