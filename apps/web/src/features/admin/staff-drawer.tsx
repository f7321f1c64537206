import { STAFF_POST_LABELS, STAFF_POSTS } from '@chuangkou/rules/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePermissions } from '../../lib/permissions.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { AssignmentHistory } from '../assessment/assignment-history.tsx';

type TMoveForm = {
  windowId: number | null;
  from: Dayjs;
  post: (typeof STAFF_POSTS)[number];
  isWindowHead?: boolean;
  reason?: string;
};
type TDetailsForm = { name: string; staffNo?: string; abRole?: 'A' | 'B' | null };

/**
 * One person: their details (name, 工号, AB role), a move to another window from a date (人员调配: the
 * assignment before ends the day before; nothing earlier is rewritten), and the 任职经历.
 */
export function StaffDrawer({ staffId, onClose }: { staffId: number | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const windows = useQuery(trpc.org.windows.queryOptions());
  const staff = useQuery(trpc.org.staff.queryOptions({ includeInactive: true }));
  const person = staff.data?.find((s) => s.id === staffId);
  const [move] = Form.useForm<TMoveForm>();
  const [details] = Form.useForm<TDetailsForm>();
  const done = async () => {
    message.success(t('app.saved'));
    await queryClient.invalidateQueries(trpc.org.pathFilter());
  };
  const assign = useMutation(
    trpc.org.assignStaff.mutationOptions({
      onSuccess: async () => {
        // the move is made: the form starts empty again, so a second press cannot repeat it
        move.resetFields();
        await done();
      },
    }),
  );
  const update = useMutation(trpc.org.updateStaff.mutationOptions({ onSuccess: done }));
  useEffect(() => {
    if (!person) return;
    details.setFieldsValue({ name: person.name, staffNo: person.staffNo ?? '', abRole: person.abRole });
    move.setFieldsValue({
      windowId: null,
      from: dayjs(),
      post: person.post,
      isWindowHead: false,
      reason: '',
    });
    assign.reset();
    update.reset();
    // only when another person opens
  }, [person?.id]);

  return (
    <Drawer
      open={staffId !== null}
      onClose={onClose}
      width={680}
      title={person ? `${person.name}${person.staffNo ? `（${person.staffNo}）` : ''}` : ''}
      destroyOnHidden
    >
      {person ? (
        <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="staff-drawer">
          {can('org.updateStaff') ? (
            <Card size="small" title={t('org.details')}>
              <Form<TDetailsForm>
                form={details}
                layout="inline"
                onFinish={(v) =>
                  update.mutate({
                    id: person.id,
                    name: v.name,
                    staffNo: v.staffNo?.trim() ? v.staffNo.trim() : null,
                    abRole: v.abRole ?? null,
                  })
                }
              >
                <Form.Item name="name" label={t('as.name')} rules={[{ required: true }]}>
                  <Input maxLength={40} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name="staffNo" label={t('org.staffNo')}>
                  <Input maxLength={20} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name="abRole" label={t('org.abRole')}>
                  <Select
                    allowClear
                    style={{ width: 70 }}
                    options={[
                      { value: 'A', label: 'A' },
                      { value: 'B', label: 'B' },
                    ]}
                  />
                </Form.Item>
                <Button htmlType="submit" loading={update.isPending}>
                  {t('app.save')}
                </Button>
              </Form>
              {update.error ? (
                <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} />
              ) : null}
            </Card>
          ) : null}
          {can('org.assignStaff') && person.isActive ? (
            <Card size="small" title={t('org.move')} extra={t('org.moveHint')}>
              <Form<TMoveForm>
                form={move}
                layout="vertical"
                // a move is made by its button only: Enter in a field (confirming a typed date) does not send it
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
                }}
                onFinish={(v) =>
                  assign.mutate({
                    staffId: person.id,
                    windowId: v.windowId,
                    from: v.from.format('YYYY-MM-DD'),
                    post: v.post,
                    isWindowHead: v.isWindowHead ?? false,
                    reason: v.reason?.trim() ? v.reason.trim() : undefined,
                  })
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name="windowId"
                    label={t('org.toWindow')}
                    rules={[{ required: true, message: t('entry.required', { field: t('org.toWindow') }) }]}
                  >
                    <Select
                      style={{ width: 230 }}
                      showSearch
                      optionFilterProp="label"
                      data-testid="move-window"
                      options={(windows.data ?? [])
                        .filter((w) => w.isActive && w.id !== person.windowId)
                        .map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
                    />
                  </Form.Item>
                  <Form.Item name="from" label={t('org.moveFrom')} rules={[{ required: true }]}>
                    <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="move-from" />
                  </Form.Item>
                  <Form.Item name="post" label={t('as.post')}>
                    <Select
                      style={{ width: 100 }}
                      options={STAFF_POSTS.map((p) => ({ value: p, label: label(STAFF_POST_LABELS, p) }))}
                    />
                  </Form.Item>
                  <Form.Item name="isWindowHead" label=" " valuePropName="checked">
                    <Checkbox>{t('as.head')}</Checkbox>
                  </Form.Item>
                </Space>
                <Space align="start">
                  <Form.Item name="reason" label={t('org.moveReason')}>
                    <Input maxLength={200} style={{ width: 420 }} data-testid="move-reason" />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button
                      type="primary"
                      htmlType="submit"
                      loading={assign.isPending}
                      data-testid="move-save"
                    >
                      {t('org.moveSave')}
                    </Button>
                  </Form.Item>
                </Space>
              </Form>
              {assign.error ? (
                <Alert type="error" showIcon role="alert" title={errorMessage(assign.error)} />
              ) : null}
            </Card>
          ) : null}
          <AssignmentHistory staffId={person.id} />
        </Space>
      ) : null}
    </Drawer>
  );
}
