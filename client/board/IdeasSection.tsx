import { useT } from '../i18n/useT';
import { MergeBar } from '../clusters/MergeBar';
import { useBoardStore } from '../state/board-store';
import { ideasLoading } from '../state/slices/connection';
import { RankedIdeas } from '../voting/RankedIdeas';
import { useRankedIdeas } from '../voting/useRankedIdeas';
import { useResultsMode } from '../voting/useResultsMode';
import { useBoardGrouping } from './board-grouping';
import { BoardToolbar } from './BoardToolbar';
import { hasChosenFilters } from './filters';
import { indexGrouping } from './grouping';
import { IdeaGroups } from './groups/IdeaGroups';
import { ModeratorHiddenGroup } from './groups/ModeratorHiddenGroup';
import { IDEAS_HEADING_ID } from './ideas-heading';
import { NoteHandlersContext } from './note/NoteHandlers';
import { countRender } from './render-probe';
import { useNoteMoves } from './useNoteMoves';
import { useShownGroups } from './useShownGroups';

export { IDEAS_HEADING_ID } from './ideas-heading';

/**
 * The ideas: toolbar, groups with their clusters, notes; moving by drag-and-drop and by
 * the keyboard menus; votes in the vote step; the results. With the totals revealed the
 * results are a ranking, one list in vote order (voting/RankedIdeas.tsx) in place of the
 * groups; with them hidden, the groups as ever, and no word of an order by votes.
 * The groups come from the store's incremental index, and each group and note is memoised
 * and selects its own data: a remote edit re-renders only what it touches (issue 17, item 5).
 */
export function IdeasSection() {
  if (import.meta.env.VITE_RENDER_PROBE === '1') countRender('section', 'ideas');
  const t = useT();
  const identity = useBoardStore((s) => s.identity);
  const settings = useBoardStore((s) => s.settings);
  const total = useBoardStore((s) => s.ideas.size);
  const loading = useBoardStore(ideasLoading);
  const grouping = useBoardGrouping();
  const filters = useBoardStore((s) => s.filters);
  const revealed = useBoardStore((s) => s.workshop.votesRevealed);
  const clearFilters = useBoardStore((s) => s.clearFilters);
  const setFilter = useBoardStore((s) => s.setFilter);
  const results = useResultsMode();
  // A ranking only while the totals are shown: hidden totals would rank every idea equal.
  const ranked = results && revealed;
  const facilitator = identity?.role === 'facilitator';
  const grouped = useShownGroups(indexGrouping(grouping), settings, filters);
  const { groups, otherQuestions, emptyClusters } = grouped;
  const ranking = useRankedIdeas(ranked, settings, filters);
  const shown = ranked ? ranking.length : grouped.shown;
  const moves = useNoteMoves(groups);
  // Nothing shown because of the person's own search or filters (not merely the focus question).
  const noMatches = shown === 0 && total > 0 && hasChosenFilters(filters);

  return (
    <section
      className={`ideas${results ? ' ideas--results' : ''}`}
      aria-labelledby={IDEAS_HEADING_ID}
      data-results={results ? 'on' : 'off'}
      data-ranked={ranked ? 'on' : 'off'}
    >
      <h2 id={IDEAS_HEADING_ID} className="ideas__heading" tabIndex={-1}>
        {results ? t('voting.resultsHeading') : t('board.ideasHeading')}
      </h2>
      {results ? <p className="hint ideas__results-hint">{ranked ? t('voting.resultsHelp') : t('voting.resultsHidden')}</p> : null}
      <BoardToolbar shown={shown} total={total} ranked={ranked} />
      {/* The ranking is one question's by design; "show all questions" would change nothing there. */}
      {otherQuestions > 0 && !ranked ? (
        <p className="ideas__other" data-other-questions={otherQuestions}>
          {t('room.otherQuestions', { count: otherQuestions })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setFilter('question', 'all');
              document.getElementById(IDEAS_HEADING_ID)?.focus();
            }}
          >
            {t('room.showAllQuestions')}
          </button>
        </p>
      ) : null}
      {facilitator ? <MergeBar /> : null}
      {/* Phones hide empty groups; with no idea at all, say so once. */}
      {noMatches ? (
        <div className="filter-none">
          <p>{t('filter.noMatches')}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              clearFilters();
              document.getElementById(IDEAS_HEADING_ID)?.focus();
            }}
          >
            {t('filter.clearAll')}
          </button>
        </div>
      ) : shown === 0 ? (
        // Wide screens show empty groups, each saying so; the ranking and the clusters view show none.
        <p className={`ideas__none${ranked || grouping === 'clusters' ? ' ideas__none--always' : ''}`}>{loading ? t('groups.loading') : t('groups.empty')}</p>
      ) : null}
      <NoteHandlersContext value={moves.notes}>
        {ranked ? (
          <>
            <RankedIdeas entries={ranking} />
            {facilitator ? <ModeratorHiddenGroup /> : null}
          </>
        ) : (
          <IdeaGroups groups={groups} grouping={grouping} settings={settings} emptyClusters={emptyClusters} drop={moves.drop} dragOver={moves.dragOver} />
        )}
      </NoteHandlersContext>
    </section>
  );
}
