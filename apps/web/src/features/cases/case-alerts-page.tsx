import { CASE_ALERT_LABELS } from '@chuangkou/rules/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CaseDrawer } from './cases-page.tsx';
import { DeadlineCell } from './deadline-cell.tsx';
import { FollowUpsTable } from './satisfaction-page.tsx';

/**
 * 办件预警: open cases yellow before their deadline and red after it on the window's own clock, decided
 * cases not notified in time; 上报 cases waiting upstairs (等待上级, never 超期) with their explanation
 * filed or missing; 联办 departments past their own limit; poor ratings to follow up.
 */
export default function CaseAlertsPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const session = useSession();
  const [openId, setOpenId] = useState<number | null>(null);
  const alerts = useQuery(trpc.cases.alerts.queryOptions());
  const canSeeFollowUps = session.data?.role !== 'staff';
  const followUps = useQuery({
    ...trpc.cases.serviceRatings.followUps.queryOptions({ status: 'open' }),
    enabled: canSeeFollowUps,
  });

  return (
    <div data-testid="page-case-alerts">
      <PageHead title={t('nav.caseAlerts')} />
      <QueryView query={alerts} rows={8}>
        {(rows) => {
          const deadline = rows.filter(
            (r) =>
              r.alert.kind === 'overdue' || r.alert.kind === 'deadlineNear' || r.alert.kind === 'notifyDue',
          );
          const explanations = rows.filter(
            (r) => r.alert.kind === 'explanationDue' || r.alert.kind === 'awaitingUpper',
          );
          const missing = explanations.filter((r) => r.alert.kind === 'explanationDue').length;
          const joint = rows.filter((r) => r.alert.kind === 'jointLate');
          const detail = (r: (typeof rows)[number]) => {
            const a = r.alert;
            switch (a.kind) {
              case 'deadlineNear':
                return t('case.alert.daysLeft', { n: a.workingDaysLeft });
              case 'overdue':
                return t('case.alert.daysOver', { n: a.overdueWorkingDays });
              case 'explanationDue':
                return `${t('case.alert.waiting', { date: formatDate(a.forwardedOn, locale), n: a.daysWaiting })}；${t('case.alert.explanationMissing')}`;
              case 'awaitingUpper':
                return [
                  t('case.alert.waiting', { date: formatDate(a.forwardedOn, locale), n: a.daysWaiting }),
                  a.explanationFiledOn
                    ? t('case.alert.explanationFiled', { date: formatDate(a.explanationFiledOn, locale) })
                    : null,
                  t('case.alert.notCounted'),
                ]
                  .filter(Boolean)
                  .join('；');
              case 'notifyDue':
                return t('case.alert.notifyDue', {
                  date: formatDate(a.decidedOn, locale),
                  n: a.overdueWorkingDays,
                });
              case 'jointLate':
                return t('case.alert.deptDue', { dept: a.department, date: formatDate(a.due, locale) });
            }
          };
          const table = (data: typeof rows, testId: string) => (
            <Table
              size="small"
              rowKey={(r) =>
                `${r.caseId}-${r.alert.kind}-${'department' in r.alert ? r.alert.department : ''}`
              }
              dataSource={data}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => setOpenId(r.caseId), style: { cursor: 'pointer' } })}
              data-testid={testId}
              columns={[
                {
                  key: 'level',
                  title: t('case.alert'),
                  render: (_, r) => (
                    <Tag color={r.alert.level === 'red' ? 'red' : r.alert.level === 'info' ? 'blue' : 'gold'}>
                      {term(CASE_ALERT_LABELS[r.alert.kind])}
                    </Tag>
                  ),
                },
                { key: 'code', title: t('case.code'), render: (_, r) => r.acceptanceCode ?? `#${r.caseId}` },
                {
                  key: 'matter',
                  title: t('case.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 200,
                },
                { key: 'window', title: t('filter.window'), dataIndex: 'windowName' },
                { key: 'staff', title: t('case.acceptedBy'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'deadline',
                  title: t('case.deadline'),
                  render: (_, r) => (
                    <DeadlineCell deadline={r.deadline} isProvisional={r.isDeadlineProvisional} />
                  ),
                },
                { key: 'detail', title: t('entry.note'), render: (_, r) => detail(r) },
              ]}
            />
          );
          const count = (n: number, color: string) => (
            <Badge count={n} color={color} showZero overflowCount={9999} />
          );
          const red = deadline.filter((r) => r.alert.level === 'red').length;
          return (
            <Card size="small">
              <Tabs
                items={[
                  {
                    key: 'deadline',
                    label: (
                      <Space>
                        {t('case.alert.deadline')}
                        {count(red, 'red')}
                        {count(deadline.length - red, 'gold')}
                      </Space>
                    ),
                    children: table(deadline, 'alerts-deadline'),
                  },
                  {
                    key: 'explanations',
                    label: (
                      <Space>
                        {t('case.alert.explanations')}
                        {count(missing, 'red')}
                        {count(explanations.length - missing, 'blue')}
                      </Space>
                    ),
                    children: table(explanations, 'alerts-explanations'),
                  },
                  {
                    key: 'joint',
                    label: (
                      <Space>
                        {t('case.alert.joint')}
                        {count(joint.length, 'red')}
                      </Space>
                    ),
                    children: table(joint, 'alerts-joint'),
                  },
                  ...(canSeeFollowUps
                    ? [
                        {
                          key: 'followUps',
                          label: (
                            <Space>
                              {t('case.alert.followUps')}
                              {count(followUps.data?.length ?? 0, 'orange')}
                            </Space>
                          ),
                          children: <FollowUpsTable query={followUps} />,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          );
        }}
      </QueryView>
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
