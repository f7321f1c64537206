import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PATROL_SESSION_LABELS, PATROL_SESSIONS, type TPatrolSession } from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrg, useStaffList } from '../../lib/org.ts';
import { itemLabel, type TPolicyItem, usePolicyItems } from '../../lib/policy.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TSession = TPatrolSession;
export type TFinding = {
  key: number;
  session: TSession;
  clause: string;
  finding: string;
  staffId?: number;
  windowId?: number;
  qty: number;
};

/** The findings of one session as `patrols.create` takes them (a finding without a person names its window). */
export function findingsInput(findings: readonly TFinding[], session: TSession) {
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

let nextKey = 1;

/**
 * 巡查表 (the seed's 日常巡查值班记录表): date, duty leader and inspectors, a row per clause with the
 * morning and afternoon findings; each session is saved as its own patrol and every finding becomes a
 * record or a fine.
 */
export default function PatrolPage() {
  const { t, locale, label } = useI18n();
  const sessionName = (s: TSession) => label(PATROL_SESSION_LABELS, s);
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const items = usePolicyItems();
  const staff = useStaffList();
  const org = useOrg();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [dutyLeader, setDutyLeader] = useState('');
  const [inspectors, setInspectors] = useState('');
  const [sessions, setSessions] = useState<Record<TSession, boolean>>({ morning: true, afternoon: true });
  const [findings, setFindings] = useState<TFinding[]>([]);
  const [saved, setSaved] = useState<TSession[]>([]);
  const create = useMutation(trpc.patrols.create.mutationOptions());
  const [error, setError] = useState<unknown>(null);

  const clauses: TPolicyItem[] = (items.data ?? []).filter((item) => item.policy === 'B');
  const otherItems = (items.data ?? []).filter((item) => item.policy === 'A' && item.kind === 'deduction');
  const rows = [
    ...clauses.map((item) => ({ key: item.code, item, isOther: false })),
    { key: 'other', item: undefined, isOther: true },
  ];

  const update = (key: number, patch: Partial<TFinding>) =>
    setFindings((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const add = (session: TSession, clause: string) =>
    setFindings((list) => [...list, { key: nextKey++, session, clause, finding: '', qty: 1 }]);
  const remove = (key: number) => setFindings((list) => list.filter((f) => f.key !== key));

  const submit = async () => {
    setError(null);
    if (!dutyLeader.trim() || !inspectors.trim()) {
      setError(
        new Error(t('entry.required', { field: `${t('entry.dutyLeader')} / ${t('entry.inspectors')}` })),
      );
      return;
    }
    const missing = findings.find((f) => sessions[f.session] && !f.staffId && !f.windowId);
    if (missing) {
      setError(
        new Error(
          `${missing.clause}：${t('entry.required', { field: `${t('entry.staff')} / ${t('entry.window')}` })}`,
        ),
      );
      return;
    }
    try {
      for (const session of PATROL_SESSIONS.filter((s) => sessions[s] && !saved.includes(s))) {
        await create.mutateAsync({
          date: date.format('YYYY-MM-DD'),
          session,
          dutyLeader: dutyLeader.trim(),
          inspectors: inspectors.trim(),
          findings: findingsInput(findings, session),
        });
        setSaved((list) => [...list, session]);
      }
      message.success(t('entry.submitted'));
      await Promise.all([
        queryClient.invalidateQueries(trpc.records.pathFilter()),
        queryClient.invalidateQueries(trpc.assessment.pathFilter()),
        queryClient.invalidateQueries(trpc.fines.pathFilter()),
      ]);
    } catch (cause) {
      setError(cause);
    }
  };

  const cell = (session: TSession, clause: string | undefined, isOther: boolean) => {
    const list = findings.filter(
      (f) =>
        f.session === session &&
        (isOther ? otherItems.some((i) => i.code === f.clause) : f.clause === clause),
    );
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {list.length === 0 ? <Typography.Text type="secondary">{t('entry.none')}</Typography.Text> : null}
        {list.map((f) => (
          <Space key={f.key} size={4} wrap>
            {isOther ? (
              <Select
                size="small"
                style={{ width: 120 }}
                value={f.clause}
                onChange={(value: string) => update(f.key, { clause: value })}
                options={otherItems.map((i) => ({ value: i.code, label: i.code, title: i.text }))}
                aria-label={t('entry.item')}
              />
            ) : null}
            <Select
              size="small"
              style={{ width: 150 }}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('entry.staff')}
              value={f.staffId}
              onChange={(value: number) => update(f.key, { staffId: value })}
              options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              aria-label={t('entry.staff')}
            />
            <InputNumber
              size="small"
              min={1}
              max={100}
              value={f.qty}
              onChange={(value) => update(f.key, { qty: value ?? 1 })}
              style={{ width: 56 }}
              aria-label={t('entry.qty')}
            />
            <Input
              size="small"
              style={{ width: 160 }}
              placeholder={t('entry.finding')}
              value={f.finding}
              onChange={(event) => update(f.key, { finding: event.target.value })}
              aria-label={t('entry.finding')}
            />
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              onClick={() => remove(f.key)}
              aria-label="remove"
            />
          </Space>
        ))}
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          disabled={!sessions[session] || saved.includes(session)}
          onClick={() => add(session, isOther ? (otherItems[0]?.code ?? 'A1') : (clause ?? ''))}
        >
          {t('entry.addFinding')}
        </Button>
      </Space>
    );
  };

  return (
    <div data-testid="page-entryPatrol">
      <PageHead title={t('nav.entry.patrol')}>
        <BulletinLinks
          kinds={['patrol']}
          params={saved.length > 0 ? { date: date.format('YYYY-MM-DD') } : {}}
        />
      </PageHead>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
          <Form.Item label={t('entry.date')} required>
            <DatePicker
              data-testid="field-patrol-date"
              value={date}
              allowClear={false}
              onChange={(value) => {
                if (!value) return;
                setDate(value);
                setSaved([]);
              }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item label={t('entry.dutyLeader')} required>
            <Input
              value={dutyLeader}
              onChange={(event) => setDutyLeader(event.target.value)}
              style={{ width: 140 }}
              data-testid="field-duty-leader"
            />
          </Form.Item>
          <Form.Item label={t('entry.inspectors')} required>
            <Input
              value={inspectors}
              onChange={(event) => setInspectors(event.target.value)}
              style={{ width: 220 }}
              data-testid="field-inspectors"
            />
          </Form.Item>
          <Form.Item label={t('entry.half')}>
            <Space>
              {PATROL_SESSIONS.map((s) => (
                <Checkbox
                  key={s}
                  checked={sessions[s]}
                  disabled={saved.includes(s)}
                  onChange={(event) => setSessions((v) => ({ ...v, [s]: event.target.checked }))}
                >
                  {sessionName(s)}
                </Checkbox>
              ))}
            </Space>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t('entry.patrolHint')}</Typography.Paragraph>
        <Table
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          loading={items.isPending || org.isPending}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'no',
              title: locale === 'en' ? 'No.' : '序号',
              width: 56,
              render: (_, __, index) => index + 1,
            },
            {
              key: 'clause',
              title: t('entry.clause'),
              width: 380,
              render: (_, row) =>
                row.item ? (
                  <Typography.Text style={{ fontSize: 12 }}>{itemLabel(row.item, locale)}</Typography.Text>
                ) : (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {locale === 'en' ? 'Other (points policy)' : '其他（考核细则条款）'}
                  </Typography.Text>
                ),
            },
            {
              key: 'morning',
              title: sessionName('morning'),
              render: (_, row) => cell('morning', row.item?.code, row.isOther),
            },
            {
              key: 'afternoon',
              title: sessionName('afternoon'),
              render: (_, row) => cell('afternoon', row.item?.code, row.isOther),
            },
          ]}
        />
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 12 }} role="alert" />
        ) : null}
        {saved.length > 0 ? (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={`${t('entry.submitted')}：${saved.map(sessionName).join('、')}`}
          />
        ) : null}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="submit-patrol">
            {t('app.submit')}
          </Button>
          {saved.length > 0 ? (
            <Button
              onClick={() => {
                setFindings([]);
                setSaved([]);
                setError(null);
                setSessions({ morning: true, afternoon: true });
              }}
            >
              {locale === 'en' ? 'New patrol form' : '新建巡查表'}
            </Button>
          ) : null}
        </Space>
      </Card>
    </div>
  );
}
