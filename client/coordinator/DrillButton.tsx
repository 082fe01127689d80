import { useTranslation } from 'react-i18next';

/** A count that opens the ideas behind it; zero is just a number (nothing to open). */
export function DrillButton({ count, label, onDrill }: { count: number; label: string; onDrill: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return <span className="coord-count coord-count--zero">0</span>;
  return (
    <button type="button" className="coord-count" aria-label={t('coordinator.overview.showIdeas', { label, count })} onClick={onDrill}>
      {count}
    </button>
  );
}
