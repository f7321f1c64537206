import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePermissions } from '../../lib/permissions.ts';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * The administrators' notice while a year's holiday schedule is missing (next year from November 1),
 * with how many deadlines are provisional (暂定). Shows nothing to anyone who may not enter a year.
 */
export function CalendarNotice() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { can } = usePermissions();
  const enabled = can('calendar.years');
  const years = useQuery({ ...trpc.calendar.years.queryOptions(), enabled });
  const r = years.data;
  if (!enabled || !r || (r.missingYear === null && r.provisionalCases === 0)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-notice"
      style={{ marginBottom: 12 }}
      title={r.missingYear !== null ? t('cal.missing', { year: r.missingYear }) : null}
      description={r.provisionalCases > 0 ? t('cal.provisional', { n: r.provisionalCases }) : null}
    />
  );
}
