import { PrinterOutlined } from '@ant-design/icons';
import { CASE_NOTICE_LABELS, CASE_TYPE_LABELS } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHead } from '../../components/page-head.tsx';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useStaffList } from '../../lib/org.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { downloadBase64 } from './case-ui.ts';

const PRINT_CSS =
  '@media print { .no-print, .ant-layout-sider, .ant-layout-header, .page-head { display: none !important; } }';

type TValues = {
  matterId: number;
  staffId?: number;
  applicantName: string;
  applicantPhone: string;
  handlerPhone?: string;
  on: Dayjs;
  missing?: string[];
};

/**
 * 窗口受理: accepts a case for a matter of the catalog (with its service guide shown), and prints the
 * receipt (受理通知单) with the acceptance code and the query password — shown this once.
 */
export default function AcceptPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const [form] = Form.useForm<TValues>();
  const matters = useQuery(trpc.cases.matters.list.queryOptions());
  const isCenter = session.data?.role === 'supervisor' || session.data?.role === 'leader';
  const staff = useStaffList();
  const matterId = Form.useWatch('matterId', form);
  const matter = matters.data?.find((m) => m.id === matterId);
  const accept = useMutation(
    trpc.cases.accept.mutationOptions({
      onSuccess: async () => {
        form.resetFields();
        await queryClient.invalidateQueries(trpc.cases.pathFilter());
      },
    }),
  );
  const receipt = accept.data?.receipt;
  // 规程 二、1–2: the two-part notice, the password on the applicant's part (sent by POST, never in a URL)
  const noticeFile = useMutation(
    trpc.cases.acceptanceNoticeFile.mutationOptions({
      onSuccess: (file) => downloadBase64(file.fileName, file.base64),
    }),
  );
  const required = (field: TKey) => [{ required: true, message: t('entry.required', { field: t(field) }) }];

  return (
    <div data-testid="page-case-accept">
      {/* the receipt alone on paper: the menu, the header and the form stay on screen */}
      <style>{PRINT_CSS}</style>
      <PageHead title={t('nav.caseAccept')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12} className="no-print">
          <Card size="small">
            <Form<TValues>
              form={form}
              layout="vertical"
              initialValues={{ on: dayjs() }}
              onFinish={(v) =>
                accept.mutate({
                  matterId: v.matterId,
                  ...(v.staffId ? { staffId: v.staffId } : {}),
                  applicantName: v.applicantName,
                  applicantPhone: v.applicantPhone,
                  ...(v.handlerPhone ? { handlerPhone: v.handlerPhone } : {}),
                  on: v.on.format('YYYY-MM-DD'),
                  ...(v.missing?.length ? { missing: v.missing } : {}),
                })
              }
            >
              <Form.Item name="matterId" label={t('case.matter')} rules={required('case.matter')}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={matters.data?.map((m) => ({
                    value: m.id,
                    label: `${m.name}（${term(CASE_TYPE_LABELS[m.type])}）`,
                  }))}
                  data-testid="accept-matter"
                />
              </Form.Item>
              {isCenter ? (
                <Form.Item name="staffId" label={t('case.acceptedBy')} rules={required('case.acceptedBy')}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={staff.data?.map((s) => ({ value: s.id, label: s.name }))}
                  />
                </Form.Item>
              ) : null}
              <Space wrap>
                <Form.Item
                  name="applicantName"
                  label={t('case.accept.applicantName')}
                  rules={required('case.accept.applicantName')}
                >
                  <Input data-testid="accept-name" />
                </Form.Item>
                <Form.Item
                  name="applicantPhone"
                  label={t('case.accept.applicantPhone')}
                  rules={required('case.accept.applicantPhone')}
                >
                  <Input data-testid="accept-phone" />
                </Form.Item>
                <Form.Item name="handlerPhone" label={t('case.accept.handlerPhone')}>
                  <Input />
                </Form.Item>
                <Form.Item name="on" label={t('case.receivedOn')} rules={required('case.receivedOn')}>
                  <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
              </Space>
              <Form.Item name="missing" label={t('case.step.missing')} extra={t('case.accept.missingHint')}>
                <Select mode="tags" open={false} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={accept.isPending} data-testid="accept-submit">
                {t('case.accept.submit')}
              </Button>
              {accept.isError ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="error"
                  showIcon
                  title={errorMessage(accept.error)}
                  role="alert"
                />
              ) : null}
            </Form>
          </Card>
          {matter ? (
            <Card size="small" title={t('case.accept.guide')} style={{ marginTop: 12 }}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('case.matter.legalBasis')}>
                  {matter.legalBasis || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.materials')}>
                  {matter.materials.length ? matter.materials.join('；') : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.procedure')}>
                  {matter.procedure || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.promisedDays')}>
                  {matter.type === 'immediate' ? term(CASE_TYPE_LABELS.immediate) : `${matter.promisedDays}`}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.fees')}>
                  {[matter.fees, matter.feeBasis].filter(Boolean).join('；') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.inquiryPhone')}>
                  {matter.inquiryPhone || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.matter.complaintPhone')}>
                  {matter.complaintPhone || '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={12}>
          {receipt ? (
            <Card
              size="small"
              title={term(CASE_NOTICE_LABELS.acceptanceNotice)}
              extra={
                <Space className="no-print">
                  <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                    {t('case.detail.print')}
                  </Button>
                  {accept.data && receipt.queryPassword && receipt.pickupOn ? (
                    <Button
                      loading={noticeFile.isPending}
                      data-testid="receipt-notice-file"
                      onClick={() =>
                        noticeFile.mutate({ id: accept.data.case.id, queryPassword: receipt.queryPassword! })
                      }
                    >
                      {t('case.accept.noticeFile')}
                    </Button>
                  ) : null}
                </Space>
              }
              data-testid="receipt"
            >
              <Alert
                className="no-print"
                type="warning"
                showIcon
                title={t('case.accept.passwordOnce')}
                style={{ marginBottom: 12 }}
              />
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="① 申请人">{`${receipt.applicant.name}　${receipt.applicant.phone}`}</Descriptions.Item>
                <Descriptions.Item label="② 审批事项">{receipt.matter.name}</Descriptions.Item>
                <Descriptions.Item label="③ 受理机关">{receipt.acceptingBody}</Descriptions.Item>
                <Descriptions.Item label="④ 承办人">{`${receipt.handler.name}　${receipt.handler.phone}`}</Descriptions.Item>
                <Descriptions.Item label="⑤ 承诺时限">
                  {receipt.promisedDays === 0 ? '即办' : `${receipt.promisedDays}个工作日`}
                </Descriptions.Item>
                <Descriptions.Item label="⑥ 受理时间 / 取件时间">
                  {`${formatDate(receipt.acceptedOn, locale)} / ${receipt.pickupOn ? formatDate(receipt.pickupOn, locale) : t('case.accept.afterMaterials')}`}
                  {receipt.pickupProvisional ? (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      {t('cal.provisionalTag')}
                    </Tag>
                  ) : null}
                </Descriptions.Item>
                <Descriptions.Item label="⑦ 受理编码 / 查询密码">
                  <Typography.Text strong data-testid="receipt-code">
                    {receipt.acceptanceCode}
                  </Typography.Text>
                  {' / '}
                  <Typography.Text strong code data-testid="receipt-password">
                    {receipt.queryPassword}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="⑧ 查询、评议、投诉">
                  {[
                    receipt.channels.query,
                    receipt.channels.evaluation,
                    receipt.channels.complaintPhone ? `投诉电话 ${receipt.channels.complaintPhone}` : '',
                  ]
                    .filter(Boolean)
                    .join('；')}
                </Descriptions.Item>
                {receipt.missingMaterials.length ? (
                  <Descriptions.Item label={t('case.step.missing')}>
                    {receipt.missingMaterials.join('；')}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}
        </Col>
      </Row>
    </div>
  );
}
