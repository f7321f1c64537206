import { Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { itemShortName, type TPolicyItem, usePolicyItems } from '../lib/policy.ts';

/** The policy a figure was computed under, by its name (《…》第 1 版); its code on hover. */
export function PolicyRef({ policy }: { policy: { code: string; version: number; name?: string | null } }) {
  const { locale } = useI18n();
  const version = locale === 'en' ? `v${policy.version}` : `第${policy.version}版`;
  return (
    <Tooltip title={`${policy.code} v${policy.version}`}>
      <Typography.Text type="secondary" data-testid="policy-ref">
        {policy.name ? `《${policy.name}》${version}` : `${policy.code} ${version}`}
      </Typography.Text>
    </Tooltip>
  );
}

/** A clause as a chip: its code and name, and a count (× n); the seed's whole text on hover. */
export function ItemChip({
  code,
  count,
  color,
}: {
  code: string;
  count?: number | undefined;
  color?: string;
}) {
  const { locale } = useI18n();
  const items = usePolicyItems();
  const item: TPolicyItem | undefined = items.data?.find((i) => i.code === code);
  const name = item ? itemShortName(item, locale) : code;
  return (
    <Tooltip title={item ? (locale === 'en' && item.textEn ? item.textEn : item.text) : undefined}>
      <Tag color={color} data-testid={`item-chip-${code}`}>
        {count === undefined ? name : `${name} × ${count}`}
      </Tag>
    </Tooltip>
  );
}
