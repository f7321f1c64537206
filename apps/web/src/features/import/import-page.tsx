import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTRPC } from '../../lib/trpc.ts';

type TKind = 'roster' | 'matters' | 'cases' | 'ratings' | 'calendar';
const IMPORT_PATH = '/api/imports/';

/** Sends the file to the server, which starts the import job; the job's id, or the refusal's message. */
async function uploadFile(
  kind: TKind,
  file: File,
  isDryRun: boolean,
): Promise<{ id: string } | { error: string }> {
  const res = await fetch(`${IMPORT_PATH}${kind}${isDryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  const body = (await res.json().catch(() => ({ error: res.statusText }))) as { id?: string; error?: string };
  return body.id ? { id: body.id } : { error: body.error ?? res.statusText };
}

/**
 * 导入: the user picks a kind they may import (the administrator every kind; 审管科 cases and 好差评;
 * the leaders cases: as on the command line), downloads its template, uploads a CSV or XLSX file; a
 * dry run lists the bad rows (行, 列, 说明) or a summary, and 确认导入 commits the same file, with its
 * progress. The reading and checking are the server's (the same as `cli import`). A job the server no
 * longer knows (it restarted meanwhile) is shown as 导入中断, or as done when it had committed.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [picked, setKind] = useState<TKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const kinds = useQuery(trpc.imports.kinds.queryOptions());
  const allowed = (kinds.data ?? []).map((k) => k.kind);
  const kind: TKind | null = picked ?? allowed[0] ?? null;
  const job = useQuery({
    ...trpc.imports.job.queryOptions({ id: jobId ?? '00000000-0000-4000-8000-000000000000' }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
  });

  const start = async (f: File, isDryRun: boolean) => {
    if (kind === null) return;
    setSendError(null);
    setJobId(null);
    setIsSending(true);
    try {
      const r = await uploadFile(kind, f, isDryRun);
      if ('id' in r) setJobId(r.id);
      else setSendError(r.error);
    } finally {
      setIsSending(false);
    }
  };
  const j = jobId !== null ? job.data : undefined;
  const percent = j && j.bytes > 0 ? Math.round((j.bytesRead / j.bytes) * 100) : 0;

  return (
    <div data-testid="page-import">
      <PageHead title={t('nav.import')} />
      <Card size="small" title={t('imp.kind')} style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={kind}
            optionType="button"
            buttonStyle="solid"
            data-testid="import-kind"
            onChange={(e) => {
              setKind(e.target.value as TKind);
              setFile(null);
              setJobId(null);
              setSendError(null);
            }}
            options={allowed.map((k) => ({ value: k, label: t(`imp.kind.${k}`) }))}
          />
          <QueryView query={kinds}>
            {(list) => (
              <Space wrap size={[4, 4]}>
                <Typography.Text type="secondary">{t('imp.columns')}</Typography.Text>
                {list
                  .find((k) => k.kind === kind)
                  ?.columns.map((c) => (
                    <Tag key={c.header} color={c.isRequired ? 'blue' : undefined}>
                      {c.isRequired ? `*${c.header}` : c.header}
                    </Tag>
                  ))}
              </Space>
            )}
          </QueryView>
          <Space wrap>
            <Button
              href={`${IMPORT_PATH}${kind}/template`}
              disabled={kind === null}
              data-testid="import-template"
            >
              {t('imp.template')}
            </Button>
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                void start(f, true);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={isSending}
                data-testid="import-upload"
              >
                {t('imp.upload')}
              </Button>
            </Upload>
            {file ? <Typography.Text data-testid="import-file">{file.name}</Typography.Text> : null}
          </Space>
          <Typography.Text type="secondary">{t('imp.hint')}</Typography.Text>
        </Space>
      </Card>
      {sendError ? <Alert type="error" showIcon role="alert" title={sendError} /> : null}
      {j?.state === 'running' ? (
        <Card size="small" title={j.isDryRun ? t('imp.checking') : t('imp.importing')}>
          <Progress percent={percent} data-testid="import-progress" />
          <Typography.Text>{t('imp.rowsRead', { n: j.rows })}</Typography.Text>
        </Card>
      ) : null}
      {j?.state === 'interrupted' ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('imp.interrupted')}
          description={j.message}
          data-testid="import-interrupted"
        />
      ) : null}
      {j?.state === 'refused' ? (
        <Alert type="error" showIcon role="alert" title={j.message} data-testid="import-refused" />
      ) : null}
      {j?.state === 'badRows' ? (
        <Card
          size="small"
          title={<Typography.Text type="danger">{t('imp.badRows', { n: j.errorCount })}</Typography.Text>}
        >
          <Table
            size="small"
            data-testid="import-errors"
            rowKey={(e) => `${e.line}|${e.column}|${e.message}`}
            dataSource={j.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: 'line', title: t('imp.line'), dataIndex: 'line', width: 80, align: 'right' },
              { key: 'column', title: t('imp.column'), dataIndex: 'column', width: 180 },
              { key: 'message', title: t('imp.message'), dataIndex: 'message' },
            ]}
          />
        </Card>
      ) : null}
      {j?.state === 'done' && j.result ? (
        <Card size="small" title={j.isDryRun ? t('imp.dryRunOk') : t('imp.done')}>
          <Alert
            type={j.isDryRun ? 'info' : 'success'}
            showIcon
            title={j.result.summary}
            data-testid="import-summary"
            style={{ marginBottom: 12 }}
          />
          {j.isDryRun && file ? (
            <Button type="primary" onClick={() => void start(file, false)} data-testid="import-commit">
              {t('imp.commit')}
            </Button>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
