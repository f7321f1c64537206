import { PlusOutlined } from '@ant-design/icons';
import { PATROL_SESSION_LABELS, PATROL_SESSIONS, type TPatrolSession } from '@chuangkou/rules/vocabulary';
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
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { BulletinLinks } from '../../components/bulletin-links.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOrg, useStaffList } from '../../lib/org.ts';
import { itemLabel, type TPolicyItem, usePolicyItems } from '../../lib/policy.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { DraftFinding, findingsInput, SavedFinding, type TFinding } from './patrol-sheet-cells.tsx';
import { PastSheets, SheetSignatures } from './patrol-sheet-head.tsx';

type TSession = TPatrolSession;

let nextKey = 1;

/**
 * 巡查表 (the seed's 日常巡查值班记录表), one sheet a day: date, duty leader and inspectors, a row per
 * clause with the morning's and the afternoon's findings. The day's sheet opens with what is saved;
 * findings added later (the afternoon's, a second visit) join it, a finding in error is corrected with
 * a reason (its record revoked, never deleted), and any past day's sheet opens the same way.
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
  const day = date.format('YYYY-MM-DD');
  const sheet = useQuery(trpc.patrols.sheet.queryOptions({ date: day }));
  const [dutyLeader, setDutyLeader] = useState('');
  const [inspectors, setInspectors] = useState('');
  const [noFindings, setNoFindings] = useState<Record<TSession, boolean>>({
    morning: false,
    afternoon: false,
  });
  const [findings, setFindings] = useState<TFinding[]>([]);
  const create = useMutation(trpc.patrols.create.mutationOptions());
  const [error, setError] = useState<unknown>(null);

  // the signers of the day's sheet fill the form when it opens (a new day starts empty)
  const signers = sheet.data?.sheet;
  useEffect(() => {
    setDutyLeader(signers?.dutyLeader ?? '');
    setInspectors(signers?.inspectors ?? '');
  }, [signers?.dutyLeader, signers?.inspectors]);

  const clauses: TPolicyItem[] = (items.data ?? []).filter((item) => item.policy === 'B');
  // the 其他 row: the 考核细则's deductions and the 规范化服务通知's uniform fine (U1)
  const otherItems = (items.data ?? []).filter(
    (item) =>
      (item.policy === 'A' && item.kind === 'deduction') || (item.policy === 'C' && item.kind === 'fine'),
  );
  const itemOf = (code: string) => (items.data ?? []).find((item) => item.code === code);
  const rows = [
    ...clauses.map((item) => ({ key: item.code, item, isOther: false })),
    { key: 'other', item: undefined, isOther: true },
  ];
  const recorded = sheet.data?.sessions ?? [];
  const saved = sheet.data?.findings ?? [];

  const update = (key: number, patch: Partial<TFinding>) =>
    setFindings((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const add = (session: TSession, clause: string) =>
    setFindings((list) => [...list, { key: nextKey++, session, clause, finding: '', qty: 1 }]);
  const remove = (key: number) => setFindings((list) => list.filter((f) => f.key !== key));
  const pick = (next: Dayjs) => {
    setDate(next);
    setFindings([]);
    setNoFindings({ morning: false, afternoon: false });
    setError(null);
  };

  const submit = async () => {
    setError(null);
    if (!dutyLeader.trim() || !inspectors.trim()) {
      setError(
        new Error(t('entry.required', { field: `${t('entry.dutyLeader')} / ${t('entry.inspectors')}` })),
      );
      return;
    }
    const missing = findings.find((f) => !f.staffId && !f.windowId);
    if (missing) {
      setError(
        new Error(
          `${missing.clause}：${t('entry.required', { field: `${t('entry.staff')} / ${t('entry.window')}` })}`,
        ),
      );
      return;
    }
    const sessions = PATROL_SESSIONS.filter(
      (s) => findings.some((f) => f.session === s) || (noFindings[s] && !recorded.includes(s)),
    );
    const signersChanged =
      signers && (signers.dutyLeader !== dutyLeader.trim() || signers.inspectors !== inspectors.trim());
    if (sessions.length === 0 && signersChanged && recorded[0]) sessions.push(recorded[0]);
    if (sessions.length === 0) {
      setError(new Error(t('patrol.nothingToSubmit')));
      return;
    }
    try {
      for (const session of sessions) {
        await create.mutateAsync({
          date: day,
          session,
          dutyLeader: dutyLeader.trim(),
          inspectors: inspectors.trim(),
          findings: findingsInput(findings, session),
        });
        setFindings((list) => list.filter((f) => f.session !== session));
      }
      setNoFindings({ morning: false, afternoon: false });
      message.success(t('patrol.added', { date: day }));
      await Promise.all([
        queryClient.invalidateQueries(trpc.patrols.pathFilter()),
        queryClient.invalidateQueries(trpc.records.pathFilter()),
        queryClient.invalidateQueries(trpc.assessment.pathFilter()),
        queryClient.invalidateQueries(trpc.fines.pathFilter()),
      ]);
    } catch (cause) {
      setError(cause);
    }
  };

  const isInRow = (code: string, clause: string | undefined, isOther: boolean) =>
    isOther ? !clauses.some((c) => c.code === code) : code === clause;

  const cell = (session: TSession, clause: string | undefined, isOther: boolean) => {
    const done = saved.filter((f) => f.session === session && isInRow(f.clause, clause, isOther));
    const drafts = findings.filter((f) => f.session === session && isInRow(f.clause, clause, isOther));
    return (
      <div data-testid={`cell-${session}-${clause ?? 'other'}`}>
        {done.length === 0 && drafts.length === 0 ? (
          <Typography.Text type="secondary">{t('entry.none')}</Typography.Text>
        ) : null}
        {done.map((f) => (
          <SavedFinding key={f.id} finding={f} item={isOther ? itemOf(f.clause) : undefined} />
        ))}
        {drafts.map((f) => (
          <DraftFinding
            key={f.key}
            finding={f}
            staff={staff.data ?? []}
            onlyPost={itemOf(f.clause)?.fine?.post}
            otherItems={isOther ? otherItems : undefined}
            onChange={(patch) => update(f.key, patch)}
            onRemove={() => remove(f.key)}
          />
        ))}
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 4 }}
          onClick={() => add(session, isOther ? (otherItems[0]?.code ?? 'A1') : (clause ?? ''))}
        >
          {t('entry.addFinding')}
        </Button>
      </div>
    );
  };

  const sessionTitle = (s: TSession) => (
    <Space size={4} wrap>
      <span>{sessionName(s)}</span>
      {recorded.includes(s) ? (
        <Tag color="blue">{t('patrol.recorded')}</Tag>
      ) : (
        <>
          <Tag>{t('patrol.notRecorded')}</Tag>
          <Checkbox
            checked={noFindings[s]}
            onChange={(event) => setNoFindings((v) => ({ ...v, [s]: event.target.checked }))}
            data-testid={`no-findings-${s}`}
          >
            <span style={{ fontWeight: 'normal' }}>{t('patrol.noFindings')}</span>
          </Checkbox>
        </>
      )}
    </Space>
  );

  return (
    <div data-testid="page-entryPatrol">
      <PageHead title={t('patrol.sheetOf', { date: day })}>
        <BulletinLinks kinds={['patrol']} params={sheet.data ? { date: day } : {}} />
      </PageHead>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
          <Form.Item label={t('entry.date')} required>
            <DatePicker
              data-testid="field-patrol-date"
              value={date}
              allowClear={false}
              onChange={(value) => value && pick(value)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item label={t('patrol.pastDays')}>
            <PastSheets value={date} onPick={pick} />
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
        </Form>
        {sheet.isSuccess ? <SheetSignatures date={day} sheet={signers} /> : null}
        {sheet.isError ? (
          <Alert type="error" showIcon title={errorMessage(sheet.error)} role="alert" />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
          {t('entry.patrolHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          tableLayout="fixed"
          loading={items.isPending || org.isPending || sheet.isPending}
          dataSource={rows}
          data-testid="patrol-sheet"
          columns={[
            { key: 'no', title: t('patrol.no'), width: 52, render: (_, __, index) => index + 1 },
            {
              key: 'clause',
              title: t('entry.clause'),
              width: '32%',
              render: (_, row) => (
                <Typography.Text style={{ fontSize: 12 }}>
                  {row.item ? itemLabel(row.item, locale) : t('patrol.other')}
                </Typography.Text>
              ),
            },
            ...PATROL_SESSIONS.map((s) => ({
              key: s,
              title: sessionTitle(s),
              render: (_: unknown, row: (typeof rows)[number]) => cell(s, row.item?.code, row.isOther),
            })),
          ]}
        />
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 12 }} role="alert" />
        ) : null}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="submit-patrol">
            {t('app.submit')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
