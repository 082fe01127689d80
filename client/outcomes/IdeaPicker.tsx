import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { byCreation, excerpt, pickerList } from './initiative-form';

/** How many unpicked matches the list shows at once; searching finds the rest. */
const SHOWN = 60;

interface Props {
  ideaIds: readonly string[];
  onChange: (ideaIds: string[]) => void;
  /** Picked ideas no longer on the board (dropped on saving). */
  gone: number;
}

/** A searchable checklist of the board's ideas: several ideas can feed one initiative. */
export function IdeaPicker({ ideaIds, onChange, gone }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const ideas = useBoardStore((s) => s.ideas);
  const statuses = useBoardStore((s) => s.statuses);
  const [query, setQuery] = useState('');
  // Picked ideas stay listed while the search is unchanged, so unticking one never moves the list.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set(ideaIds));
  const ordered = useMemo(() => [...ideas.values()].sort(byCreation), [ideas]);
  const { shown, matches } = useMemo(() => pickerList(ordered, query, pinned, SHOWN), [ordered, query, pinned]);
  const picked = new Set(ideaIds);
  const count = ideaIds.filter((id) => ideas.has(id)).length;

  const toggle = (ideaId: string, on: boolean) => {
    setPinned((before) => new Set(before).add(ideaId));
    onChange(on ? [...ideaIds, ideaId] : ideaIds.filter((id) => id !== ideaId));
  };

  return (
    <fieldset className="field idea-picker" aria-describedby={`${ids}-hint`}>
      <legend>{t('outcomes.picker.legend')}</legend>
      <p id={`${ids}-hint`} className="hint">
        {t('outcomes.picker.hint')}
      </p>
      <label htmlFor={`${ids}-search`} className="idea-picker__search-label">
        {t('outcomes.picker.search')}
      </label>
      <input
        id={`${ids}-search`}
        type="search"
        value={query}
        autoComplete="off"
        aria-controls={`${ids}-list`}
        onChange={(e) => {
          setQuery(e.target.value);
          setPinned(new Set(ideaIds));
        }}
      />
      <p className="idea-picker__count" role="status">
        {count > 0 ? t('outcomes.picker.chosen', { count }) : t('outcomes.picker.chosenNone')}
      </p>
      {gone > 0 ? <p className="hint">{t('outcomes.picker.gone', { count: gone })}</p> : null}
      {ordered.length === 0 ? (
        <p className="hint">{t('outcomes.picker.noIdeas')}</p>
      ) : (
        <ul id={`${ids}-list`} className="idea-picker__list" aria-label={t('outcomes.picker.listLabel')}>
          {shown.map((idea) => {
            const status = statuses.get(idea.id)?.current.status ?? 'new';
            return (
              <li key={idea.id}>
                <label className="idea-picker__item" data-pick={idea.id}>
                  <input type="checkbox" checked={picked.has(idea.id)} onChange={(e) => toggle(idea.id, e.target.checked)} />
                  <span>
                    <span className="idea-picker__text">{excerpt(idea.text)}</span>
                    <span className="idea-picker__meta">
                      {t('outcomes.picker.by', { name: idea.authorName ?? t('board.anonymous') })}
                      {status !== 'new' ? ` · ${t(`comments.status.names.${status}`)}` : ''}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {ordered.length > 0 && matches === 0 && shown.length === 0 ? <p className="hint">{t('outcomes.picker.noMatches')}</p> : null}
      {matches > SHOWN ? <p className="hint">{t('outcomes.picker.more', { shown: SHOWN, count: matches })}</p> : null}
    </fieldset>
  );
}
