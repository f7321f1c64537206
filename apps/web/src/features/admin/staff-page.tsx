import { PlusOutlined } from '@ant-design/icons';
import { STAFF_POST_LABELS, STAFF_POSTS } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePermissions } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { ActiveTag } from './org-page.tsx';
import { ReasonModal, type TToggle } from './reason-modal.tsx';
import { StaffDrawer } from './staff-drawer.tsx';

type TStaffForm = {
  name: string;
  staffNo?: string;
  unitId: number;
  windowId?: number | null;
  post: (typeof STAFF_POSTS)[number];
  abRole?: 'A' | 'B' | null;
  isWindowHead?: boolean;
  from: Dayjs;
};

/**
 * 人员: the center's people with their 工号, unit, window, post and headship. The administrator adds,
 * edits and disables (with a reason); leaders look and move people between windows from a date
 * (人员调配, the 任职经历 keeps every earlier assignment).
 */
export default function StaffPage() {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const canEdit = can('org.createStaff');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [toggling, setToggling] = useState<TToggle | null>(null);
  const [form] = Form.useForm<TStaffForm>();
  const formUnit = Form.useWatch('unitId', form);
  const units = useQuery(trpc.org.units.queryOptions());
  const windows = useQuery(trpc.org.windows.queryOptions());
  const staff = useQuery(
    trpc.org.staff.queryOptions({ unitId: unitId ?? undefined, includeInactive: showInactive }),
  );
  const done = async () => {
    message.success(t('app.saved'));
    setAdding(false);
    setToggling(null);
    await queryClient.invalidateQueries(trpc.org.pathFilter());
  };
  const create = useMutation(trpc.org.createStaff.mutationOptions({ onSuccess: done }));
  const toggle = useMutation(trpc.org.setStaffActive.mutationOptions({ onSuccess: done }));
  const unitName = (id: number | null) =>
    id === null ? '—' : (units.data?.find((u) => u.id === id)?.name ?? `#${id}`);
  const windowName = (id: number | null) =>
    id === null ? '—' : (windows.data?.find((w) => w.id === id)?.name ?? `#${id}`);
  const required = (field: Parameters<typeof t>[0]) => [
    { required: true, message: t('entry.required', { field: t(field) }) },
  ];

  return (
    <div data-testid="page-staff">
      <PageHead title={t('nav.staffAdmin')}>
        <Space wrap>
          <span data-testid="staff-unit-filter">
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('acct.unit')}
              showSearch
              optionFilterProp="label"
              value={unitId}
              onChange={(v) => setUnitId(v ?? null)}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </span>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} />
          {t('org.showDisabled')}
          {canEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="staff-new"
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ unitId: unitId ?? undefined, post: 'front', from: dayjs() });
                create.reset();
                setAdding(true);
              }}
            >
              {t('org.newStaff')}
            </Button>
          ) : null}
        </Space>
      </PageHead>
      <Card size="small">
        <QueryView query={staff} rows={8}>
          {(rows) => (
            <Table
              size="small"
              rowKey="id"
              data-testid="staff-table"
              dataSource={rows}
              pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'name', title: t('as.name'), dataIndex: 'name' },
                { key: 'no', title: t('org.staffNo'), render: (_, s) => s.staffNo ?? '—' },
                { key: 'unit', title: t('as.unit'), render: (_, s) => unitName(s.unitId) },
                { key: 'window', title: t('as.window'), render: (_, s) => windowName(s.windowId) },
                {
                  key: 'post',
                  title: t('as.post'),
                  render: (_, s) => (
                    <Space size={4}>
                      {label(STAFF_POST_LABELS, s.post)}
                      {s.isWindowHead ? <Tag color="blue">{t('as.head')}</Tag> : null}
                      {s.abRole ? <Tag>{`${s.abRole}${t('org.abRoleShort')}`}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  key: 'status',
                  title: t('as.status'),
                  render: (_, s) => <ActiveTag isActive={s.isActive} reason={s.inactiveReason} />,
                },
                {
                  key: 'actions',
                  title: t('app.actions'),
                  render: (_, s) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setOpen(s.id)}>
                        {t('org.history')}
                      </Button>
                      {canEdit ? (
                        <Button
                          type="link"
                          size="small"
                          danger={s.isActive}
                          onClick={() => {
                            toggle.reset();
                            setToggling({ id: s.id, name: s.name, isActive: s.isActive });
                          }}
                        >
                          {s.isActive ? t('org.disable') : t('org.enable')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      <Modal
        open={adding}
        title={t('org.newStaff')}
        cancelText={t('app.cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'staff-save' } as Record<`data-${string}`, string>}
        width={620}
        destroyOnHidden
      >
        <Form<TStaffForm>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate({
              name: v.name,
              staffNo: v.staffNo?.trim() ? v.staffNo.trim() : null,
              unitId: v.unitId,
              windowId: v.windowId ?? null,
              post: v.post,
              abRole: v.abRole ?? null,
              isWindowHead: v.isWindowHead ?? false,
              from: v.from.format('YYYY-MM-DD'),
            })
          }
        >
          <Space wrap align="start">
            <Form.Item name="name" label={t('as.name')} rules={required('as.name')}>
              <Input maxLength={40} style={{ width: 160 }} data-testid="staff-name" />
            </Form.Item>
            <Form.Item name="staffNo" label={t('org.staffNo')} extra={t('org.staffNoHint')}>
              <Input maxLength={20} style={{ width: 160 }} data-testid="staff-no" />
            </Form.Item>
            <Form.Item name="from" label={t('org.from')} rules={required('org.from')}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="staff-from" />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="unitId" label={t('as.unit')} rules={required('as.unit')}>
              <Select
                style={{ width: 220 }}
                data-testid="staff-unit"
                showSearch
                optionFilterProp="label"
                onChange={() => form.setFieldsValue({ windowId: null })}
                options={(units.data ?? [])
                  .filter((u) => u.isActive)
                  .map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="windowId" label={t('as.window')}>
              <Select
                style={{ width: 240 }}
                allowClear
                data-testid="staff-window"
                showSearch
                optionFilterProp="label"
                options={(windows.data ?? [])
                  .filter((w) => w.isActive && w.unitId === formUnit)
                  .map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="post" label={t('as.post')} rules={required('as.post')}>
              <Select
                style={{ width: 140 }}
                data-testid="staff-post"
                options={STAFF_POSTS.map((p) => ({ value: p, label: label(STAFF_POST_LABELS, p) }))}
              />
            </Form.Item>
            <Form.Item name="abRole" label={t('org.abRole')}>
              <Select
                style={{ width: 120 }}
                allowClear
                options={[
                  { value: 'A', label: 'A' },
                  { value: 'B', label: 'B' },
                ]}
              />
            </Form.Item>
            <Form.Item name="isWindowHead" label=" " valuePropName="checked">
              <Checkbox>{t('as.head')}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
        {create.error ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />
        ) : null}
      </Modal>
      <ReasonModal
        target={toggling}
        pending={toggle.isPending}
        error={toggle.error}
        onSubmit={(v) => toggle.mutate(v)}
        onClose={() => setToggling(null)}
      />
      <StaffDrawer staffId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
