import { PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate } from '../../lib/format.ts';
import { useOrg } from '../../lib/org.ts';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { CaseActions, nextSteps } from './case-actions.tsx';
import {
  CASE_TYPES,
  downloadBase64,
  eventLabel,
  STAGE_COLORS,
  STAGES,
  type TCasesKey,
  useCasesText,
} from './cases-text.ts';

type TStage = (typeof STAGES)[number];
type TCaseType = (typeof CASE_TYPES)[number];
type TFilter = {
  windowId?: number;
  stages?: TStage[];
  type?: TCaseType;
  from?: string;
  to?: string;
  overdueOnly?: boolean;
  flaggedOnly?: boolean;
  acceptanceCode?: string;
};

/** 办件登记簿: the registry with filters; a row opens the case with its steps, departments and proposals. */
export default function CasesPage() {
  const { ct, locale } = useCasesText();
  const trpc = useTRPC();
  const org = useOrg();
  const [filter, setFilter] = useState<TFilter>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery(trpc.cases.list.queryOptions({ ...filter, limit: 500 }));
  const set = (patch: Partial<TFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div data-testid="page-cases">
      <PageHead title={ct('registry.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={12}>
          <Select
            allowClear
            placeholder={ct('f.window')}
            style={{ width: 200 }}
            value={filter.windowId}
            onChange={(windowId) => set({ windowId })}
            options={org.data?.windows.map((w) => ({ value: w.id, label: w.name }))}
            data-testid="filter-window"
          />
          <Select
            allowClear
            mode="multiple"
            placeholder={ct('f.stage')}
            style={{ minWidth: 200 }}
            value={filter.stages}
            onChange={(stages: TStage[]) => set({ stages: stages.length ? stages : undefined })}
            options={STAGES.map((s) => ({ value: s, label: ct(`stage.${s}` as TCasesKey) }))}
          />
          <Select
            allowClear
            placeholder={ct('f.type')}
            style={{ width: 130 }}
            value={filter.type}
            onChange={(type) => set({ type })}
            options={CASE_TYPES.map((s) => ({ value: s, label: ct(`type.${s}` as TCasesKey) }))}
          />
          <DatePicker.RangePicker
            placeholder={[ct('f.period'), ct('f.period')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
          <Space>
            <Switch
              size="small"
              checked={!!filter.overdueOnly}
              onChange={(v) => set({ overdueOnly: v || undefined })}
            />
            {ct('f.overdueOnly')}
          </Space>
          <Space>
            <Switch
              size="small"
              checked={!!filter.flaggedOnly}
              onChange={(v) => set({ flaggedOnly: v || undefined })}
            />
            {ct('f.flaggedOnly')}
          </Space>
          <Input.Search
            allowClear
            placeholder={ct('f.code')}
            style={{ width: 220 }}
            onSearch={(code) => set({ acceptanceCode: code.trim() || undefined })}
          />
        </Space>
      </Card>
      <QueryView query={list} rows={8}>
        {(rows) => (
          <Card size="small" title={`${ct('registry.title')}（${rows.length}）`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
              data-testid="cases-table"
              columns={[
                { key: 'code', title: ct('col.code'), render: (_, r) => r.acceptanceCode ?? `#${r.id}` },
                {
                  key: 'matter',
                  title: ct('col.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 200,
                },
                { key: 'type', title: ct('col.type'), render: (_, r) => ct(`type.${r.type}` as TCasesKey) },
                { key: 'window', title: ct('col.window'), dataIndex: 'windowName' },
                { key: 'staff', title: ct('col.staff'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'received',
                  title: ct('col.received'),
                  render: (_, r) => formatDate(r.receivedOn, locale),
                },
                {
                  key: 'deadline',
                  title: ct('col.deadline'),
                  render: (_, r) => formatDate(r.deadline, locale),
                },
                {
                  key: 'stage',
                  title: ct('col.stage'),
                  render: (_, r) => (
                    <Tag color={STAGE_COLORS[r.stage]}>{ct(`stage.${r.stage}` as TCasesKey)}</Tag>
                  ),
                },
                {
                  key: 'overdue',
                  title: ct('col.overdue'),
                  align: 'right',
                  render: (_, r) => (r.overdueDays > 0 ? <Tag color="red">{r.overdueDays}</Tag> : '0'),
                },
                {
                  key: 'flags',
                  title: ct('col.flags'),
                  render: (_, r) => (
                    <Space size={4} wrap>
                      {r.isOneTimeNotificationFailed ? <Tag color="orange">{ct('flag.oneTime')}</Tag> : null}
                      {r.isJointDepartmentLate ? <Tag color="volcano">{ct('flag.jointLate')}</Tag> : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryView>
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** One case: its data, the steps (append-only), joint departments, proposals, rating; printable notices. */
export function CaseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { ct, locale } = useCasesText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const detail = useQuery({ ...trpc.cases.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
  const print = async (kind: 'acceptanceNotice' | 'supplementNotice' | 'returnNotice') => {
    if (id === null) return;
    try {
      const file = await queryClient.fetchQuery(trpc.cases.noticeFile.queryOptions({ id, kind }));
      downloadBase64(file.fileName, file.base64);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={ct('registry.title')} destroyOnHidden>
      <QueryView query={detail} rows={10}>
        {({ case: c, events, joint, rating, proposals }) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={ct('col.code')}>{c.acceptanceCode ?? `#${c.id}`}</Descriptions.Item>
              <Descriptions.Item label={ct('col.stage')}>
                <Tag color={STAGE_COLORS[c.stage]}>{ct(`stage.${c.stage}` as TCasesKey)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={ct('col.type')}>
                {ct(`type.${c.type}` as TCasesKey)}
              </Descriptions.Item>
              <Descriptions.Item
                label={ct('detail.applicant')}
              >{`${c.applicantName} ${c.applicantPhone}`}</Descriptions.Item>
              <Descriptions.Item label={ct('col.received')}>
                {formatDate(c.receivedOn, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={ct('col.accepted')}>
                {formatDate(c.acceptedOn, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={ct('col.deadline')}>
                {formatDate(c.deadline, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={ct('col.overdue')}>{c.overdueDays}</Descriptions.Item>
            </Descriptions>
            {nextSteps(c, joint).length > 0 ? (
              <Card size="small" title={ct('detail.actions')}>
                <CaseActions c={c} joint={joint} />
              </Card>
            ) : null}
            <Space wrap>
              <Typography.Text strong>{ct('detail.print')}：</Typography.Text>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => void print('acceptanceNotice')}>
                {ct('detail.acceptanceNotice')}
              </Button>
              {c.missingMaterials.length > 0 ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void print('supplementNotice')}
                >
                  {ct('detail.supplementNotice')}
                </Button>
              ) : null}
              {c.stage === 'returned' ? (
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void print('returnNotice')}>
                  {ct('detail.returnNotice')}
                </Button>
              ) : null}
            </Space>
            <Card size="small" title={ct('detail.events')}>
              <Timeline
                items={events.map((e) => ({
                  key: e.id,
                  content: `${formatDate(e.day, locale)} ${eventLabel(locale, e.kind)}${e.payload.imported ? ` (${ct('event.imported')})` : ''}`,
                }))}
              />
            </Card>
            {joint.length > 0 ? (
              <Card size="small" title={ct('detail.joint')}>
                <Table
                  size="small"
                  rowKey="department"
                  pagination={false}
                  dataSource={joint}
                  columns={[
                    { key: 'dept', title: ct('detail.joint'), dataIndex: 'department' },
                    {
                      key: 'copied',
                      title: ct('detail.copiedOn'),
                      render: (_, j) => formatDate(j.copiedOn, locale),
                    },
                    { key: 'due', title: ct('detail.dueOn'), render: (_, j) => formatDate(j.dueOn, locale) },
                    {
                      key: 'answered',
                      title: ct('detail.answeredOn'),
                      render: (_, j) =>
                        j.answeredOn ? (
                          <Tag color={j.answeredOn > j.dueOn ? 'red' : 'green'}>
                            {formatDate(j.answeredOn, locale)}
                          </Tag>
                        ) : (
                          '—'
                        ),
                    },
                    { key: 'opinion', title: ct('detail.opinion'), render: (_, j) => j.opinion ?? '—' },
                  ]}
                />
              </Card>
            ) : null}
            {proposals.length > 0 ? (
              <Card size="small" title={ct('detail.proposals')}>
                {proposals.map((p) => (
                  <div key={p.id}>
                    <Tag>{p.item}</Tag> ×{p.qty} · {ct(`proposal.${p.status}` as TCasesKey)} · {p.reason}
                  </div>
                ))}
              </Card>
            ) : null}
            <Card size="small" title={ct('detail.rating')}>
              {rating
                ? `${ct(`level.${rating.level}` as TCasesKey)}${rating.comment ? `：${rating.comment}` : ''}`
                : ct('detail.noRating')}
            </Card>
          </Space>
        )}
      </QueryView>
    </Drawer>
  );
}
