import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CaseDrawer } from './cases-page.tsx';
import { type TCasesKey, useCasesText } from './cases-text.ts';
import { FollowUpsTable } from './satisfaction-page.tsx';

/**
 * 办件预警: open cases yellow before their deadline and red after it, 上报 cases waiting over 15 days
 * for a reply without an explanation, 联办 departments past their own limit, poor ratings to follow up.
 */
export default function CaseAlertsPage() {
  const { ct, locale } = useCasesText();
  const trpc = useTRPC();
  const session = useSession();
  const [openId, setOpenId] = useState<number | null>(null);
  const alerts = useQuery(trpc.cases.alerts.queryOptions());
  const canSeeFollowUps = session.data?.role !== 'staff';
  const followUps = useQuery({
    ...trpc.cases.followUps.queryOptions({ status: 'open' }),
    enabled: canSeeFollowUps,
  });

  return (
    <div data-testid="page-case-alerts">
      <PageHead title={ct('alerts.title')} />
      <QueryView query={alerts} rows={8}>
        {(rows) => {
          const deadline = rows.filter((r) => r.alert.kind === 'overdue' || r.alert.kind === 'deadlineNear');
          const explanations = rows.filter((r) => r.alert.kind === 'explanationDue');
          const joint = rows.filter((r) => r.alert.kind === 'jointLate');
          const detail = (r: (typeof rows)[number]) => {
            const a = r.alert;
            switch (a.kind) {
              case 'deadlineNear':
                return ct('alert.daysLeft', { n: a.workingDaysLeft });
              case 'overdue':
                return ct('alert.daysOver', { n: a.overdueWorkingDays });
              case 'explanationDue':
                return ct('alert.waiting', { date: formatDate(a.forwardedOn, locale), n: a.daysWaiting });
              case 'jointLate':
                return ct('alert.deptDue', { dept: a.department, date: formatDate(a.due, locale) });
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
                  title: ct('col.alert'),
                  render: (_, r) => (
                    <Tag color={r.alert.level === 'red' ? 'red' : 'gold'}>
                      {ct(`alert.${r.alert.kind}` as TCasesKey)}
                    </Tag>
                  ),
                },
                { key: 'code', title: ct('col.code'), render: (_, r) => r.acceptanceCode ?? `#${r.caseId}` },
                {
                  key: 'matter',
                  title: ct('col.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 200,
                },
                { key: 'window', title: ct('col.window'), dataIndex: 'windowName' },
                { key: 'staff', title: ct('col.staff'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'deadline',
                  title: ct('col.deadline'),
                  render: (_, r) => formatDate(r.deadline, locale),
                },
                { key: 'detail', title: ct('col.detail'), render: (_, r) => detail(r) },
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
                        {ct('alert.deadline')}
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
                        {ct('alert.explanations')}
                        {count(explanations.length, 'red')}
                      </Space>
                    ),
                    children: table(explanations, 'alerts-explanations'),
                  },
                  {
                    key: 'joint',
                    label: (
                      <Space>
                        {ct('alert.joint')}
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
                              {ct('alert.followUps')}
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
