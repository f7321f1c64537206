import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryView } from '../../components/query-view.tsx';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameOf, useOrg, useStaffList } from '../../lib/org.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import {
  AccountFields,
  OneTimePasswordModal,
  SlipsModal,
  type TAccountForm,
  type TSlip,
} from './account-dialogs.tsx';

/**
 * The center's accounts: create (a one-time password shown once), edit role / linked staff member /
 * a leader's sign-off position, reset the password, disable and enable again, and open accounts for
 * every staff member of a unit at once with a printable slip each.
 */
export function AccountsCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const org = useOrg();
  const staff = useStaffList();
  const users = useQuery(trpc.users.list.queryOptions());
  const prefix = useQuery(trpc.users.usernamePrefix.queryOptions());
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [shown, setShown] = useState<{ username: string; oneTimePassword: string } | null>(null);
  const [slips, setSlips] = useState<TSlip[] | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [form] = Form.useForm<TAccountForm>();
  const refresh = () => queryClient.invalidateQueries(trpc.users.pathFilter());
  const onIssued = async (r: { user: { username: string }; oneTimePassword: string }) => {
    setEditing(null);
    setShown({ username: r.user.username, oneTimePassword: r.oneTimePassword });
    await refresh();
  };
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: onIssued }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: onIssued }));
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        await refresh();
      },
    }),
  );
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: refresh }));
  const forUnit = useMutation(
    trpc.users.createForUnit.mutationOptions({
      onSuccess: async (r) => {
        setSlips(r);
        await refresh();
      },
    }),
  );
  const save = (v: TAccountForm) => {
    const links = {
      staffId: v.staffId ?? null,
      signoffPosition: v.role === 'leader' ? (v.signoffPosition ?? null) : null,
    };
    if (editing === 'new')
      create.mutate({ username: v.username, displayName: v.displayName, role: v.role, ...links });
    else if (editing !== null)
      update.mutate({ id: editing, displayName: v.displayName, role: v.role, ...links });
  };
  const failed = create.error ?? update.error;
  const actionError = reset.error ?? setDisabled.error ?? forUnit.error;

  return (
    <Card
      size="small"
      title={t('admin.users')}
      extra={
        <Space wrap>
          <Select
            size="small"
            style={{ width: 180 }}
            placeholder={t('acct.unit')}
            value={unitId}
            onChange={setUnitId}
            options={(org.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="accounts-unit"
          />
          <Button
            size="small"
            icon={<TeamOutlined />}
            disabled={unitId === null}
            loading={forUnit.isPending}
            onClick={() => unitId !== null && forUnit.mutate({ unitId })}
            data-testid="accounts-for-unit"
          >
            {t('acct.forUnit')}
          </Button>
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            data-testid="account-new"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({
                username: prefix.data ?? '',
                role: 'staff',
                staffId: null,
                signoffPosition: null,
              });
              setEditing('new');
            }}
          >
            {t('acct.new')}
          </Button>
        </Space>
      }
    >
      {actionError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(actionError)}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <QueryView query={users} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <Table
            size="small"
            rowKey="id"
            data-testid="accounts"
            dataSource={rows}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            columns={[
              { key: 'username', title: t('admin.username'), dataIndex: 'username' },
              { key: 'name', title: t('as.name'), dataIndex: 'displayName' },
              {
                key: 'role',
                title: t('admin.role'),
                render: (_, row) => (
                  <Space size={2}>
                    <Tag color="blue">{t(`role.${row.role}` as TKey)}</Tag>
                    {row.signoffPosition ? (
                      <Tag>{t(`acct.signoff.${row.signoffPosition}` as TKey)}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              { key: 'staff', title: t('acct.staff'), render: (_, row) => nameOf(staff.data, row.staffId) },
              {
                key: 'status',
                title: t('as.status'),
                render: (_, row) =>
                  row.isDisabled ? (
                    <Tag>{t('admin.disabled')}</Tag>
                  ) : row.mustChangePassword ? (
                    <Tag color="orange">{t('acct.mustChange')}</Tag>
                  ) : (
                    <Tag color="green">{t('as.active')}</Tag>
                  ),
              },
              {
                key: 'actions',
                title: t('app.actions'),
                render: (_, row) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        form.resetFields();
                        form.setFieldsValue({
                          displayName: row.displayName,
                          role: row.role,
                          staffId: row.staffId,
                          signoffPosition: row.signoffPosition,
                        });
                        setEditing(row.id);
                      }}
                    >
                      {t('acct.edit')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        modal.confirm({
                          title: t('acct.reset'),
                          content: t('acct.resetConfirm', { name: row.displayName }),
                          onOk: () => reset.mutateAsync({ id: row.id }),
                        })
                      }
                    >
                      {t('acct.reset')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger={!row.isDisabled}
                      onClick={() => setDisabled.mutate({ id: row.id, isDisabled: !row.isDisabled })}
                    >
                      {row.isDisabled ? t('acct.enable') : t('acct.disable')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('acct.new') : t('acct.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        okButtonProps={{ 'data-testid': 'account-save' } as Record<`data-${string}`, string>}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <AccountFields form={form} prefix={prefix.data ?? ''} isNew={editing === 'new'} />
        </Form>
        {failed ? <Alert type="error" showIcon role="alert" title={errorMessage(failed)} /> : null}
      </Modal>
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
      <SlipsModal slips={slips} onClose={() => setSlips(null)} />
    </Card>
  );
}
