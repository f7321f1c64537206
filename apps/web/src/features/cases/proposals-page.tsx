import {
  PROPOSAL_DOUBT_LABELS,
  PROPOSAL_RECHECK_LABEL,
  SANCTION_PROPOSAL_STATUS_LABELS,
  SANCTION_PROPOSAL_STATUSES,
  type TSanctionProposalStatus,
} from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { useState } from 'react';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { itemLabel, usePolicyItems } from '../../lib/policy.ts';
import { errorMessage, useTRPC, useTRPCClient } from '../../lib/trpc.ts';

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

/**
 * B5 / F3 proposals of late cases: a supervisor confirms (the record is created only then), confirms
 * fewer days with a reason, or rejects; those not in doubt may be confirmed together.
 */
export default function ProposalsPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TSanctionProposalStatus>('proposed');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [reducing, setReducing] = useState<{ id: number; qty: number } | null>(null);
  const [rechecking, setRechecking] = useState<{ id: number; qty: number; why: string } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [form] = Form.useForm<{ reason: string }>();
  const [reduceForm] = Form.useForm<{ qty: number; qtyReason: string }>();
  const [recheckForm] = Form.useForm<{
    outcome: 'keep' | 'adjust';
    qty?: number;
    reason: string;
    correctionReason?: string;
  }>();
  const recheckOutcome = Form.useWatch('outcome', recheckForm);
  const client = useTRPCClient();
  // oldest first, 200 a page; 加载更多 asks for the proposals after the last id seen
  const list = useKeysetList({
    key: trpc.cases.sanctionProposals.list.queryKey({ status }),
    page: (afterId: number | undefined) =>
      client.cases.sanctionProposals.list.query({ status, limit: PAGE, afterId }),
    cursorOf: (row) => row.id,
    pageSize: PAGE,
  });
  const items = usePolicyItems();
  /** 'B5 办件超期…': a clause always with its text */
  const clause = (code: string) => {
    const item = items.data?.find((i) => i.code === code);
    return item ? itemLabel(item, locale) : code;
  };
  const done = async () => {
    message.success(t('app.saved'));
    await Promise.all([
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
      queryClient.invalidateQueries(trpc.records.pathFilter()),
      queryClient.invalidateQueries(trpc.assessment.pathFilter()),
      queryClient.invalidateQueries(trpc.fines.pathFilter()),
    ]);
  };
  const confirm = useMutation(
    trpc.cases.sanctionProposals.confirm.mutationOptions({
      onSuccess: async () => {
        setReducing(null);
        reduceForm.resetFields();
        await done();
      },
    }),
  );
  const confirmMany = useMutation(
    trpc.cases.sanctionProposals.confirmMany.mutationOptions({
      onSuccess: async () => {
        setSelected([]);
        await done();
      },
    }),
  );
  const reject = useMutation(
    trpc.cases.sanctionProposals.reject.mutationOptions({
      onSuccess: async () => {
        setRejecting(null);
        form.resetFields();
        await done();
      },
    }),
  );

  const recheck = useMutation(
    trpc.cases.sanctionProposals.recheck.mutationOptions({
      onSuccess: async () => {
        setRechecking(null);
        recheckForm.resetFields();
        await done();
      },
    }),
  );
  // adjusting a recorded deduction of a published quarter (or a fine of a signed month) is a correction:
  // the server asks for its reason, and the form then shows the field
  const recheckNeedsCorrection =
    (recheck.error?.data as { field?: string } | undefined)?.field === 'correctionReason';

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
      {[confirm, confirmMany].map((m, i) =>
        m.isError ? (
          <Alert
            key={i}
            type="error"
            showIcon
            title={errorMessage(m.error)}
            style={{ marginBottom: 12 }}
            role="alert"
          />
        ) : null,
      )}
      <QueryView query={list} rows={6}>
        {(rows) => (
          <Card
            size="small"
            extra={
              status === 'proposed' ? (
                <Button
                  type="primary"
                  disabled={selected.length === 0}
                  loading={confirmMany.isPending}
                  onClick={() => confirmMany.mutate({ ids: selected })}
                  data-testid="confirm-selected"
                >
                  {t('case.proposal.confirmSelected', { n: selected.length })}
                </Button>
              ) : null
            }
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              data-testid="proposals-table"
              rowSelection={
                status === 'proposed'
                  ? {
                      selectedRowKeys: selected,
                      onChange: (keys) => setSelected(keys.map(Number)),
                      // a proposal in doubt is looked at on its own
                      getCheckboxProps: (r) => ({ disabled: r.doubts.length > 0 }),
                    }
                  : undefined
              }
              columns={[
                {
                  key: 'case',
                  title: t('case.code'),
                  render: (_, r) => (
                    <span>
                      {/* a 16-digit code stays on one line; the matter's name wraps */}
                      <span style={{ whiteSpace: 'nowrap' }}>{r.acceptanceCode ?? `#${r.caseId}`}</span>
                      <br />
                      <span style={{ color: '#888' }}>{r.matterName}</span>
                    </span>
                  ),
                },
                { key: 'staff', title: t('case.acceptedBy'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'item',
                  title: t('entry.item'),
                  width: 230,
                  // the clause's text wraps inside its column, so the row's actions stay on screen at 1366
                  render: (_, r) => (
                    <Tag color={r.item === 'B5' ? 'red' : 'orange'} style={{ whiteSpace: 'normal' }}>
                      {clause(r.item)}
                    </Tag>
                  ),
                },
                {
                  key: 'qty',
                  title: t('entry.qty'),
                  width: 64,
                  align: 'right',
                  render: (_, r) =>
                    r.confirmedQty !== null
                      ? `${r.confirmedQty}（${t('case.proposal.of', { n: r.qty })}）`
                      : r.qty,
                },
                {
                  key: 'dates',
                  title: `${t('case.receivedOn')} / ${t('case.decidedOn')}`,
                  render: (_, r) => (
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(r.receivedOn, locale)}
                      <br />
                      {formatDate(r.day, locale)}
                    </span>
                  ),
                },
                {
                  key: 'doubts',
                  title: t('case.proposal.doubts'),
                  width: 90,
                  render: (_, r) =>
                    r.doubts.map((d) => (
                      <Tag key={d} color="gold">
                        {term(PROPOSAL_DOUBT_LABELS[d])}
                      </Tag>
                    )),
                },
                {
                  key: 'reason',
                  title: t('case.proposal.basis'),
                  dataIndex: 'reason',
                  ellipsis: true,
                  width: 160,
                },
                {
                  key: 'actions',
                  title: t('app.actions'),
                  width: status === 'proposed' ? 112 : 160,
                  render: (_, r) =>
                    r.status === 'proposed' ? (
                      <Space direction="vertical" size={4}>
                        <Button
                          size="small"
                          type="primary"
                          loading={confirm.isPending && confirm.variables?.id === r.id}
                          onClick={() => confirm.mutate({ id: r.id })}
                          data-testid={`confirm-${r.id}`}
                        >
                          {t('case.proposal.confirm')}
                        </Button>
                        {r.qty > 1 ? (
                          <Button
                            size="small"
                            onClick={() => setReducing({ id: r.id, qty: r.qty })}
                            data-testid={`reduce-${r.id}`}
                          >
                            {t('case.proposal.reduce')}
                          </Button>
                        ) : null}
                        <Button
                          size="small"
                          onClick={() => setRejecting(r.id)}
                          data-testid={`reject-${r.id}`}
                        >
                          {t('case.proposal.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <Space size={4} wrap>
                        <Tag>{term(SANCTION_PROPOSAL_STATUS_LABELS[r.status])}</Tag>
                        {r.recheckReason !== null ? (
                          // a confirmed proposal the corrected calendar no longer bears out: its record
                          // stands until a supervisor looks again
                          <>
                            <Tooltip title={r.recheckReason}>
                              <Tag color="volcano" data-testid={`recheck-${r.id}`}>
                                {term(PROPOSAL_RECHECK_LABEL)}
                              </Tag>
                            </Tooltip>
                            <Button
                              size="small"
                              onClick={() =>
                                setRechecking({
                                  id: r.id,
                                  qty: r.confirmedQty ?? r.qty,
                                  why: r.recheckReason ?? '',
                                })
                              }
                              data-testid={`recheck-open-${r.id}`}
                            >
                              {t('case.proposal.recheck')}
                            </Button>
                          </>
                        ) : null}
                        <span>{[r.decisionReason, r.recheckReason].filter(Boolean).join('；')}</span>
                      </Space>
                    ),
                },
              ]}
            />
            <LoadMore list={list} testId="proposals-more" />
          </Card>
        )}
      </QueryView>
      <Modal
        open={reducing !== null}
        title={t('case.proposal.reduceTitle')}
        okText={t('case.proposal.confirm')}
        cancelText={t('app.cancel')}
        confirmLoading={confirm.isPending}
        onCancel={() => setReducing(null)}
        onOk={() => reduceForm.submit()}
        destroyOnHidden
      >
        <Form
          form={reduceForm}
          layout="vertical"
          onFinish={(v) =>
            reducing && confirm.mutate({ id: reducing.id, qty: v.qty, qtyReason: v.qtyReason })
          }
        >
          <Form.Item
            name="qty"
            label={t('case.proposal.reduceQty', { n: reducing?.qty ?? 0 })}
            rules={[{ required: true, message: t('entry.required', { field: t('entry.qty') }) }]}
          >
            <InputNumber min={1} max={reducing?.qty ?? 1} precision={0} data-testid="reduce-qty" />
          </Form.Item>
          <Form.Item
            name="qtyReason"
            label={t('case.proposal.reduceReason')}
            rules={[
              { required: true, message: t('entry.required', { field: t('case.proposal.reduceReason') }) },
            ]}
          >
            <Input.TextArea rows={3} data-testid="reduce-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={rechecking !== null}
        title={t('case.proposal.recheckTitle')}
        okText={t('case.proposal.recheck')}
        cancelText={t('app.cancel')}
        confirmLoading={recheck.isPending}
        onCancel={() => {
          setRechecking(null);
          recheck.reset();
        }}
        onOk={() => recheckForm.submit()}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={t('case.proposal.recheckFlag', { reason: rechecking?.why ?? '' })}
          style={{ marginBottom: 12 }}
        />
        <Form
          form={recheckForm}
          layout="vertical"
          initialValues={{ outcome: 'keep' }}
          onFinish={(v) =>
            rechecking &&
            recheck.mutate({
              id: rechecking.id,
              outcome: v.outcome,
              qty: v.outcome === 'adjust' ? v.qty : undefined,
              reason: v.reason,
              ...(v.correctionReason ? { correctionReason: v.correctionReason } : {}),
            })
          }
        >
          <Form.Item name="outcome" label={t('case.proposal.recheckOutcome')}>
            <Radio.Group data-testid="recheck-outcome">
              <Radio value="keep">{t('case.proposal.recheckKeep')}</Radio>
              <Radio value="adjust" disabled={(rechecking?.qty ?? 1) <= 1}>
                {t('case.proposal.recheckAdjust')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {recheckOutcome === 'adjust' ? (
            <Form.Item
              name="qty"
              label={t('case.proposal.recheckQty', { n: rechecking?.qty ?? 0 })}
              extra={t('case.proposal.recheckHint')}
              rules={[{ required: true, message: t('entry.required', { field: t('entry.qty') }) }]}
            >
              <InputNumber
                min={1}
                max={Math.max(1, (rechecking?.qty ?? 2) - 1)}
                precision={0}
                data-testid="recheck-qty"
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={t('case.proposal.recheckReason')}
            rules={[
              { required: true, message: t('entry.required', { field: t('case.proposal.recheckReason') }) },
            ]}
          >
            <Input.TextArea rows={3} data-testid="recheck-reason" />
          </Form.Item>
          {recheckNeedsCorrection ? (
            <Form.Item
              name="correctionReason"
              label={t('case.proposal.recheckCorrection')}
              rules={[
                {
                  required: true,
                  message: t('entry.required', { field: t('case.proposal.recheckCorrection') }),
                },
              ]}
            >
              <Input.TextArea rows={2} data-testid="recheck-correction" />
            </Form.Item>
          ) : null}
        </Form>
        {recheck.isError ? (
          <Alert type="error" showIcon title={errorMessage(recheck.error)} role="alert" />
        ) : null}
      </Modal>
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
