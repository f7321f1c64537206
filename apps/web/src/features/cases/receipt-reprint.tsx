import { KeyOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { downloadBase64 } from './case-ui.ts';

/**
 * 补打受理通知单 from the case drawer (规程 二、2 ⑦ 受理编码及查询密码). A reprint is the window's copy:
 * the query password masked, since no one keeps it. A lost password is reset with the applicant
 * present (a reason, a new receipt): the old one stops working, the new one is shown this once, and
 * only then the applicant's part is printed with it (sent by POST, never in a URL).
 */
export function ReceiptReprint({
  caseId,
  onPrintWindowCopy,
}: {
  caseId: number;
  onPrintWindowCopy: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isResetOpen, setResetOpen] = useState(false);
  const reset = useMutation(
    trpc.cases.resetQueryPassword.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.cases.get.pathFilter()),
    }),
  );
  const applicantCopy = useMutation(
    trpc.cases.acceptanceNoticeFile.mutationOptions({
      onSuccess: (file) => downloadBase64(file.fileName, file.base64),
    }),
  );
  const password = reset.data?.queryPassword ?? null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="receipt-reprint">
      <Space wrap>
        <Button
          size="small"
          icon={<PrinterOutlined />}
          onClick={onPrintWindowCopy}
          data-testid="reprint-window"
        >
          {t('case.reprint.windowCopy')}
        </Button>
        {password === null ? (
          <Button
            size="small"
            icon={<KeyOutlined />}
            onClick={() => setResetOpen((v) => !v)}
            data-testid="reset-password-open"
          >
            {t('case.reprint.reset')}
          </Button>
        ) : null}
      </Space>
      {isResetOpen && password === null ? (
        <Form<{ reason: string }>
          layout="inline"
          onFinish={(v) => reset.mutate({ id: caseId, reason: v.reason.trim() })}
        >
          <Typography.Paragraph type="secondary" style={{ width: '100%', marginBottom: 8 }}>
            {t('case.reprint.resetHint')}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('case.reprint.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('entry.required', { field: t('case.reprint.reason') }),
              },
            ]}
          >
            <Input style={{ width: 240 }} maxLength={200} data-testid="reset-reason" />
          </Form.Item>
          <Button htmlType="submit" loading={reset.isPending} data-testid="reset-password-submit">
            {t('case.reprint.resetSubmit')}
          </Button>
        </Form>
      ) : null}
      {password !== null ? (
        <Alert
          type="success"
          showIcon
          title={
            <span data-testid="reset-password-value">{t('case.reprint.newPassword', { password })}</span>
          }
          action={
            <Button
              size="small"
              type="primary"
              icon={<PrinterOutlined />}
              loading={applicantCopy.isPending}
              onClick={() => applicantCopy.mutate({ id: caseId, queryPassword: password })}
              data-testid="reprint-applicant"
            >
              {t('case.reprint.applicantCopy')}
            </Button>
          }
        />
      ) : null}
      {[reset, applicantCopy].map((m, i) =>
        m.isError ? <Alert key={i} type="error" showIcon title={errorMessage(m.error)} role="alert" /> : null,
      )}
    </Space>
  );
}
