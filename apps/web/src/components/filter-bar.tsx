import { Button, DatePicker, Segmented, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { type TFilters, useFilters } from '../lib/filters.ts';
import { useOrg } from '../lib/org.ts';
import { formatPeriodParam, isRunning, type TPeriod, toQuarter } from '../lib/period.ts';
import { updateSearch } from '../lib/router.tsx';
import { useSession } from '../lib/session.ts';

export type TPeriodKind = 'year' | 'quarter' | 'month';

type TFilterBarProps = {
  /** which filters this page reads */
  show?: readonly ('unit' | 'window' | 'period')[];
  /** which kinds of period the page understands */
  periodKinds?: readonly TPeriodKind[];
};

function kindOf(period: TPeriod): TPeriodKind {
  return period.quarter ? 'quarter' : period.month ? 'month' : 'year';
}

/**
 * The period a page shows in its picker: the URL's, converted to a kind the page understands (a
 * monthly page shows months, a yearly page years), keeping the same point in time.
 */
export function pagePeriod(period: TPeriod, kinds: readonly TPeriodKind[]): TPeriod {
  return kinds.includes(kindOf(period)) ? period : convertPeriod(period, kinds[0] ?? 'quarter');
}

function toDayjs(period: TPeriod): Dayjs {
  const month = period.month ?? (period.quarter ? (period.quarter - 1) * 3 + 1 : 1);
  return dayjs(new Date(period.year, month - 1, 1));
}

function fromDayjs(value: Dayjs, kind: TPeriodKind): TPeriod {
  const year = value.year();
  if (kind === 'quarter') return { year, quarter: toQuarter(value.month() + 1) };
  if (kind === 'month') return { year, month: value.month() + 1 };
  return { year };
}

/** Changing the period kind keeps the same point in time: Q3 → its last month (September), a month → its quarter. */
export function convertPeriod(period: TPeriod, kind: TPeriodKind): TPeriod {
  if (kind === 'year') return { year: period.year };
  if (kind === 'quarter') {
    const quarter = period.quarter ?? (period.month ? toQuarter(period.month) : 4);
    return { year: period.year, quarter };
  }
  const month = period.month ?? (period.quarter ? period.quarter * 3 : 12);
  return { year: period.year, month };
}

/** Unit, window and period pickers that write to the URL (so a view can be shared and reloaded). */
export function FilterBar({
  show = ['unit', 'window', 'period'],
  periodKinds = ['year', 'quarter', 'month'],
}: TFilterBarProps) {
  const { t } = useI18n();
  const filters = useFilters();
  const org = useOrg();
  // a window head sees only their window: the API scopes the data, so unit and window pickers would mislead
  const isHead = useSession().data?.role === 'head';
  if (isHead) show = show.filter((name) => name === 'period');
  const period = pagePeriod(filters.period, periodKinds);
  const kind = kindOf(period);
  const windows = (org.data?.windows ?? []).filter(
    (window) => !filters.unitId || window.unitId === filters.unitId,
  );

  const set = (patch: Partial<TFilters>) => {
    const next = { ...filters, ...patch };
    updateSearch({
      unit: next.unitId,
      window: next.windowId,
      period: formatPeriodParam(next.period),
    });
  };

  return (
    <Space wrap size={8} className="filter-bar" data-testid="filter-bar">
      {show.includes('unit') ? (
        <Select
          aria-label={t('filter.unit')}
          data-testid="filter-unit"
          style={{ width: 190 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.allUnits')}
          loading={org.isPending}
          value={filters.unitId}
          onChange={(unitId?: number) => set({ unitId, windowId: undefined })}
          options={(org.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      ) : null}
      {show.includes('window') ? (
        <Select
          aria-label={t('filter.window')}
          data-testid="filter-window"
          style={{ width: 200 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.allWindows')}
          loading={org.isPending}
          value={filters.windowId}
          onChange={(windowId?: number) => set({ windowId })}
          options={windows.map((window) => ({ value: window.id, label: window.name }))}
        />
      ) : null}
      {show.includes('period') ? (
        <>
          {periodKinds.length > 1 ? (
            <Segmented
              data-testid="filter-period-kind"
              value={kind}
              onChange={(value) => set({ period: convertPeriod(period, value as TPeriodKind) })}
              options={periodKinds.map((value) => ({ value, label: t(`filter.${value}`) }))}
            />
          ) : null}
          <DatePicker
            aria-label={t('filter.period')}
            data-testid="filter-period"
            picker={kind}
            allowClear={false}
            value={toDayjs(period)}
            onChange={(value) => value && set({ period: fromDayjs(value, kind) })}
            disabledDate={(value) => value.isAfter(dayjs().endOf('month'))}
            style={{ width: 150 }}
          />
          {isRunning(period) ? (
            <Tag color="processing" data-testid="period-running">
              {t('filter.running')}
            </Tag>
          ) : null}
        </>
      ) : null}
      <Button onClick={() => updateSearch({ unit: undefined, window: undefined, period: undefined })}>
        {t('filter.reset')}
      </Button>
    </Space>
  );
}
