import { PageHead } from '../../components/page-head.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RecordForm } from './record-form.tsx';

/** 加分: thanks letters, media praise, adopted suggestions and articles, overtime. */
export default function BonusPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-entryBonus">
      <PageHead title={t('nav.entry.bonus')} />
      <RecordForm kinds={['bonus']} testId="bonus-form" />
    </div>
  );
}
