import { FLAG_LABELS, GRADE_LABELS, NOT_GRADED_LABEL, VETO_LABEL } from '@chuangkou/rules/vocabulary';
import { Space, Tag } from 'antd';
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

type TI18n = ReturnType<typeof useI18n>;

/** 优秀 / 称职 / 基本称职 / 不称职 as a coloured tag. */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const i18n = useI18n();
  return <Tag color={GRADE_TAG[grade ?? ''] ?? 'default'}>{gradeText(i18n, grade)}</Tag>;
}

export function FlagTags({ flags, vetoed }: { flags: readonly string[]; vetoed?: boolean }) {
  const { label, term } = useI18n();
  return (
    <Space size={2} wrap>
      {vetoed ? <Tag color="red">{term(VETO_LABEL)}</Tag> : null}
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_TAG[flag] ?? 'default'}>
          {label(FLAG_LABELS, flag)}
        </Tag>
      ))}
    </Space>
  );
}

/** A grade's label; 不评定 without a grade. */
export function gradeText(
  { label, term }: Pick<TI18n, 'label' | 'term'>,
  grade: string | null | undefined,
): string {
  return grade ? label(GRADE_LABELS, grade) : term(NOT_GRADED_LABEL);
}
