import { memo } from 'react';
import { clusterFits, clusterOf } from '../../clusters/clusters';
import { boardGroupingOf } from '../board-grouping';
import { indexGrouping } from '../grouping';
import { useIdeaFields } from '../../state/idea-fields';
import { ideaPermissions } from '../../workshop/permissions';
import { countRender } from '../render-probe';
import { IdeaNote } from './IdeaNote';
import { useNoteHandlers } from './NoteHandlers';

const NOBODY: readonly (string | null)[] = Object.freeze([]);

interface Props {
  ideaId: string;
  /** The group the note is shown in (its moves and the focus after a delete depend on it). */
  groupKey: string;
  /** Shown in the results' ranking, out of its group and cluster: the note names its cluster and its classification. */
  ranked?: boolean;
}

/**
 * One note on the board, memoised: it selects its own idea and what belongs to it (votes,
 * editors, merge history, selection) from the store, so a remote edit of another idea, or
 * the board regrouping around it, does not re-render it (issue 17, item 5).
 */
export const BoardNote = memo(function BoardNote({ ideaId, groupKey, ranked = false }: Props) {
  if (import.meta.env.VITE_RENDER_PROBE === '1') countRender('note', ideaId);
  // One subscription for all of it, keyed by the idea (state/idea-fields.ts): a change of
  // another idea does not even run this selector, and a board renders hundreds of notes.
  const { idea, grouping, identity, workshop, settings, editors, total, history, selected, clusters } = useIdeaFields(ideaId, (s) => ({
    idea: s.ideas.get(ideaId),
    grouping: indexGrouping(boardGroupingOf(s)),
    identity: s.identity,
    workshop: s.workshop,
    settings: s.settings,
    editors: s.editing.get(ideaId) ?? NOBODY,
    total: s.workshop.votesRevealed ? (s.voteTotals[ideaId] ?? 0) : null,
    history: s.histories.get(ideaId) ?? null,
    selected: s.mergeSelection ? s.mergeSelection.includes(ideaId) : null,
    clusters: s.clusters,
  }));
  const handlers = useNoteHandlers();
  if (!idea) return null;
  const ctx = { identity, workshop, settings };
  const focusId = settings?.focusQuestionId ?? null;
  return (
    <IdeaNote
      idea={idea}
      grouping={grouping}
      settings={settings}
      cluster={ranked ? (clusterOf(idea, clusters)?.name ?? null) : undefined}
      permissions={ideaPermissions(ctx, idea)}
      moveOptions={() => handlers.moveOptions(idea, groupKey)}
      clusterOptions={() => handlers.clusterOptions(idea)}
      hasClusterOptions={clusters.some((c) => clusterFits(c, idea, focusId))}
      editors={editors}
      total={total}
      history={history}
      merge={selected === null ? null : { selected, onToggle: (on) => handlers.toggleMerge(ideaId, on) }}
      onDelete={(i) => handlers.onDelete(i, groupKey)}
      onDragStart={handlers.onDragStart}
      onDragEnd={handlers.onDragEnd}
    />
  );
});
