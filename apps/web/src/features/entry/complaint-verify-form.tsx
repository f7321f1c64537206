import { COMPLAINT_CAUSE_LABELS, COMPLAINT_CAUSES, type TComplaintCause } from '@chuangkou/rules/vocabulary';
import { Descriptions, Form, type FormInstance, Input, Radio, Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export type TVerify = { isValid: boolean; cause?: TComplaintCause; note?: string };

/** The complaint being verified, as the supervisor must see it: who and which window are accused. */
export interface TComplaintToVerify {
  id: number;
  date: string;
  content: string;
  staffName: string;
  windowName: string;
}

/**
 * The verification of a complaint (考核细则 二(三): 经查实属有效投诉). Nothing is chosen in advance:
 * the supervisor picks 有效 or 无效 (one careless click never dismisses a citizen's complaint), sees
 * the person and the window complained about, and gives the reason of an invalid verdict.
 */
export function ComplaintVerifyForm({
  form,
  complaint,
  onFinish,
}: {
  form: FormInstance<TVerify>;
  complaint: TComplaintToVerify;
  onFinish: (values: TVerify) => void;
}) {
  const { t, label } = useI18n();
  const isValid = Form.useWatch('isValid', form);
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        data-testid="verify-accused"
        items={[
          { key: 'staff', label: t('cmp.staff'), children: complaint.staffName },
          { key: 'window', label: t('cmp.window'), children: complaint.windowName },
          { key: 'date', label: t('cmp.date'), children: complaint.date },
          { key: 'content', label: t('cmp.content'), children: complaint.content },
        ]}
      />
      <Form<TVerify> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="isValid"
          label={t('cmp.verification')}
          rules={[{ required: true, message: t('entry.verifyChoose') }]}
        >
          <Radio.Group
            options={[
              { value: true, label: t('cmp.valid') },
              { value: false, label: t('cmp.invalid') },
            ]}
          />
        </Form.Item>
        {isValid === true ? (
          <Form.Item
            name="cause"
            label={t('entry.cause')}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.cause') }) }]}
          >
            <Select
              options={COMPLAINT_CAUSES.map((cause) => ({
                value: cause,
                label: label(COMPLAINT_CAUSE_LABELS, cause),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t('entry.note')}
          rules={
            isValid === false ? [{ required: true, whitespace: true, message: t('entry.invalidReason') }] : []
          }
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </>
  );
}
