import {
  SANCTION_PROPOSAL_STATUS_LABELS,
  SANCTION_PROPOSAL_STATUSES,
  type TSanctionProposalStatus,
} from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

/** B5 / F3 proposals of late cases: a supervisor confirms (the record is created only then) or rejects. */
export default function ProposalsPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TSanctionProposalStatus>('proposed');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery(trpc.cases.sanctionProposals.list.queryOptions({ status }));
  const done = async () => {
    message.success(t('app.saved'));
    await Promise.all([
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
      queryClient.invalidateQueries(trpc.records.pathFilter()),
      queryClient.invalidateQueries(trpc.assessment.pathFilter()),
      queryClient.invalidateQueries(trpc.fines.pathFilter()),
    ]);
  };
  const confirm = useMutation(trpc.cases.sanctionProposals.confirm.mutationOptions({ onSuccess: done }));
  const reject = useMutation(
    trpc.cases.sanctionProposals.reject.mutationOptions({
      onSuccess: async () => {
        setRejecting(null);
        form.resetFields();
        await done();
      },
    }),
  );

  return (
    <div data-testid="page-case-proposals">
      <PageHead title={t('nav.caseProposals')}>
        <Segmented<TSanctionProposalStatus>
          value={status}
          onChange={setStatus}
          options={SANCTION_PROPOSAL_STATUSES.map((s) => ({
            value: s,
            label: term(SANCTION_PROPOSAL_STATUS_LABELS[s]),
          }))}
        />
      </PageHead>
      <Alert type="info" showIcon title={t('case.proposal.hint')} style={{ marginBottom: 12 }} />
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
                { key: 'code', title: t('case.code'), render: (_, r) => r.acceptanceCode ?? `#${r.caseId}` },
                {
                  key: 'matter',
                  title: t('case.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 180,
                },
                { key: 'staff', title: t('case.acceptedBy'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'item',
                  title: t('entry.item'),
                  render: (_, r) => <Tag color={r.item === 'B5' ? 'red' : 'orange'}>{r.item}</Tag>,
                },
                { key: 'qty', title: t('entry.qty'), dataIndex: 'qty', align: 'right' },
                { key: 'day', title: t('case.receivedOn'), render: (_, r) => formatDate(r.day, locale) },
                {
                  key: 'reason',
                  title: t('case.proposal.basis'),
                  dataIndex: 'reason',
                  ellipsis: true,
                  width: 260,
                },
                {
                  key: 'actions',
                  title: t('app.actions'),
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
                          {t('case.proposal.confirm')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setRejecting(r.id)}
                          data-testid={`reject-${r.id}`}
                        >
                          {t('case.proposal.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <span>
                        <Tag>{term(SANCTION_PROPOSAL_STATUS_LABELS[r.status])}</Tag>
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
        title={t('case.proposal.rejectTitle')}
        okText={t('case.proposal.reject')}
        cancelText={t('app.cancel')}
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
            label={t('case.proposal.rejectReason')}
            rules={[
              { required: true, message: t('entry.required', { field: t('case.proposal.rejectReason') }) },
            ]}
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
