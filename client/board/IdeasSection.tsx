import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster, Idea } from '../../shared';
import { homeGroupKey, layoutGroup } from '../clusters/clusters';
import { GroupBody } from '../clusters/GroupBody';
import { MergeBar } from '../clusters/MergeBar';
import { useBoardStore } from '../state/board-store';
import { useResultsMode } from '../voting/useResultsMode';
import { ideaPermissions } from '../workshop/permissions';
import { useWorkshopContext } from '../workshop/useWorkshopContext';
import { BoardToolbar } from './BoardToolbar';
import { useBoardSync } from './BoardSyncContext';
import { chosenFilterCount, filteredQuestion, hasChosenFilters, matchesFilters } from './filters';
import { noFilters } from '../state/slices/ui';
import { groupIdeas, type IdeaGroup } from './grouping';
import { IdeaGroups } from './groups/IdeaGroups';
import { IdeaNote } from './note/IdeaNote';
import { queryWords } from './search';
import { useNoteMoves } from './useNoteMoves';

/** The ideas' heading: the board's skip link and focus after a delete go to it. */
export const IDEAS_HEADING_ID = 'ideas';

/**
 * The ideas: toolbar, groups with their clusters, notes; moving by drag-and-drop and by
 * the keyboard menus; votes in the vote step; the results view once totals are revealed.
 */
export function IdeasSection() {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const ctx = useWorkshopContext();
  const { identity, settings } = ctx;
  const ideas = useBoardStore((s) => s.ideas);
  const grouping = useBoardStore((s) => s.grouping);
  const filters = useBoardStore((s) => s.filters);
  const present = useBoardStore((s) => s.present);
  const announce = useBoardStore((s) => s.announce);
  const clusters = useBoardStore((s) => s.clusters);
  const totals = useBoardStore((s) => s.voteTotals);
  const revealed = useBoardStore((s) => s.workshop.votesRevealed);
  const histories = useBoardStore((s) => s.histories);
  const selection = useBoardStore((s) => s.mergeSelection);
  const setSelection = useBoardStore((s) => s.setMergeSelection);
  const clearFilters = useBoardStore((s) => s.clearFilters);
  const setFilter = useBoardStore((s) => s.setFilter);
  // Read only while they matter, so a new comment or status does not regroup an unfiltered board.
  const searching = queryWords(filters.query).length > 0;
  const comments = useBoardStore((s) => (searching ? s.comments : null));
  const statuses = useBoardStore((s) => (filters.status !== null ? s.statuses : null));
  const results = useResultsMode();

  const groups = useMemo(
    () => groupIdeas(ideas.values(), grouping, settings, filters, { statuses, comments }),
    [ideas, grouping, settings, filters, statuses, comments],
  );
  const shown = groups.reduce((n, g) => n + g.ideas.length, 0);
  const moves = useNoteMoves(groups);
  // Ideas the question filter leaves out (an approved call idea may answer another question):
  // never out of sight without the board saying how many and why.
  const otherQuestions = useMemo(() => {
    if (filters.question !== 'focus' || filteredQuestion(filters.question, settings) === undefined) return 0;
    const onlyQuestion = { ...noFilters, question: filters.question };
    let n = 0;
    for (const idea of ideas.values()) if (!matchesFilters(idea, onlyQuestion, settings)) n += 1;
    return n;
  }, [ideas, filters.question, settings]);
  // Nothing shown because of the person's own search or filters (not merely the focus question).
  const noMatches = shown === 0 && ideas.size > 0 && hasChosenFilters(filters);

  // Clusters with no idea in view still show (empty, as drop targets) where their question's
  // ideas land; not while searching or filtering, where an empty cluster would read as "no match here".
  const emptyClusters = useMemo(() => {
    if (searching || chosenFilterCount(filters) > 0) return [];
    const used = new Set(groups.flatMap((g) => g.ideas.map((i) => i.clusterId)));
    const question = filteredQuestion(filters.question, settings);
    return clusters.filter((c) => !used.has(c.id) && (question === undefined || c.questionId === question));
  }, [groups, clusters, filters, searching, settings]);
  const emptyIn = (group: IdeaGroup): Cluster[] =>
    emptyClusters.filter((c) => homeGroupKey(grouping, c.questionId) === group.key);

  const onDelete = (group: IdeaGroup, idea: Idea) => {
    const at = group.ideas.indexOf(idea);
    const neighbour = group.ideas[at + 1] ?? group.ideas[at - 1];
    sync.deleteIdea(idea.id);
    announce(t('idea.deleted'));
    // The focused note is gone: continue at its neighbour, or at the section.
    if (neighbour) moves.refocus(neighbour.id, 'move');
    else document.getElementById(IDEAS_HEADING_ID)?.focus();
  };

  const renderIdea = (group: IdeaGroup) => (idea: Idea) => (
    <li key={idea.id} className="group__item">
      <IdeaNote
        idea={idea}
        grouping={grouping}
        settings={settings}
        permissions={ideaPermissions(ctx, idea)}
        moveOptions={() => moves.moveOptions(idea, group)}
        clusterOptions={() => moves.clusterOptions(idea)}
        hasClusterOptions={moves.hasClusterOptions(idea)}
        editors={present.filter((p) => p.editing === idea.id)}
        total={revealed ? (totals[idea.id] ?? 0) : null}
        history={histories.get(idea.id) ?? null}
        merge={
          selection
            ? {
                selected: selection.includes(idea.id),
                onToggle: (on) => setSelection(on ? [...selection, idea.id] : selection.filter((id) => id !== idea.id)),
              }
            : null
        }
        onDelete={(i) => onDelete(group, i)}
        onDragStart={moves.onDragStart}
        onDragEnd={moves.onDragEnd}
      />
    </li>
  );

  return (
    <section className={`ideas${results ? ' ideas--results' : ''}`} aria-labelledby={IDEAS_HEADING_ID} data-results={results ? 'on' : 'off'}>
      <h2 id={IDEAS_HEADING_ID} className="ideas__heading" tabIndex={-1}>
        {results ? t('voting.resultsHeading') : t('board.ideasHeading')}
      </h2>
      {results ? <p className="hint ideas__results-hint">{revealed ? t('voting.resultsHelp') : t('voting.resultsHidden')}</p> : null}
      <BoardToolbar shown={shown} total={ideas.size} />
      {otherQuestions > 0 ? (
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
      {identity?.role === 'facilitator' ? <MergeBar /> : null}
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
        <p className="ideas__none">{t('groups.empty')}</p>
      ) : null}
      <IdeaGroups
        groups={groups}
        grouping={grouping}
        settings={settings}
        dropHandlers={moves.dropHandlers}
        renderGroupBody={(group) => {
          const layout = layoutGroup(group.ideas, { clusters, emptyHere: emptyIn(group), results, totals });
          if (layout.blocks.length === 0 && layout.loose.length === 0) return null;
          return <GroupBody layout={layout} renderIdea={renderIdea(group)} results={results} revealed={revealed} dropCluster={moves.dropCluster(group)} />;
        }}
      />
    </section>
  );
}
