import { useTranslation } from 'react-i18next';
import {
  CONTRIBUTOR_TYPES,
  IDEA_STATUSES,
  PHASES,
  PRINCIPLES,
  TRACKS,
  type ContributorType,
  type IdeaStatus,
  type Phase,
  type Principle,
  type Track,
} from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import type { QuestionFilter } from '../../state/slices/ui';
import { DateRangeFields } from './DateRangeFields';
import { FilterSelect } from './FilterSelect';

const encodeQuestion = (f: QuestionFilter): string => (typeof f === 'string' ? f : f.id === null ? 'none' : `q:${f.id}`);
const decodeQuestion = (v: string): QuestionFilter =>
  v === 'all' || v === 'focus' ? v : v === 'none' ? { id: null } : { id: v.slice(2) };

const QUESTION_PREVIEW = 70;

/** Every filter's field, in the order people narrow by: what, where in the process, who, when. */
export function FilterFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const filters = useBoardStore((s) => s.filters);
  const setFilter = useBoardStore((s) => s.setFilter);
  const questions = useBoardStore((s) => s.settings?.questions) ?? [];

  return (
    <>
      {questions.length > 0 ? (
        // Not a FilterSelect: its default is the focus question, and "All" is one choice among others.
        <div className="field toolbar__field toolbar__field--question">
          <label htmlFor={`${idPrefix}-question`}>{t('taxonomy.questionLabel')}</label>
          <select
            id={`${idPrefix}-question`}
            value={encodeQuestion(filters.question)}
            onChange={(e) => setFilter('question', decodeQuestion(e.target.value))}
          >
            <option value="focus">{t('board.questionFocus')}</option>
            <option value="all">{t('board.questionAll')}</option>
            {questions.map((q) => (
              <option key={q.id} value={`q:${q.id}`}>
                {q.text.length > QUESTION_PREVIEW ? `${q.text.slice(0, QUESTION_PREVIEW)}…` : q.text}
              </option>
            ))}
            <option value="none">{t('groups.noQuestion')}</option>
          </select>
        </div>
      ) : null}
      <FilterSelect
        id={`${idPrefix}-status`}
        label={t('filter.status')}
        value={filters.status ?? ''}
        options={IDEA_STATUSES.map((s) => ({ value: s, label: t(`filter.ideaStatus.${s}`) }))}
        onChange={(v) => setFilter('status', (v || null) as IdeaStatus | null)}
      />
      <FilterSelect
        id={`${idPrefix}-phase`}
        label={t('taxonomy.phaseLabel')}
        value={filters.phase === null ? '' : String(filters.phase)}
        options={PHASES.map((p) => ({ value: String(p), label: t(`taxonomy.phaseShort.${p}`) }))}
        onChange={(v) => setFilter('phase', v ? (Number(v) as Phase) : null)}
      />
      <FilterSelect
        id={`${idPrefix}-principle`}
        label={t('taxonomy.principleLabel')}
        value={filters.principle === null ? '' : String(filters.principle)}
        options={PRINCIPLES.map((p) => ({ value: String(p), label: t(`taxonomy.principle.${p}`) }))}
        onChange={(v) => setFilter('principle', v ? (Number(v) as Principle) : null)}
      />
      <FilterSelect
        id={`${idPrefix}-track`}
        label={t('taxonomy.trackLabel')}
        value={filters.track ?? ''}
        options={TRACKS.map((tr) => ({ value: tr, label: t(`taxonomy.track.${tr}`) }))}
        onChange={(v) => setFilter('track', (v || null) as Track | null)}
      />
      <FilterSelect
        id={`${idPrefix}-contributor`}
        label={t('filter.contributorType')}
        value={filters.contributorType ?? ''}
        options={CONTRIBUTOR_TYPES.map((c) => ({ value: c, label: t(`taxonomy.contributorType.${c}`) }))}
        onChange={(v) => setFilter('contributorType', (v || null) as ContributorType | null)}
      />
      <DateRangeFields idPrefix={idPrefix} />
    </>
  );
}
