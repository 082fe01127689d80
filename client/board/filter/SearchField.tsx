import { useEffect, useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';

/** Long enough to skip the letters of a word typed fast, short enough to feel instant. */
const DEBOUNCE_MS = 150;

/**
 * The board's search box. What is typed shows at once; the store (and so the filtering of
 * every idea) follows after a short pause. Escape or the clear button empty it at once.
 */
export function SearchField({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const ids = useId();
  const stored = useBoardStore((s) => s.filters.query);
  const setFilter = useBoardStore((s) => s.setFilter);
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);

  // The query was changed elsewhere ("Clear all"): show that instead of the draft.
  if (stored !== seen) {
    setSeen(stored);
    setDraft(stored);
  }

  useEffect(() => {
    if (draft === stored) return;
    const timer = setTimeout(() => setFilter('query', draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, stored, setFilter]);

  const clear = () => {
    setDraft('');
    setFilter('query', '');
  };

  return (
    <div className="field toolbar__field search-field" role="search">
      <label htmlFor={`${ids}-query`}>{t('filter.search')}</label>
      <div className="search-field__box">
        <input
          ref={inputRef}
          id={`${ids}-query`}
          type="search"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-hint`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // An empty box leaves Escape to whatever else listens (a menu, a dialog).
            if (e.key !== 'Escape' || draft === '') return;
            e.preventDefault();
            e.stopPropagation();
            clear();
          }}
        />
        {draft !== '' ? (
          <button
            type="button"
            className="search-field__clear"
            aria-label={t('filter.clearSearch')}
            title={t('filter.clearSearch')}
            onClick={() => {
              clear();
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <p id={`${ids}-hint`} className="hint search-field__hint">
        {t('filter.searchHint')}
      </p>
    </div>
  );
}
