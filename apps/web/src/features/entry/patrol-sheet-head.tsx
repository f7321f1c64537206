import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';

type TSheet = { dutyLeader: string; inspectors: string; filedAt: string | null; filedByName: string | null };

/** Who signed the day's sheet (duty leader, inspectors) and whether the signed paper copy was filed. */
export function SheetSignatures({ date, sheet }: { date: string; sheet: TSheet | undefined }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const file = useMutation(
    trpc.patrols.file.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.patrols.pathFilter()),
    }),
  );
  if (!sheet) return <Alert type="info" showIcon title={t('patrol.noSheet')} data-testid="patrol-no-sheet" />;
  return (
    <div data-testid="patrol-signatures">
      <Space wrap size={[16, 4]}>
        <Typography.Text>
          {t('patrol.signed')}：{t('entry.dutyLeader')}{' '}
          <Typography.Text strong>{sheet.dutyLeader}</Typography.Text>
        </Typography.Text>
        <Typography.Text>
          {t('entry.inspectors')} <Typography.Text strong>{sheet.inspectors}</Typography.Text>
        </Typography.Text>
        {sheet.filedAt ? (
          <Tag color="green" icon={<CheckCircleOutlined />} data-testid="patrol-filed">
            {t('patrol.filed')}
            {sheet.filedByName
              ? `（${t('patrol.filedBy', { at: dayjs(sheet.filedAt).format('MM-DD HH:mm'), by: sheet.filedByName })}）`
              : `（${dayjs(sheet.filedAt).format('MM-DD')}）`}
          </Tag>
        ) : (
          <Space size={4}>
            <Tag color="orange" data-testid="patrol-not-filed">
              {t('patrol.notFiled')}
            </Tag>
            <Button
              size="small"
              loading={file.isPending}
              onClick={() => file.mutate({ date })}
              data-testid="patrol-file"
            >
              {t('patrol.markFiled')}
            </Button>
          </Space>
        )}
      </Space>
      {file.isError ? <Alert type="error" showIcon title={errorMessage(file.error)} role="alert" /> : null}
    </div>
  );
}

/** The past 60 days' sheets: pick one to open it. */
export function PastSheets({ value, onPick }: { value: Dayjs; onPick: (date: Dayjs) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const today = dayjs();
  const sheets = useQuery(
    trpc.patrols.sheets.queryOptions({
      from: today.subtract(60, 'day').format('YYYY-MM-DD'),
      to: today.format('YYYY-MM-DD'),
    }),
  );
  return (
    <Select
      style={{ width: 300 }}
      loading={sheets.isPending}
      placeholder={t('patrol.pastDays')}
      value={value.format('YYYY-MM-DD')}
      onChange={(date: string) => onPick(dayjs(date))}
      data-testid="patrol-past-days"
      aria-label={t('patrol.pastDays')}
      options={(sheets.data ?? []).map((s) => ({
        value: s.date,
        label: t('patrol.pastDay', {
          date: dayjs(s.date).format('MM-DD ddd'),
          n: s.activeFindings,
          filed: s.filedAt ? t('patrol.filedShort') : t('patrol.notFiledShort'),
        }),
      }))}
    />
  );
}
