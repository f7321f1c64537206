import { Space, Tag } from 'antd';
import type { TKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';

const GRADE_TAG: Record<string, string> = {
  excellent: 'green',
  competent: 'blue',
  basic: 'orange',
  incompetent: 'red',
};
const FLAG_TAG: Record<string, string> = {
  tie: 'gold',
  criticism: 'volcano',
  returnToUnit: 'red',
  noPeerData: 'default',
  circulatedCriticism: 'magenta',
  notifyUnit: 'purple',
};

/** 优秀 / 称职 / 基本称职 / 不称职 as a coloured tag. */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const { t } = useI18n();
  const key = (grade ? `grade.${grade}` : 'grade.none') as TKey;
  return <Tag color={GRADE_TAG[grade ?? ''] ?? 'default'}>{t(key)}</Tag>;
}

export function FlagTags({ flags, vetoed }: { flags: readonly string[]; vetoed?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      {vetoed ? <Tag color="red">{t('as.vetoed')}</Tag> : null}
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_TAG[flag] ?? 'default'}>
          {t(`flag.${flag}` as TKey)}
        </Tag>
      ))}
    </Space>
  );
}

export function gradeText(t: (key: TKey) => string, grade: string | null | undefined): string {
  return t((grade ? `grade.${grade}` : 'grade.none') as TKey);
}

export function flagsText(t: (key: TKey) => string, flags: readonly string[], vetoed?: boolean): string {
  return [...(vetoed ? [t('as.vetoed')] : []), ...flags.map((flag) => t(`flag.${flag}` as TKey))].join('、');
}
