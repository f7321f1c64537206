import { PageHead } from '../../components/page-head.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RecordForm } from './record-form.tsx';

/** 行为记录: a deduction (考核细则) or a fine (处罚办法) for one person or a window. */
export default function RecordPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-entryRecord">
      <PageHead title={t('nav.entry.record')} />
      <RecordForm kinds={['deduction', 'fine']} testId="record-form" />
    </div>
  );
}
