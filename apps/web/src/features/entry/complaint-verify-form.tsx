import {
  COMPLAINT_CAUSE_LABELS,
  COMPLAINT_CAUSES,
  COMPLAINT_CHANNEL_LABELS,
  type TComplaintCause,
  type TComplaintChannel,
} from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Form, type FormInstance, Input, Radio, Select, Tag, Typography } from 'antd';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTRPC } from '../../lib/trpc.ts';

export type TVerify = { isValid: boolean; cause?: TComplaintCause; note?: string };

/** The complaint being verified, as the supervisor must see it: who and which window are accused. */
export interface TComplaintToVerify {
  id: number;
  date: string;
  content: string;
  staffName: string;
  windowName: string;
  channel: TComplaintChannel;
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
  const cause = Form.useWatch('cause', form);
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        data-testid="verify-accused"
        items={[
          { key: 'staff', label: t('cmp.staff'), children: complaint.staffName },
          { key: 'window', label: t('cmp.window'), children: complaint.windowName },
          { key: 'date', label: t('cmp.date'), children: complaint.date },
          {
            key: 'channel',
            label: t('cmp.channel'),
            children: label(COMPLAINT_CHANNEL_LABELS, complaint.channel),
          },
          { key: 'content', label: t('cmp.content'), children: complaint.content, span: 2 },
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
        {isValid === true && cause ? <Consequences id={complaint.id} cause={cause} /> : null}
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

/**
 * What a valid verdict with this cause brings (the API's `complaints.consequences`): each consequence
 * with its clause and the seed's words, whether it applies, and apart, under 本中心解释, the center's
 * readings that decide where the seed is silent.
 */
function Consequences({ id, cause }: { id: number; cause: TComplaintCause }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.complaints.consequences.queryOptions({ id, cause }));
  const text = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  return (
    <div data-testid="verify-consequences" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('entry.consequences')}</Typography.Text>
      <QueryView query={query} isEmpty={(d) => d.consequences.length === 0}>
        {(data) => {
          const readings = data.consequences.filter((c) => c.centerReading !== undefined);
          return (
            <>
              <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
                {data.consequences.map((c) => (
                  <li key={`${c.kind}-${c.item ?? c.policy}`} data-applies={c.applies ? 'yes' : 'no'}>
                    <Tag color={c.applies ? 'red' : 'default'}>
                      {c.applies ? t('entry.applies') : t('entry.notApplies')}
                    </Tag>
                    <Typography.Text strong={c.applies}>{text(c.effect)}</Typography.Text>
                    {c.reason ? (
                      <Typography.Text type="secondary">（{text(c.reason)}）</Typography.Text>
                    ) : null}
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                      {c.clause} · {t('entry.seedText')}：“{c.text}”
                    </div>
                  </li>
                ))}
              </ul>
              {readings.length > 0 ? (
                <div
                  data-testid="verify-center-reading"
                  style={{ background: '#fffbe6', padding: '4px 8px' }}
                >
                  <Typography.Text strong>{t('entry.centerReading')}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                    {t('entry.centerReadingHint')}
                  </Typography.Text>
                  <ul style={{ paddingLeft: 18, margin: '2px 0' }}>
                    {readings.map((c) => (
                      <li key={`${c.kind}-${c.item ?? c.policy}`}>
                        {c.item ? `${c.item}：` : ''}
                        {c.centerReading}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
