import { PlusOutlined } from '@ant-design/icons';
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
import { useOrg } from '../../lib/org.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { CASE_TYPES, type TCasesKey, useCasesText } from './cases-text.ts';

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

/** 事项目录: the matters with the eight fields of their service guide; the supervisors maintain it. */
export default function MattersPage() {
  const { ct } = useCasesText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const session = useSession();
  const org = useOrg();
  const canEdit = session.data?.role === 'supervisor' || session.data?.role === 'leader';
  const [showRevoked, setShowRevoked] = useState(false);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);
  const [form] = Form.useForm<TMatterForm>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const list = useQuery(trpc.cases.matters.list.queryOptions({ includeRevoked: showRevoked }));
  const done = async () => {
    message.success(ct('app.saved'));
    setEditing(null);
    setRevoking(null);
    await queryClient.invalidateQueries(trpc.cases.matters.pathFilter());
  };
  const create = useMutation(trpc.cases.matters.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.cases.matters.update.mutationOptions({ onSuccess: done }));
  const revoke = useMutation(trpc.cases.matters.revoke.mutationOptions({ onSuccess: done }));
  const save = editing === 'new' ? create : update;
  const required = (field: TCasesKey) => [
    { required: true, message: ct('app.required', { field: ct(field) }) },
  ];

  return (
    <div data-testid="page-case-matters">
      <PageHead title={ct('matters.title')}>
        <Space>
          <Switch size="small" checked={showRevoked} onChange={setShowRevoked} />
          {ct('matters.showRevoked')}
          {canEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setEditing('new');
              }}
            >
              {ct('matters.new')}
            </Button>
          ) : null}
        </Space>
      </PageHead>
      <QueryView query={list} rows={6}>
        {(rows) => (
          <Card size="small">
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              data-testid="matters-table"
              expandable={{
                expandedRowRender: (m) => (
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    {[
                      `${ct('matter.legalBasis')}：${m.legalBasis || '—'}`,
                      `${ct('matter.materials')}：${m.materials.join('；') || '—'}`,
                      `${ct('matter.procedure')}：${m.procedure || '—'}`,
                      `${ct('matter.fees')}：${[m.fees, m.feeBasis].filter(Boolean).join('；') || '—'}`,
                      m.type === 'joint'
                        ? `${ct('matter.leadDepartment')}：${m.leadDepartment || '—'}；${ct('matter.relatedDepartments')}：${m.relatedDepartments.join('、') || '—'}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join('\n')}
                  </div>
                ),
              }}
              columns={[
                { key: 'name', title: ct('col.matter'), dataIndex: 'name' },
                { key: 'type', title: ct('col.type'), render: (_, m) => ct(`type.${m.type}` as TCasesKey) },
                { key: 'days', title: ct('matter.promisedDays'), dataIndex: 'promisedDays', align: 'right' },
                {
                  key: 'unit',
                  title: ct('matter.unit'),
                  render: (_, m) => org.data?.units.find((u) => u.id === m.unitId)?.name ?? `#${m.unitId}`,
                },
                { key: 'inquiry', title: ct('matter.inquiryPhone'), render: (_, m) => m.inquiryPhone || '—' },
                {
                  key: 'complaint',
                  title: ct('matter.complaintPhone'),
                  render: (_, m) => m.complaintPhone || '—',
                },
                {
                  key: 'actions',
                  title: ct('col.actions'),
                  render: (_, m) =>
                    !m.isActive ? (
                      <Tag>{`${ct('matters.revoked')}：${m.revokeReason ?? ''}`}</Tag>
                    ) : canEdit ? (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => {
                            form.setFieldsValue(m);
                            setEditing(m.id);
                          }}
                        >
                          {ct('matters.edit')}
                        </Button>
                        <Button size="small" danger onClick={() => setRevoking(m.id)}>
                          {ct('matters.revoke')}
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
        title={editing === 'new' ? ct('matters.new') : ct('matters.edit')}
        cancelText={ct('app.cancel')}
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
            <Form.Item name="name" label={ct('col.matter')} rules={required('col.matter')}>
              <Input style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="unitId" label={ct('matter.unit')} rules={required('matter.unit')}>
              <Select
                style={{ width: 200 }}
                options={org.data?.units.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="type" label={ct('col.type')} rules={required('col.type')}>
              <Select
                style={{ width: 120 }}
                options={CASE_TYPES.map((t) => ({ value: t, label: ct(`type.${t}` as TCasesKey) }))}
              />
            </Form.Item>
            <Form.Item
              name="promisedDays"
              label={ct('matter.promisedDays')}
              rules={required('matter.promisedDays')}
            >
              <InputNumber min={0} max={365} />
            </Form.Item>
          </Space>
          <Form.Item name="legalBasis" label={ct('matter.legalBasis')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="materials" label={ct('matter.materials')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="procedure" label={ct('matter.procedure')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="fees" label={ct('matter.fees')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="feeBasis" label={ct('matter.feeBasis')}>
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name="inquiryPhone" label={ct('matter.inquiryPhone')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="complaintPhone" label={ct('matter.complaintPhone')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="leadDepartment" label={ct('matter.leadDepartment')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="relatedDepartments" label={ct('matter.relatedDepartments')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        </Form>
        {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} role="alert" /> : null}
      </Modal>
      <Modal
        open={revoking !== null}
        title={ct('matters.revoke')}
        cancelText={ct('app.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onOk={() => revokeForm.submit()}
        destroyOnHidden
      >
        <Form
          form={revokeForm}
          layout="vertical"
          onFinish={(v) => revoking !== null && revoke.mutate({ id: revoking, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={ct('matters.revokeReason')}
            rules={required('matters.revokeReason')}
          >
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        </Form>
        {revoke.isError ? (
          <Alert type="error" showIcon title={errorMessage(revoke.error)} role="alert" />
        ) : null}
      </Modal>
    </div>
  );
}
