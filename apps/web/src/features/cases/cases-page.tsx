import { PrinterOutlined } from '@ant-design/icons';
import {
  CASE_ALERT_LABELS,
  CASE_EVENT_LABELS,
  CASE_FLAG_LABELS,
  CASE_NOTICE_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  SANCTION_PROPOSAL_STATUS_LABELS,
  SERVICE_RATING_STAGE_LABELS,
  serviceRatingLabel,
  type TCaseNoticeKind,
  type TCaseStage,
  type TCaseType,
} from '@chuangkou/rules/vocabulary';
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
import { LoadMore } from '../../components/load-more.tsx';
import { PageHead } from '../../components/page-head.tsx';
import { ItemChip } from '../../components/policy-ref.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/keyset.ts';
import { useOrg } from '../../lib/org.ts';
import { errorMessage, useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { CaseActions, nextSteps } from './case-actions.tsx';
import { CaseReviews } from './case-reviews.tsx';
import { downloadBase64, STAGE_COLORS } from './case-ui.ts';
import { DeadlineCell } from './deadline-cell.tsx';
import { ReceiptReprint } from './receipt-reprint.tsx';

type TFilter = {
  windowId?: number;
  stages?: TCaseStage[];
  type?: TCaseType;
  from?: string;
  to?: string;
  overdueOnly?: boolean;
  flaggedOnly?: boolean;
  acceptanceCode?: string;
};

/** the API's page size (`PAGE_MAX`) */
const PAGE = 200;

/** 办件登记簿: the registry with filters; a row opens the case with its steps, departments and proposals. */
export default function CasesPage() {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const org = useOrg();
  const [filter, setFilter] = useState<TFilter>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const client = useTRPCClient();
  // 200 cases a page, newest first; 加载更多 asks for the next page below the last id seen
  const list = useKeysetList({
    key: trpc.cases.list.queryKey(filter),
    page: (beforeId: number | undefined) => client.cases.list.query({ ...filter, limit: PAGE, beforeId }),
    cursorOf: (row) => row.id,
    pageSize: PAGE,
  });
  const set = (patch: Partial<TFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div data-testid="page-cases">
      <PageHead title={t('nav.cases')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={12}>
          <Select
            allowClear
            placeholder={t('filter.window')}
            style={{ width: 200 }}
            value={filter.windowId}
            onChange={(windowId) => set({ windowId })}
            options={org.data?.windows.map((w) => ({ value: w.id, label: w.name }))}
            data-testid="filter-window"
          />
          <Select
            allowClear
            mode="multiple"
            placeholder={t('case.status')}
            style={{ minWidth: 200 }}
            value={filter.stages}
            onChange={(stages: TCaseStage[]) => set({ stages: stages.length ? stages : undefined })}
            options={CASE_STAGES.map((s) => ({ value: s, label: term(CASE_STAGE_LABELS[s]) }))}
          />
          <Select
            allowClear
            placeholder={t('case.typeFilter')}
            style={{ width: 130 }}
            value={filter.type}
            onChange={(type) => set({ type })}
            options={CASE_TYPES.map((s) => ({ value: s, label: term(CASE_TYPE_LABELS[s]) }))}
          />
          <DatePicker.RangePicker
            placeholder={[t('case.receivedOn'), t('case.receivedOn')]}
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
            {t('case.overdueOnly')}
          </Space>
          <Space>
            <Switch
              size="small"
              checked={!!filter.flaggedOnly}
              onChange={(v) => set({ flaggedOnly: v || undefined })}
            />
            {t('case.flaggedOnly')}
          </Space>
          <Input.Search
            allowClear
            placeholder={t('case.code')}
            style={{ width: 220 }}
            onSearch={(code) => set({ acceptanceCode: code.trim() || undefined })}
          />
        </Space>
      </Card>
      <QueryView query={list} rows={8}>
        {(rows) => (
          <Card size="small" title={`${t('nav.cases')}（${rows.length}）`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
              data-testid="cases-table"
              columns={[
                { key: 'code', title: t('case.code'), render: (_, r) => r.acceptanceCode ?? `#${r.id}` },
                {
                  key: 'matter',
                  title: t('case.matter'),
                  dataIndex: 'matterName',
                  ellipsis: true,
                  width: 200,
                },
                { key: 'type', title: t('case.type'), render: (_, r) => term(CASE_TYPE_LABELS[r.type]) },
                { key: 'window', title: t('filter.window'), dataIndex: 'windowName' },
                { key: 'staff', title: t('case.acceptedBy'), render: (_, r) => r.staffName ?? '—' },
                {
                  key: 'received',
                  title: t('case.receivedOn'),
                  render: (_, r) => formatDate(r.receivedOn, locale),
                },
                {
                  key: 'deadline',
                  title: t('case.deadline'),
                  render: (_, r) => (
                    <DeadlineCell deadline={r.deadline} isProvisional={r.isDeadlineProvisional} />
                  ),
                },
                {
                  key: 'stage',
                  title: t('case.status'),
                  render: (_, r) => (
                    <Tag color={STAGE_COLORS[r.stage]}>{term(CASE_STAGE_LABELS[r.stage])}</Tag>
                  ),
                },
                {
                  key: 'overdue',
                  title: t('case.overdueDays'),
                  align: 'right',
                  render: (_, r) => (r.overdueDays > 0 ? <Tag color="red">{r.overdueDays}</Tag> : '0'),
                },
                {
                  key: 'flags',
                  title: t('as.flags'),
                  render: (_, r) => (
                    <Space size={4} wrap>
                      {r.isOneTimeNotificationFailed ? (
                        <Tag color="orange">{term(CASE_FLAG_LABELS.oneTimeNotificationFailed)}</Tag>
                      ) : null}
                      {r.isJointDepartmentLate ? (
                        <Tag color="volcano">{term(CASE_FLAG_LABELS.jointDepartmentLate)}</Tag>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
            <LoadMore list={list} testId="cases-more" />
          </Card>
        )}
      </QueryView>
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** One case: its data, the steps (append-only), joint departments, proposals, service rating; printable notices. */
export function CaseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, term, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const detail = useQuery({ ...trpc.cases.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
  const print = async (kind: TCaseNoticeKind) => {
    if (id === null) return;
    try {
      const file = await queryClient.fetchQuery(trpc.cases.noticeFile.queryOptions({ id, kind }));
      downloadBase64(file.fileName, file.base64);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={
        detail.data
          ? `${detail.data.matterName} · ${term(CASE_TYPE_LABELS[detail.data.case.type])}`
          : t('nav.cases')
      }
      destroyOnHidden
    >
      <QueryView query={detail} rows={10}>
        {({ case: c, matterName, events, joint, serviceRatings, proposals, reviews }) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail">
            {/* labels on one line at 1366×768: the drawer is 736 px wide */}
            <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('case.matter')} span={2}>
                <span data-testid="case-matter">{matterName}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('case.code')}>{c.acceptanceCode ?? `#${c.id}`}</Descriptions.Item>
              <Descriptions.Item label={t('case.type')}>{term(CASE_TYPE_LABELS[c.type])}</Descriptions.Item>
              <Descriptions.Item label={t('case.status')} span={2}>
                <Tag color={STAGE_COLORS[c.stage]}>{term(CASE_STAGE_LABELS[c.stage])}</Tag>
                {/* 规程 三、4: the time upstairs is shown and never counted on the window's clock */}
                {c.stage === 'forwarded' && c.forwardedOn ? (
                  <Tag color="purple" data-testid="case-awaiting-upper">
                    {`${term(CASE_ALERT_LABELS.awaitingUpper)} · ${formatDate(c.forwardedOn, locale)}`}
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item
                label={t('case.detail.applicant')}
              >{`${c.applicantName} ${c.applicantPhone}`}</Descriptions.Item>
              <Descriptions.Item label={t('case.receivedOn')}>
                {formatDate(c.receivedOn, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.acceptedOn')}>
                {formatDate(c.acceptedOn, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.deadline')}>
                <DeadlineCell deadline={c.deadline} isProvisional={c.isDeadlineProvisional} />
              </Descriptions.Item>
              <Descriptions.Item label={t('case.overdueDays')}>{c.overdueDays}</Descriptions.Item>
            </Descriptions>
            {nextSteps(c, joint).length > 0 ? (
              <Card size="small" title={t('case.detail.actions')}>
                <CaseActions c={c} joint={joint} />
              </Card>
            ) : null}
            <Space wrap>
              <Typography.Text strong>{t('case.detail.print')}：</Typography.Text>
              {c.acceptanceCode === null ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void print('acceptanceNotice')}
                >
                  {term(CASE_NOTICE_LABELS.acceptanceNotice)}
                </Button>
              ) : null}
              {c.acceptanceCode !== null ? (
                <ReceiptReprint caseId={c.id} onPrintWindowCopy={() => void print('acceptanceNotice')} />
              ) : null}
              {c.missingMaterials.length > 0 ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void print('supplementNotice')}
                >
                  {term(CASE_NOTICE_LABELS.supplementNotice)}
                </Button>
              ) : null}
              {c.stage === 'returned' ? (
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void print('returnNotice')}>
                  {term(CASE_NOTICE_LABELS.returnNotice)}
                </Button>
              ) : null}
              {c.decidedOn ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void print('completionNotice')}
                >
                  {term(CASE_NOTICE_LABELS.completionNotice)}
                </Button>
              ) : null}
              {c.explanationFiledOn ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void print('escalationExplanation')}
                >
                  {term(CASE_NOTICE_LABELS.escalationExplanation)}
                </Button>
              ) : null}
              {reviews.some((r) => r.outcome !== null) ? (
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void print('reviewDecision')}>
                  {term(CASE_NOTICE_LABELS.reviewDecision)}
                </Button>
              ) : null}
            </Space>
            {c.decision === 'refused' ? <CaseReviews caseId={c.id} reviews={reviews} /> : null}
            <Card size="small" title={t('case.detail.events')}>
              <Timeline
                items={events.map((e) => ({
                  key: e.id,
                  content: `${formatDate(e.day, locale)} ${term(CASE_EVENT_LABELS[e.kind])}${e.payload.imported ? ` (${t('case.event.imported')})` : ''}`,
                }))}
              />
            </Card>
            {joint.length > 0 ? (
              <Card size="small" title={t('case.detail.joint')}>
                <Table
                  size="small"
                  rowKey="department"
                  pagination={false}
                  dataSource={joint}
                  columns={[
                    { key: 'dept', title: t('case.detail.joint'), dataIndex: 'department' },
                    {
                      key: 'copied',
                      title: t('case.detail.copiedOn'),
                      render: (_, j) => formatDate(j.copiedOn, locale),
                    },
                    {
                      key: 'due',
                      title: t('case.detail.dueOn'),
                      render: (_, j) => formatDate(j.dueOn, locale),
                    },
                    {
                      key: 'answered',
                      title: t('case.detail.answeredOn'),
                      render: (_, j) =>
                        j.answeredOn ? (
                          <Tag color={j.answeredOn > j.dueOn ? 'red' : 'green'}>
                            {formatDate(j.answeredOn, locale)}
                          </Tag>
                        ) : (
                          '—'
                        ),
                    },
                    { key: 'opinion', title: t('case.detail.opinion'), render: (_, j) => j.opinion ?? '—' },
                  ]}
                />
              </Card>
            ) : null}
            {proposals.length > 0 ? (
              <Card size="small" title={t('case.detail.proposals')}>
                {proposals.map((p) => (
                  <div key={p.id}>
                    <ItemChip code={p.item} count={p.qty} /> ·{' '}
                    {term(SANCTION_PROPOSAL_STATUS_LABELS[p.status])} · {p.reason}
                  </div>
                ))}
              </Card>
            ) : null}
            <Card size="small" title={t('case.detail.serviceRating')} data-testid="case-service-ratings">
              {serviceRatings.length === 0
                ? t('case.detail.noServiceRating')
                : serviceRatings.map((r) => (
                    <div key={r.stage}>
                      <Tag>{term(SERVICE_RATING_STAGE_LABELS[r.stage])}</Tag>
                      {term(serviceRatingLabel(r.level))}
                      {r.comment ? `：${r.comment}` : ''}
                      {r.channel ? (
                        <Typography.Text type="secondary">
                          {' '}
                          · {r.channel} · {r.ratedAt ?? r.day}
                        </Typography.Text>
                      ) : null}
                      {r.isAfterReset && r.resetCheckedAt === null ? (
                        <Tag color="orange" style={{ marginLeft: 8 }}>
                          {t('case.detail.ratingUnchecked')}
                        </Tag>
                      ) : null}
                    </div>
                  ))}
            </Card>
          </Space>
        )}
      </QueryView>
    </Drawer>
  );
}
