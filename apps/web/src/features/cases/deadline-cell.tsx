import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';

/** A deadline, with 暂定 when it was counted through a year whose holidays are not entered yet. */
export function DeadlineCell({
  deadline,
  isProvisional,
}: {
  deadline: string | null;
  isProvisional: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      {formatDate(deadline, locale)}
      {isProvisional && deadline ? (
        <Tooltip title={t('cal.provisionalHint')}>
          <Tag color="orange" style={{ marginLeft: 6 }} data-testid="deadline-provisional">
            {t('cal.provisionalTag')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
}
