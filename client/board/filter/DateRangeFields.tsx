import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';

/**
 * Created from / until, as Europe/Copenhagen calendar days (filters.ts), both ends
 * included. Each end bounds the other, so the range cannot be turned inside out.
 */
export function DateRangeFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const from = useBoardStore((s) => s.filters.createdFrom);
  const to = useBoardStore((s) => s.filters.createdTo);
  const setFilter = useBoardStore((s) => s.setFilter);
  return (
    <div className="filter-dates">
      <div className="field toolbar__field filter-date">
        <label htmlFor={`${idPrefix}-from`}>{t('filter.createdFrom')}</label>
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={from ?? ''}
          max={to ?? undefined}
          onChange={(e) => setFilter('createdFrom', e.target.value || null)}
          data-active={from === null ? undefined : 'on'}
        />
      </div>
      <div className="field toolbar__field filter-date">
        <label htmlFor={`${idPrefix}-to`}>{t('filter.createdTo')}</label>
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={to ?? ''}
          min={from ?? undefined}
          onChange={(e) => setFilter('createdTo', e.target.value || null)}
          data-active={to === null ? undefined : 'on'}
        />
      </div>
    </div>
  );
}
