import { PlusOutlined } from '@ant-design/icons';
import { CASE_TYPE_LABELS, CASE_TYPES } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrg } from '../../lib/org.ts';
import { usePermissions } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TMatterForm = {
  unitId: number;
  name: string;
  type: (typeof CASE_TYPES)[number];
  promisedDays: number;
  legalBasis?: string;
  materials?: string[];
  procedure?: string;
  fees?: string;
  feeBasis?: string;
  inquiryPhone?: string;
  complaintPhone?: string;
  leadDepartment?: string;
  relatedDepartments?: string[];
};

/** 事项目录: the matters with the eight fields of their service guide. */
export default function MattersPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-case-matters">
      <PageHead title={t('nav.caseMatters')} />
      <MattersCatalog />
    </div>
  );
}

/**
 * The catalog: everyone reads it; the administrator (when a center moves in), 审管科 and the leaders
 * add, edit, withdraw with a reason and take back (never deleted).
 */
export function MattersCatalog() {
  const { t, term } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const org = useOrg();
  const canEdit = can('cases.matters.update');
  const [showRevoked, setShowRevoked] = useState(false);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [revoking, setRevoking] = useState<{ id: number; isReinstate: boolean } | null>(null);
  const [form] = Form.useForm<TMatterForm>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const list = useQuery(trpc.cases.matters.list.queryOptions({ includeRevoked: showRevoked }));
  const done = async () => {
    message.success(t('app.saved'));
    setEditing(null);
    setRevoking(null);
    await queryClient.invalidateQueries(trpc.cases.matters.pathFilter());
  };
  const create = useMutation(trpc.cases.matters.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.cases.matters.update.mutationOptions({ onSuccess: done }));
  const revoke = useMutation(trpc.cases.matters.revoke.mutationOptions({ onSuccess: done }));
  const reinstate = useMutation(trpc.cases.matters.reinstate.mutationOptions({ onSuccess: done }));
  const toggle = revoking?.isReinstate ? reinstate : revoke;
  const save = editing === 'new' ? create : update;
  const required = (field: TKey) => [{ required: true, message: t('entry.required', { field: t(field) }) }];

  return (
    <>
      <QueryView query={list} rows={6}>
        {(rows) => (
          <Card
            size="small"
            extra={
              <Space>
                <Switch size="small" checked={showRevoked} onChange={setShowRevoked} />
                {t('case.matters.showRevoked')}
                {canEdit ? (
                  <Button
                    type="primary"
                    size="small"
                    icon={<PlusOutlined />}
                    data-testid="matter-new"
                    onClick={() => {
                      form.resetFields();
                      setEditing('new');
                    }}
                  >
                    {t('case.matters.new')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              // no sideways scroll at 1366×768: the table takes the card's width and the long cells
              // (names, departments) wrap, so the actions stay in view
              data-testid="matters-table"
              expandable={{
                expandedRowRender: (m) => (
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    {[
                      `${t('case.matter.legalBasis')}：${m.legalBasis || '—'}`,
                      `${t('case.matter.materials')}：${m.materials.join('；') || '—'}`,
                      `${t('case.matter.procedure')}：${m.procedure || '—'}`,
                      `${t('case.matter.fees')}：${[m.fees, m.feeBasis].filter(Boolean).join('；') || '—'}`,
                      m.type === 'joint'
                        ? `${t('case.matter.leadDepartment')}：${m.leadDepartment || '—'}；${t('case.matter.relatedDepartments')}：${m.relatedDepartments.join('、') || '—'}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join('\n')}
                  </div>
                ),
              }}
              columns={[
                { key: 'name', title: t('case.matter'), dataIndex: 'name' },
                { key: 'type', title: t('case.type'), render: (_, m) => term(CASE_TYPE_LABELS[m.type]) },
                {
                  key: 'days',
                  title: t('case.matter.promisedDays'),
                  dataIndex: 'promisedDays',
                  align: 'right',
                },
                {
                  key: 'unit',
                  title: t('case.matter.unit'),
                  render: (_, m) => org.data?.units.find((u) => u.id === m.unitId)?.name ?? `#${m.unitId}`,
                },
                {
                  key: 'departments',
                  title: t('case.matter.relatedDepartments'),
                  width: 180,
                  render: (_, m) =>
                    m.type === 'joint'
                      ? [m.leadDepartment, ...m.relatedDepartments].filter(Boolean).join('、') || '—'
                      : '—',
                },
                {
                  key: 'inquiry',
                  title: t('case.matter.inquiryPhone'),
                  render: (_, m) => m.inquiryPhone || '—',
                },
                {
                  key: 'complaint',
                  title: t('case.matter.complaintPhone'),
                  render: (_, m) => m.complaintPhone || '—',
                },
                {
                  key: 'actions',
                  title: t('app.actions'),
                  render: (_, m) =>
                    !m.isActive ? (
                      <Space>
                        <Tag>{`${t('admin.disabled')}：${m.revokeReason ?? ''}`}</Tag>
                        {canEdit ? (
                          <Button size="small" onClick={() => setRevoking({ id: m.id, isReinstate: true })}>
                            {t('org.enable')}
                          </Button>
                        ) : null}
                      </Space>
                    ) : canEdit ? (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => {
                            form.setFieldsValue(m);
                            setEditing(m.id);
                          }}
                        >
                          {t('case.matters.edit')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setRevoking({ id: m.id, isReinstate: false })}
                        >
                          {t('case.matters.revoke')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          </Card>
        )}
      </QueryView>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('case.matters.new') : t('case.matters.edit')}
        cancelText={t('app.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        width={720}
        destroyOnHidden
      >
        <Form<TMatterForm>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            editing === 'new' ? create.mutate(v) : editing !== null && update.mutate({ ...v, id: editing })
          }
        >
          <Space wrap>
            <Form.Item name="name" label={t('case.matter')} rules={required('case.matter')}>
              <Input style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="unitId" label={t('case.matter.unit')} rules={required('case.matter.unit')}>
              <Select
                style={{ width: 200 }}
                options={org.data?.units.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="type" label={t('case.type')} rules={required('case.type')}>
              <Select
                style={{ width: 120 }}
                options={CASE_TYPES.map((t) => ({ value: t, label: term(CASE_TYPE_LABELS[t]) }))}
              />
            </Form.Item>
            <Form.Item
              name="promisedDays"
              label={t('case.matter.promisedDays')}
              rules={required('case.matter.promisedDays')}
            >
              <InputNumber min={0} max={365} />
            </Form.Item>
          </Space>
          <Form.Item name="legalBasis" label={t('case.matter.legalBasis')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="materials" label={t('case.matter.materials')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="procedure" label={t('case.matter.procedure')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="fees" label={t('case.matter.fees')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="feeBasis" label={t('case.matter.feeBasis')}>
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name="inquiryPhone" label={t('case.matter.inquiryPhone')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="complaintPhone" label={t('case.matter.complaintPhone')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="leadDepartment" label={t('case.matter.leadDepartment')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="relatedDepartments" label={t('case.matter.relatedDepartments')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        </Form>
        {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} role="alert" /> : null}
      </Modal>
      <Modal
        open={revoking !== null}
        title={revoking?.isReinstate ? t('org.enable') : t('case.matters.revoke')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: !revoking?.isReinstate }}
        confirmLoading={toggle.isPending}
        onCancel={() => setRevoking(null)}
        onOk={() => revokeForm.submit()}
        destroyOnHidden
      >
        <Form
          form={revokeForm}
          layout="vertical"
          onFinish={(v) => revoking !== null && toggle.mutate({ id: revoking.id, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={revoking?.isReinstate ? t('org.reason') : t('case.matters.revokeReason')}
            rules={required(revoking?.isReinstate ? 'org.reason' : 'case.matters.revokeReason')}
          >
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        </Form>
        {toggle.isError ? (
          <Alert type="error" showIcon title={errorMessage(toggle.error)} role="alert" />
        ) : null}
      </Modal>
    </>
  );
}
