import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePermissions } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { MattersCatalog } from '../cases/matters-page.tsx';
import { ReasonModal, type TToggle } from './reason-modal.tsx';

type TUnitForm = { name: string };
type TWindowForm = { unitId: number; code: string; name: string };

/** A status tag: in use, or disabled with its reason. */
export function ActiveTag({ isActive, reason }: { isActive: boolean; reason: string | null }) {
  const { t } = useI18n();
  return isActive ? (
    <Tag color="green">{t('org.inUse')}</Tag>
  ) : (
    <Tag>{`${t('admin.disabled')}${reason ? `：${reason}` : ''}`}</Tag>
  );
}

/**
 * 单位、窗口与事项: the center's units, windows and matter catalog. The administrator adds, edits,
 * disables (with a reason) and enables again; nothing is deleted. Leaders look.
 */
export default function OrgPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('units');
  return (
    <div data-testid="page-org">
      <PageHead title={t('nav.orgAdmin')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'units', label: t('org.units'), children: <UnitsCard /> },
          { key: 'windows', label: t('org.windows'), children: <WindowsCard /> },
          { key: 'matters', label: t('org.matters'), children: <MattersCatalog /> },
        ]}
      />
    </div>
  );
}

function useOrgData() {
  const trpc = useTRPC();
  const units = useQuery(trpc.org.units.queryOptions());
  const windows = useQuery(trpc.org.windows.queryOptions());
  const staff = useQuery(trpc.org.staff.queryOptions());
  return { units, windows, staff };
}

function UnitsCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const canEdit = can('org.updateUnit');
  const { units, windows, staff } = useOrgData();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [toggling, setToggling] = useState<TToggle | null>(null);
  const [form] = Form.useForm<TUnitForm>();
  const done = async () => {
    message.success(t('app.saved'));
    setEditing(null);
    setToggling(null);
    await queryClient.invalidateQueries(trpc.org.pathFilter());
  };
  const create = useMutation(trpc.org.createUnit.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.org.updateUnit.mutationOptions({ onSuccess: done }));
  const toggle = useMutation(trpc.org.setUnitActive.mutationOptions({ onSuccess: done }));
  const save = editing === 'new' ? create : update;
  return (
    <Card
      size="small"
      extra={
        canEdit ? (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            data-testid="unit-new"
            onClick={() => {
              form.resetFields();
              save.reset();
              setEditing('new');
            }}
          >
            {t('org.newUnit')}
          </Button>
        ) : null
      }
      title={t('org.units')}
    >
      <QueryView query={units}>
        {(rows) => (
          <Table
            size="small"
            rowKey="id"
            data-testid="units-table"
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { key: 'name', title: t('org.unitName'), dataIndex: 'name' },
              {
                key: 'windows',
                title: t('org.windowCount'),
                align: 'right',
                render: (_, u) => (windows.data ?? []).filter((w) => w.unitId === u.id && w.isActive).length,
              },
              {
                key: 'staff',
                title: t('org.staffCount'),
                align: 'right',
                render: (_, u) => (staff.data ?? []).filter((s) => s.unitId === u.id).length,
              },
              {
                key: 'status',
                title: t('as.status'),
                render: (_, u) => <ActiveTag isActive={u.isActive} reason={u.inactiveReason} />,
              },
              ...(canEdit
                ? [
                    {
                      key: 'actions',
                      title: t('app.actions'),
                      render: (_: unknown, u: (typeof rows)[number]) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            onClick={() => {
                              form.setFieldsValue({ name: u.name });
                              save.reset();
                              setEditing(u.id);
                            }}
                          >
                            {t('acct.edit')}
                          </Button>
                          <Button
                            type="link"
                            size="small"
                            danger={u.isActive}
                            onClick={() => {
                              toggle.reset();
                              setToggling({ id: u.id, name: u.name, isActive: u.isActive });
                            }}
                          >
                            {u.isActive ? t('org.disable') : t('org.enable')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('org.newUnit') : t('org.editUnit')}
        cancelText={t('app.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'unit-save' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form<TUnitForm>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            editing === 'new' ? create.mutate(v) : editing !== null && update.mutate({ id: editing, ...v })
          }
        >
          <Form.Item
            name="name"
            label={t('org.unitName')}
            rules={[{ required: true, message: t('entry.required', { field: t('org.unitName') }) }]}
          >
            <Input maxLength={100} data-testid="unit-name" />
          </Form.Item>
        </Form>
        {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} /> : null}
      </Modal>
      <ReasonModal
        target={toggling}
        pending={toggle.isPending}
        error={toggle.error}
        onSubmit={(v) => toggle.mutate(v)}
        onClose={() => setToggling(null)}
      />
    </Card>
  );
}

function WindowsCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const canEdit = can('org.updateWindow');
  const { units, windows, staff } = useOrgData();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [toggling, setToggling] = useState<TToggle | null>(null);
  const [unitFilter, setUnitFilter] = useState<number | null>(null);
  const [form] = Form.useForm<TWindowForm>();
  const done = async () => {
    message.success(t('app.saved'));
    setEditing(null);
    setToggling(null);
    await queryClient.invalidateQueries(trpc.org.pathFilter());
  };
  const create = useMutation(trpc.org.createWindow.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.org.updateWindow.mutationOptions({ onSuccess: done }));
  const toggle = useMutation(trpc.org.setWindowActive.mutationOptions({ onSuccess: done }));
  const save = editing === 'new' ? create : update;
  const unitName = (id: number) => units.data?.find((u) => u.id === id)?.name ?? `#${id}`;
  return (
    <Card
      size="small"
      title={t('org.windows')}
      extra={
        <Space>
          <span data-testid="windows-unit-filter">
            <Select
              size="small"
              allowClear
              style={{ width: 200 }}
              placeholder={t('acct.unit')}
              showSearch
              optionFilterProp="label"
              value={unitFilter}
              onChange={(v) => setUnitFilter(v ?? null)}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </span>
          {canEdit ? (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              data-testid="window-new"
              onClick={() => {
                form.resetFields();
                if (unitFilter !== null) form.setFieldsValue({ unitId: unitFilter });
                save.reset();
                setEditing('new');
              }}
            >
              {t('org.newWindow')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryView query={windows}>
        {(rows) => (
          <Table
            size="small"
            rowKey="id"
            data-testid="windows-table"
            dataSource={unitFilter === null ? rows : rows.filter((w) => w.unitId === unitFilter)}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { key: 'code', title: t('org.windowCode'), dataIndex: 'code', width: 110 },
              { key: 'name', title: t('org.windowName'), dataIndex: 'name' },
              { key: 'unit', title: t('as.unit'), render: (_, w) => unitName(w.unitId) },
              {
                key: 'staff',
                title: t('org.staffCount'),
                align: 'right',
                render: (_, w) => (staff.data ?? []).filter((s) => s.windowId === w.id).length,
              },
              {
                key: 'status',
                title: t('as.status'),
                render: (_, w) => <ActiveTag isActive={w.isActive} reason={w.inactiveReason} />,
              },
              ...(canEdit
                ? [
                    {
                      key: 'actions',
                      title: t('app.actions'),
                      render: (_: unknown, w: (typeof rows)[number]) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            onClick={() => {
                              form.setFieldsValue({ unitId: w.unitId, code: w.code, name: w.name });
                              save.reset();
                              setEditing(w.id);
                            }}
                          >
                            {t('acct.edit')}
                          </Button>
                          <Button
                            type="link"
                            size="small"
                            danger={w.isActive}
                            onClick={() => {
                              toggle.reset();
                              setToggling({ id: w.id, name: w.name, isActive: w.isActive });
                            }}
                          >
                            {w.isActive ? t('org.disable') : t('org.enable')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('org.newWindow') : t('org.editWindow')}
        cancelText={t('app.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'window-save' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form<TWindowForm>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            editing === 'new' ? create.mutate(v) : editing !== null && update.mutate({ id: editing, ...v })
          }
        >
          <Form.Item
            name="unitId"
            label={t('as.unit')}
            rules={[{ required: true, message: t('entry.required', { field: t('as.unit') }) }]}
          >
            <Select
              data-testid="window-unit"
              showSearch
              optionFilterProp="label"
              options={(units.data ?? [])
                .filter((u) => u.isActive)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('org.windowCode')}
            extra={t('org.windowCodeHint')}
            rules={[{ required: true, message: t('entry.required', { field: t('org.windowCode') }) }]}
          >
            <Input maxLength={20} data-testid="window-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('org.windowName')}
            rules={[{ required: true, message: t('entry.required', { field: t('org.windowName') }) }]}
          >
            <Input maxLength={100} data-testid="window-name" />
          </Form.Item>
        </Form>
        {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} /> : null}
      </Modal>
      <ReasonModal
        target={toggling}
        pending={toggle.isPending}
        error={toggle.error}
        onSubmit={(v) => toggle.mutate(v)}
        onClose={() => setToggling(null)}
      />
    </Card>
  );
}
