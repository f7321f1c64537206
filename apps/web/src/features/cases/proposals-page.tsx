import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { type TCasesKey, useCasesText } from './cases-text.ts';

type TStatus = 'proposed' | 'confirmed' | 'rejected';

/** B5 / F3 proposals of late cases: a supervisor confirms (the record is created only then) or rejects. */
export default function ProposalsPage() {
  const { ct, locale } = useCasesText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TStatus>('proposed');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery(trpc.cases.proposals.queryOptions({ status }));
  const done = async () => {
    message.success(ct('app.saved'));
    await Promise.all([
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
      queryClient.invalidateQueries(trpc.records.pathFilter()),
      queryClient.invalidateQueries(trpc.assessment.pathFilter()),
      queryClient.invalidateQueries(trpc.fines.pathFilter()),
    ]);
  };
  const confirm = useMutation(trpc.cases.confirmProposal.mutationOptions({ onSuccess: done }));
  const reject = useMutation(
    trpc.cases.rejectProposal.mutationOptions({
      onSuccess: async () => {
        setRejecting(null);
        form.resetFields();
        await done();
      },
    }),
  );

  return (
    <div data-testid="page-case-proposals">
      <PageHead title={ct('proposals.title')}>
        <Segmented<TStatus>
          value={status}
          onChange={setStatus}
          options={(['proposed', 'confirmed', 'rejected'] as const).map((s) => ({
            value: s,
            label: ct(`proposal.${s}` as TCasesKey),
          }))}
        />
      </PageHead>
      <Alert type="info" showIcon title={ct('proposal.hint')} style={{ marginBottom: 12 }} />
      {confirm.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(confirm.error)}
          style={{ marginBottom: 12 }}
          role="alert"
        />
      ) : null}
      <QueryView query={list} rows={6}>
        {(rows) => (
          <Card size="small">
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              data-testid="proposals-table"
              columns={[
                { key: 'code', title: ct('col.code'), render: (_, r) => r.acceptanceCode ?? `#${r.caseId}` },
                {
                  key: 'matter',
                  title: ct('col.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 180,
                },
                { key: 'staff', title: ct('col.staff'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'item',
                  title: ct('col.item'),
                  render: (_, r) => <Tag color={r.item === 'B5' ? 'red' : 'orange'}>{r.item}</Tag>,
                },
                { key: 'qty', title: ct('col.qty'), dataIndex: 'qty', align: 'right' },
                { key: 'day', title: ct('col.received'), render: (_, r) => formatDate(r.day, locale) },
                { key: 'reason', title: ct('col.reason'), dataIndex: 'reason', ellipsis: true, width: 260 },
                {
                  key: 'actions',
                  title: ct('col.actions'),
                  render: (_, r) =>
                    r.status === 'proposed' ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          loading={confirm.isPending && confirm.variables?.id === r.id}
                          onClick={() => confirm.mutate({ id: r.id })}
                          data-testid={`confirm-${r.id}`}
                        >
                          {ct('proposal.confirm')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setRejecting(r.id)}
                          data-testid={`reject-${r.id}`}
                        >
                          {ct('proposal.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <span>
                        <Tag>{ct(`proposal.${r.status}` as TCasesKey)}</Tag>
                        {r.decisionReason ?? ''}
                      </span>
                    ),
                },
              ]}
            />
          </Card>
        )}
      </QueryView>
      <Modal
        open={rejecting !== null}
        title={ct('proposal.rejectTitle')}
        okText={ct('proposal.reject')}
        cancelText={ct('app.cancel')}
        confirmLoading={reject.isPending}
        onCancel={() => setRejecting(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => rejecting !== null && reject.mutate({ id: rejecting, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={ct('proposal.rejectReason')}
            rules={[{ required: true, message: ct('app.required', { field: ct('proposal.rejectReason') }) }]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        </Form>
        {reject.isError ? (
          <Alert type="error" showIcon title={errorMessage(reject.error)} role="alert" />
        ) : null}
      </Modal>
    </div>
  );
}
