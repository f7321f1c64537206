import { DeleteOutlined } from '@ant-design/icons';
import { STAFF_POST_LABELS, type TPatrolSession, type TStaffPost } from '@chuangkou/rules/vocabulary';
import { Button, Input, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TPolicyItem } from '../../lib/policy.ts';
import { patrolStaffOptions, type TPickablePerson } from './patrol-staff-options.ts';
import { RevokeButton } from './revoke-button.tsx';

/** A finding not yet submitted, in the session (上午 / 下午) and under the clause it was added to. */
export type TFinding = {
  key: number;
  session: TPatrolSession;
  clause: string;
  finding: string;
  staffId?: number;
  windowId?: number;
  qty: number;
};

/** A finding on the saved sheet (`patrols.sheet`), with the state of the record it became. */
export type TSavedFinding = {
  id: number;
  session: TPatrolSession;
  clause: string;
  finding: string;
  staffName: string | null;
  windowName: string | null;
  recordId: number | null;
  qty: number | null;
  status: 'active' | 'revoked';
  revokeReason: string | null;
};

/** The findings of one session as `patrols.create` takes them (a finding without a person names its window). */
export function findingsInput(findings: readonly TFinding[], session: TPatrolSession) {
  return findings
    .filter((finding) => finding.session === session)
    .map((finding) => ({
      clause: finding.clause,
      finding: finding.finding.trim() || finding.clause,
      ...(finding.staffId
        ? { staffId: finding.staffId }
        : finding.windowId
          ? { windowId: finding.windowId }
          : {}),
      qty: finding.qty,
    }));
}

/** A saved finding: who, how many times, what; a corrected one struck through with its reason. */
export function SavedFinding({ finding, item }: { finding: TSavedFinding; item?: TPolicyItem | undefined }) {
  const { t } = useI18n();
  const who = finding.staffName ?? finding.windowName ?? '—';
  const text = `${who}${finding.qty && finding.qty > 1 ? ` ×${finding.qty}` : ''}：${finding.finding}`;
  const isRevoked = finding.status === 'revoked';
  return (
    <div data-testid={`finding-${finding.id}`} style={{ lineHeight: 1.6 }}>
      {item ? (
        <Tooltip title={item.text}>
          <Tag style={{ marginInlineEnd: 4 }}>{item.code}</Tag>
        </Tooltip>
      ) : null}
      <Typography.Text delete={isRevoked} type={isRevoked ? 'secondary' : undefined}>
        {text}
      </Typography.Text>
      {isRevoked ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          <Tag color="default">{t('patrol.corrected')}</Tag>
          {finding.revokeReason}
        </Typography.Text>
      ) : finding.recordId !== null ? (
        <RevokeButton recordId={finding.recordId} label={text} patrolFindingId={finding.id} />
      ) : null}
    </div>
  );
}

/** A draft finding: the person, the count and what was seen; "other" rows also pick the clause. */
export function DraftFinding({
  finding,
  staff,
  onlyPost,
  otherItems,
  onChange,
  onRemove,
}: {
  finding: TFinding;
  staff: readonly TPickablePerson[];
  /** the post the finding's clause is meant for (F10: the guards) */
  onlyPost?: TStaffPost | undefined;
  otherItems?: readonly TPolicyItem[] | undefined;
  onChange: (patch: Partial<TFinding>) => void;
  onRemove: () => void;
}) {
  const { t, label } = useI18n();
  return (
    <div
      data-testid="draft-finding"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 4, width: '100%', padding: '2px 0' }}
    >
      {otherItems ? (
        <Select
          size="small"
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={finding.clause}
          onChange={(value: string) => onChange({ clause: value })}
          options={otherItems.map((i) => ({ value: i.code, label: `${i.code} ${i.text}`, title: i.text }))}
          aria-label={t('entry.item')}
        />
      ) : null}
      <Select
        size="small"
        style={{ flex: '1 1 120px', minWidth: 0 }}
        showSearch={{ optionFilterProp: 'search' }}
        placeholder={t('entry.staff')}
        value={finding.staffId}
        onChange={(value: number) => onChange({ staffId: value })}
        options={patrolStaffOptions(staff, onlyPost, (post) => label(STAFF_POST_LABELS, post))}
        aria-label={t('entry.staff')}
      />
      <InputNumber
        size="small"
        min={1}
        max={100}
        value={finding.qty}
        onChange={(value) => onChange({ qty: value ?? 1 })}
        style={{ width: 56 }}
        aria-label={t('entry.qty')}
      />
      <Input
        size="small"
        style={{ flex: '2 1 140px', minWidth: 0 }}
        placeholder={t('entry.finding')}
        value={finding.finding}
        onChange={(event) => onChange({ finding: event.target.value })}
        aria-label={t('entry.finding')}
      />
      <Button size="small" type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label="remove" />
    </div>
  );
}
