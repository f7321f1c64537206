import type { FormInstance } from 'antd';
import { Alert, Form, Input, Modal, Select, Table, Typography } from 'antd';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameOf, useStaffList } from '../../lib/org.ts';
import type { TRole } from '../../lib/permissions.ts';

export type TAccountForm = {
  username: string;
  displayName: string;
  role: TRole;
  staffId: number | null;
  signoffPosition: 'principal' | 'deputy' | null;
};

const ROLES: TRole[] = ['admin', 'leader', 'supervisor', 'head', 'staff'];

/** The fields of a new account (username, name, role, linked staff member, a leader's sign-off position). */
export function AccountFields({
  form,
  prefix,
  isNew,
}: {
  form: FormInstance<TAccountForm>;
  prefix: string;
  isNew: boolean;
}) {
  const { t } = useI18n();
  const staff = useStaffList();
  const role = Form.useWatch('role', form);
  return (
    <>
      {isNew ? (
        <Form.Item
          name="username"
          label={t('admin.username')}
          extra={t('acct.prefixHint', { prefix })}
          rules={[{ required: true }]}
        >
          <Input data-testid="account-username" />
        </Form.Item>
      ) : null}
      <Form.Item name="displayName" label={t('as.name')} rules={[{ required: true }]}>
        <Input maxLength={40} data-testid="account-name" />
      </Form.Item>
      <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
        <Select
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as TKey) }))}
          data-testid="account-role"
        />
      </Form.Item>
      <Form.Item name="staffId" label={t('acct.staff')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          data-testid="account-staff"
          options={[
            { value: null, label: t('acct.none') },
            ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      </Form.Item>
      {role === 'leader' ? (
        <Form.Item name="signoffPosition" label={t('acct.signoff')}>
          <Select
            allowClear
            options={[
              { value: 'principal', label: t('acct.signoff.principal') },
              { value: 'deputy', label: t('acct.signoff.deputy') },
            ]}
          />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The one-time password of a new or reset account, shown this once. */
export function OneTimePasswordModal({
  shown,
  onClose,
}: {
  shown: { username: string; oneTimePassword: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      title={shown?.username}
    >
      <Alert type="warning" showIcon title={t('acct.oneTime')} style={{ marginBottom: 12 }} />
      <Typography.Title
        level={3}
        copyable
        data-testid="one-time-password"
        style={{ fontFamily: 'monospace' }}
      >
        {shown?.oneTimePassword}
      </Typography.Title>
    </Modal>
  );
}

export type TSlip = {
  staffId: number;
  name: string;
  unitName: string;
  windowName: string | null;
  username: string;
  oneTimePassword: string;
};

/** The printable slips of a unit's new accounts: one per person, username and one-time password. */
export function SlipsModal({ slips, onClose }: { slips: TSlip[] | null; onClose: () => void }) {
  const { t } = useI18n();
  const staff = useStaffList();
  return (
    <Modal
      open={slips !== null}
      width={720}
      title={t('acct.slips')}
      onCancel={onClose}
      okText={t('acct.print')}
      onOk={() => window.print()}
    >
      {slips && slips.length === 0 ? <Alert type="info" title={t('acct.slipsNone')} /> : null}
      <Alert type="warning" showIcon title={t('acct.oneTime')} style={{ marginBottom: 12 }} />
      <Table
        className="print-slips"
        size="small"
        rowKey="staffId"
        data-testid="account-slips"
        pagination={false}
        dataSource={slips ?? []}
        columns={[
          { key: 'name', title: t('as.name'), render: (_, s) => s.name || nameOf(staff.data, s.staffId) },
          {
            key: 'unit',
            title: t('acct.unit'),
            render: (_, s) => [s.unitName, s.windowName].filter(Boolean).join(' · '),
          },
          { key: 'username', title: t('admin.username'), dataIndex: 'username' },
          {
            key: 'password',
            title: t('login.password'),
            render: (_, s) => <span style={{ fontFamily: 'monospace' }}>{s.oneTimePassword}</span>,
          },
        ]}
      />
    </Modal>
  );
}
