import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPINGS, PHASES, PRINCIPLES, TRACKS, type Grouping, type Phase, type Principle, type Track } from '../../shared';
import { useBoardStore } from '../state/board-store';
import type { QuestionFilter } from '../state/slices/ui';
import { isFiltered } from './grouping';

const encodeQuestion = (f: QuestionFilter): string => (typeof f === 'string' ? f : f.id === null ? 'none' : `q:${f.id}`);
const decodeQuestion = (v: string): QuestionFilter =>
  v === 'all' || v === 'focus' ? v : v === 'none' ? { id: null } : { id: v.slice(2) };

/** Grouping and filters: this device's view only, nobody else's board changes. */
export function BoardToolbar({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  const ids = useId();
  const grouping = useBoardStore((s) => s.grouping);
  const filters = useBoardStore((s) => s.filters);
  const setGrouping = useBoardStore((s) => s.setGrouping);
  const setFilter = useBoardStore((s) => s.setFilter);
  const clearFilters = useBoardStore((s) => s.clearFilters);
  const settings = useBoardStore((s) => s.settings);
  const questions = settings?.questions ?? [];
  // Following the focus question is the default: worth a word only when it hides something.
  const chosen = filters.phase !== null || filters.principle !== null || filters.track !== null || filters.question !== 'focus';
  const filtered = isFiltered(filters, settings) && (chosen || shown < total);
  const all = t('board.filterAll');

  return (
    <div className="toolbar">
      <div className="field toolbar__field">
        <label htmlFor={`${ids}-grouping`}>{t('board.groupBy')}</label>
        <select id={`${ids}-grouping`} value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`board.groupings.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="toolbar__filters">
        <legend>{t('board.filters')}</legend>
        {questions.length > 0 ? (
          <div className="field toolbar__field toolbar__field--question">
            <label htmlFor={`${ids}-question`}>{t('taxonomy.questionLabel')}</label>
            <select
              id={`${ids}-question`}
              value={encodeQuestion(filters.question)}
              onChange={(e) => setFilter('question', decodeQuestion(e.target.value))}
            >
              <option value="focus">{t('board.questionFocus')}</option>
              <option value="all">{t('board.questionAll')}</option>
              {questions.map((q) => (
                <option key={q.id} value={`q:${q.id}`}>
                  {q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}
                </option>
              ))}
              <option value="none">{t('groups.noQuestion')}</option>
            </select>
          </div>
        ) : null}
        <div className="field toolbar__field">
          <label htmlFor={`${ids}-phase`}>{t('taxonomy.phaseLabel')}</label>
          <select
            id={`${ids}-phase`}
            value={filters.phase ?? ''}
            onChange={(e) => setFilter('phase', e.target.value ? (Number(e.target.value) as Phase) : null)}
          >
            <option value="">{all}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`taxonomy.phaseShort.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field toolbar__field">
          <label htmlFor={`${ids}-principle`}>{t('taxonomy.principleLabel')}</label>
          <select
            id={`${ids}-principle`}
            value={filters.principle ?? ''}
            onChange={(e) => setFilter('principle', e.target.value ? (Number(e.target.value) as Principle) : null)}
          >
            <option value="">{all}</option>
            {PRINCIPLES.map((p) => (
              <option key={p} value={p}>
                {t(`taxonomy.principle.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field toolbar__field">
          <label htmlFor={`${ids}-track`}>{t('taxonomy.trackLabel')}</label>
          <select
            id={`${ids}-track`}
            value={filters.track ?? ''}
            onChange={(e) => setFilter('track', (e.target.value || null) as Track | null)}
          >
            <option value="">{all}</option>
            {TRACKS.map((tr) => (
              <option key={tr} value={tr}>
                {t(`taxonomy.track.${tr}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button type="button" className="button button--small toolbar__clear" onClick={clearFilters}>
            {t('board.clearFilters')}
          </button>
        ) : null}
      </fieldset>
      {filtered ? <p className="toolbar__shown">{t('board.shown', { shown, total })}</p> : null}
    </div>
  );
}
