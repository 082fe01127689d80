import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { BOARD_GROUPINGS, type BoardGrouping } from '../state/slices/ui';
import { ideasLoading } from '../state/slices/connection';
import { useMediaQuery } from '../ui/useMediaQuery';
import { useBoardGrouping } from './board-grouping';
import { FilterFields } from './filter/FilterFields';
import { SearchField } from './filter/SearchField';
import { activeFilterCount, hasChosenFilters, isFiltered } from './filters';

/** Wait for the list to settle (typing, several filters in a row) before reading out the count. */
const ANNOUNCE_AFTER_MS = 600;

/** Where the grouping folds in with the filters: a phone, whose first screen is for the ideas. */
const NARROW = '(max-width: 40rem)';

/**
 * Search, grouping and filters: this device's view only, nobody else's board changes. The
 * filters fold into one "Filters (n)" disclosure on every screen; the search stays in view.
 * On a phone the grouping folds in with the filters too, so that in the vote and group
 * steps the first ideas are on the first screen, not below a stack of controls.
 * Memoised on its two counts: a remote move re-renders the ideas section, not the filters.
 * While the results are a ranking there is nothing to group: the grouping waits, hidden,
 * until the ranking ends; search and filters stay and narrow the ranking.
 */
export const BoardToolbar = memo(function BoardToolbar({ shown, total, ranked = false }: { shown: number; total: number; ranked?: boolean }) {
  const { t } = useTranslation();
  const ids = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const narrow = useMediaQuery(NARROW);
  const grouping = useBoardGrouping();
  const filters = useBoardStore((s) => s.filters);
  const setGrouping = useBoardStore((s) => s.setBoardGrouping);
  const clearFilters = useBoardStore((s) => s.clearFilters);
  const announce = useBoardStore((s) => s.announce);
  const settings = useBoardStore((s) => s.settings);
  // "0 ideas" would be wrong while the first sync's ideas are on their way.
  const loading = useBoardStore(ideasLoading);
  const active = activeFilterCount(filters, settings);
  // Following the focus question is the default: worth a word only when it hides something.
  const filtered = isFiltered(filters, settings) && (hasChosenFilters(filters) || shown < total);
  const count = loading ? t('groups.loading') : filtered ? t('filter.shown', { shown, count: total }) : t('filter.total', { count: total });

  // The count is read out when a search or filter changes it, not for every idea someone
  // adds (those have their own announcement), so it is announced here, not made live.
  const announced = useRef(filters);
  useEffect(() => {
    if (announced.current === filters) return;
    const timer = setTimeout(() => {
      announced.current = filters;
      announce(count);
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [filters, count, announce]);

  const clearAll = () => {
    clearFilters();
    // The button goes away with the filters: carry on in the search box.
    searchRef.current?.focus();
  };

  const groupingField = ranked ? null : (
    <div className="field toolbar__field toolbar__field--grouping">
      <label htmlFor={`${ids}-grouping`}>{t('board.groupBy')}</label>
      <select id={`${ids}-grouping`} value={grouping} onChange={(e) => setGrouping(e.target.value as BoardGrouping)}>
        {BOARD_GROUPINGS.map((g) => (
          <option key={g} value={g}>
            {t(`board.groupings.${g}`)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="toolbar">
      <div className="toolbar__row">
        <SearchField inputRef={searchRef} />
        {narrow ? null : groupingField}
      </div>
      <div className="toolbar__summary">
        <button
          type="button"
          className="button button--small filter-toggle"
          aria-expanded={open}
          aria-controls={`${ids}-filters`}
          onClick={() => setOpen((o) => !o)}
        >
          {active > 0 ? t('filter.toggle', { count: active }) : t('filter.toggleNone')}
          <span className="filter-toggle__icon" aria-hidden="true">
            ▾
          </span>
        </button>
        <p className="toolbar__shown" data-testid="ideas-shown">
          {count}
        </p>
        {filtered ? (
          <button type="button" className="button button--small toolbar__clear" onClick={clearAll}>
            {t('filter.clearAll')}
          </button>
        ) : null}
      </div>
      <fieldset id={`${ids}-filters`} className="toolbar__filters" hidden={!open}>
        <legend>{t('board.filters')}</legend>
        <div className="filter-grid">
          {narrow ? groupingField : null}
          <FilterFields idPrefix={ids} />
        </div>
      </fieldset>
    </div>
  );
});
