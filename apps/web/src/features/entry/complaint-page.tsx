import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  type TComplaintChannel,
} from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { nameOf, useOrg, useStaffList } from '../../lib/org.ts';
import { errorMessage, useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { ComplaintVerifyForm, type TComplaintToVerify, type TVerify } from './complaint-verify-form.tsx';

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

type TCreate = {
  channel: TComplaintChannel;
  date: Dayjs;
  windowId?: number;
  staffId?: number;
  content: string;
};

/** 投诉登记与核实: register a complaint, then verify it (valid with cause "attitude" creates the A3 record). */
export default function ComplaintEntryPage() {
  const { t, locale, label } = useI18n();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useOrg();
  const staff = useStaffList();
  const [form] = Form.useForm<TCreate>();
  const [verifying, setVerifying] = useState<TComplaintToVerify | null>(null);
  const [verifyForm] = Form.useForm<TVerify>();
  const from = dayjs().subtract(90, 'day').format('YYYY-MM-DD');
  const client = useTRPCClient();
  // the complaints of the last 90 days still to verify, newest first, 200 a page (加载更多 for more)
  const pendingInput = { from, status: 'pending' as const };
  const pending = useKeysetList({
    key: trpc.complaints.list.queryKey(pendingInput),
    page: (before: { date: string; id: number } | undefined) =>
      client.complaints.list.query({ ...pendingInput, limit: PAGE, before }),
    cursorOf: (row) => ({ date: row.date, id: row.id }),
    pageSize: PAGE,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.complaints.pathFilter()),
      queryClient.invalidateQueries(trpc.records.pathFilter()),
      queryClient.invalidateQueries(trpc.assessment.pathFilter()),
      queryClient.invalidateQueries(trpc.analytics.pathFilter()),
    ]);
  const create = useMutation(
    trpc.complaints.create.mutationOptions({
      onSuccess: async () => {
        message.success(t('entry.submitted'));
        form.resetFields();
        await refresh();
      },
    }),
  );
  const verify = useMutation(
    trpc.complaints.verify.mutationOptions({
      onSuccess: async () => {
        message.success(t('entry.submitted'));
        setVerifying(null);
        verifyForm.resetFields();
        await refresh();
      },
    }),
  );
  const channelName = (channel: string) => label(COMPLAINT_CHANNEL_LABELS, channel);

  return (
    <div data-testid="page-entryComplaint">
      <PageHead title={t('nav.entry.complaint')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={locale === 'en' ? 'Register a complaint' : '投诉登记'}>
            <Form<TCreate>
              form={form}
              layout="vertical"
              initialValues={{ date: dayjs(), channel: 'hotline12345' }}
              disabled={create.isPending}
              onFinish={(values) =>
                create.mutate({
                  channel: values.channel,
                  date: values.date.format('YYYY-MM-DD'),
                  content: values.content,
                  ...(values.windowId ? { windowId: values.windowId } : {}),
                  ...(values.staffId ? { staffId: values.staffId } : {}),
                })
              }
            >
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="date" label={t('entry.date')} rules={[{ required: true }]}>
                    <DatePicker
                      allowClear={false}
                      style={{ width: '100%' }}
                      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="channel" label={t('entry.channel')} rules={[{ required: true }]}>
                    <Select options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: channelName(c) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="windowId" label={t('entry.window')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(org.data?.windows ?? []).map((w) => ({ value: w.id, label: w.name }))}
                />
              </Form.Item>
              <Form.Item name="staffId" label={t('cmp.staff')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
              <Form.Item
                name="content"
                label={t('entry.content')}
                rules={[{ required: true, message: t('entry.required', { field: t('entry.content') }) }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              {create.isError ? (
                <Alert
                  type="error"
                  showIcon
                  title={errorMessage(create.error)}
                  style={{ marginBottom: 12 }}
                  role="alert"
                />
              ) : null}
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('app.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={`${t('cmp.pending')}（${pending.data?.length ?? 0}${pending.hasMore ? '+' : ''}）`}
            data-testid="pending-complaints"
          >
            <QueryView query={pending} isEmpty={(rows) => rows.length === 0}>
              {(rows) => (
                <>
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={rows}
                    pagination={{ pageSize: 8, hideOnSinglePage: true }}
                    columns={[
                      {
                        key: 'date',
                        title: t('cmp.date'),
                        render: (_, row) => formatDate(row.date, locale),
                        width: 130,
                        className: 'col-date',
                      },
                      {
                        key: 'staff',
                        title: t('cmp.staff'),
                        render: (_, row) => nameOf(staff.data, row.staffId),
                      },
                      {
                        key: 'window',
                        title: t('cmp.window'),
                        render: (_, row) => nameOf(org.data?.windows, row.windowId),
                      },
                      { key: 'content', title: t('cmp.content'), dataIndex: 'content', ellipsis: true },
                      {
                        key: 'verify',
                        title: t('app.actions'),
                        render: (_, row) => (
                          <Button
                            size="small"
                            onClick={() =>
                              setVerifying({
                                id: row.id,
                                date: row.date,
                                content: row.content,
                                staffName: nameOf(staff.data, row.staffId),
                                windowName: nameOf(org.data?.windows, row.windowId),
                                channel: row.channel,
                              })
                            }
                          >
                            {t('entry.verify')}
                          </Button>
                        ),
                      },
                    ]}
                  />
                  <LoadMore list={pending} testId="pending-complaints-more" />
                </>
              )}
            </QueryView>
          </Card>
        </Col>
      </Row>
      <Modal
        open={verifying !== null}
        title={t('entry.verify')}
        width={760}
        okText={t('app.submit')}
        cancelText={t('app.cancel')}
        confirmLoading={verify.isPending}
        onCancel={() => setVerifying(null)}
        onOk={() => verifyForm.submit()}
        destroyOnHidden
      >
        {verifying ? (
          <ComplaintVerifyForm
            form={verifyForm}
            complaint={verifying}
            onFinish={(values) =>
              verify.mutate({
                id: verifying.id,
                isValid: values.isValid,
                ...(values.isValid && values.cause ? { cause: values.cause } : {}),
                ...(values.note ? { note: values.note } : {}),
              })
            }
          />
        ) : null}
        {verify.isError ? (
          <Alert type="error" showIcon title={errorMessage(verify.error)} role="alert" />
        ) : null}
      </Modal>
    </div>
  );
}
